// Storybook's Controls and Docs tables for an element, read from custom-elements.json.
//
// Storybook's own reader of the manifest gives every attribute a JSON control (its type text, such
// as `string | undefined`, is not a type Storybook knows), lists each attribute twice (as `article-id`
// and as `articleId`), and gives every event, slot, CSS part and CSS custom property an object
// control. This reader makes one row per public property, keyed by the property's name (the name
// the stories' args use) and shown under its attribute's name, with a control that matches its
// type: text, number, boolean, a select for a union of string literals, none for anything else
// (data objects and adapters). Events, slots, CSS parts and CSS custom properties are listed
// without controls.
import type { ArgTypes } from '@storybook/web-components-vite';
import { attributesWithoutProperty, definedType, findElement, publicProperties } from '../scripts/manifest-elements.mjs';
import type { Manifest, ManifestItem } from '../scripts/manifest-elements.mjs';

type InputType = ArgTypes[string];

const STRING_LITERAL = /^(['"])(.*)\1$/;

/** The type and control of a property, from its type's text. */
function inputFor(typeText: string): Pick<InputType, 'type' | 'control' | 'options'> {
  const parts = typeText.split('|').map((part) => part.trim());
  if (typeText === 'string') return { type: { name: 'string', required: false }, control: { type: 'text' } };
  if (typeText === 'number') return { type: { name: 'number', required: false }, control: { type: 'number' } };
  if (typeText === 'boolean') return { type: { name: 'boolean', required: false }, control: { type: 'boolean' } };
  if (parts.length > 1 && parts.every((part) => STRING_LITERAL.test(part))) {
    const options = parts.map((part) => part.replace(STRING_LITERAL, '$2'));
    return { type: { name: 'enum', value: options, required: false }, control: { type: 'select' }, options };
  }
  // Data objects, adapters, functions: set from script, not from a form field.
  return { type: { name: 'other', value: typeText, required: false }, control: { disable: true } };
}

/** A row without a control, under `category`. */
function listedOnly(name: string, category: string, item: ManifestItem, defaultValue?: string): InputType {
  return {
    name,
    description: item.description ?? '',
    control: { disable: true },
    table: {
      category,
      ...(item.type ? { type: { summary: item.type.text } } : {}),
      ...(defaultValue !== undefined ? { defaultValue: { summary: defaultValue } } : {}),
    },
  };
}

/**
 * Storybook argTypes for `tagName`: properties keyed by their name, then attributes without a
 * property, events, slots, CSS parts and CSS custom properties under keys of their own
 * (`attribute:…`, `event:…`, `slot:…`, `part:…`, `css:…`), so that a slot named like an attribute
 * (`heading`) does not replace it.
 */
export function argTypesFromManifest(manifest: Manifest, tagName: string): ArgTypes {
  const element = findElement(manifest, tagName);
  if (!element) return {};
  const argTypes: ArgTypes = {};
  for (const member of publicProperties(element)) {
    const typeText = definedType(member.type);
    const propertyNote = member.attribute && member.attribute !== member.name ? ` (property \`${member.name}\`)` : '';
    argTypes[member.name] = {
      name: member.attribute ?? member.name,
      description: `${member.description ?? ''}${propertyNote}`,
      ...inputFor(typeText),
      table: {
        category: member.attribute ? 'attributes' : 'properties',
        type: { summary: typeText },
        ...(member.default !== undefined ? { defaultValue: { summary: member.default } } : {}),
      },
    };
  }
  // Attributes no property reflects: listed, set in the page's markup rather than from a control.
  for (const attribute of attributesWithoutProperty(element)) argTypes[`attribute:${attribute.name}`] = listedOnly(attribute.name, 'attributes', attribute);
  for (const event of element.events ?? []) argTypes[`event:${event.name}`] = listedOnly(event.name, 'events', event);
  for (const slot of element.slots ?? []) argTypes[`slot:${slot.name}`] = listedOnly(slot.name || '(default)', 'slots', slot);
  for (const part of element.cssParts ?? []) argTypes[`part:${part.name}`] = listedOnly(part.name, 'css shadow parts', part);
  for (const property of element.cssProperties ?? []) {
    argTypes[`css:${property.name}`] = listedOnly(property.name, 'css custom properties', property, property.default);
  }
  return argTypes;
}

/** The element's description (the prose of its class JSDoc), for its Docs page. */
export function descriptionFromManifest(manifest: Manifest, tagName: string): string | undefined {
  return findElement(manifest, tagName)?.description || undefined;
}
