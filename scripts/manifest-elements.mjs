// Reading custom-elements.json: which elements it declares and which of their members make the
// public API. Shared by the Docs tables of docs/elements/*.md (scripts/element-docs.mjs) and by
// Storybook's Controls (.storybook/manifest-arg-types.ts), so that both list the same properties.

/** Every custom element with a tag name, in the manifest's order (modules sorted by path). */
export function customElements(manifest) {
  const found = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) found.push(declaration);
    }
  }
  return found;
}

/** The custom element declared with `tagName`, if the manifest has it. */
export function findElement(manifest, tagName) {
  return customElements(manifest).find((element) => element.tagName === tagName);
}

/** The properties a page can set: fields that are neither private, protected, static nor read-only. */
export function publicProperties(element) {
  return (element.members ?? []).filter(
    (member) => member.kind === 'field' && (member.privacy ?? 'public') === 'public' && !member.static && !member.readonly && !member.name.startsWith('_'),
  );
}

/** Attributes that no public property reflects (declared with `@attr` in the class JSDoc, read with `getAttribute()`). */
export function attributesWithoutProperty(element) {
  const properties = new Set(publicProperties(element).map((member) => member.name));
  return (element.attributes ?? []).filter((attribute) => !attribute.fieldName || !properties.has(attribute.fieldName));
}

/** The type's text without `undefined` and `null`, which only say that the property may be unset. */
export function definedType(type) {
  if (!type?.text) return '';
  return type.text
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined' && part !== 'null')
    .join(' | ');
}
