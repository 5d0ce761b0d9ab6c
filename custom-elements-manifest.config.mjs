// custom-elements-manifest.config.mjs — `cem analyze` reads this; the manifest is committed and checked by `npm test`.

/**
 * Elements declare reactive properties with `static properties` (no decorators, for size). The analyzer
 * reads `{ state: true }` entries as attributes; internal state has no attribute, so private members
 * (`_x`) lose theirs here and stay out of the public attribute list.
 */
const privateStateHasNoAttribute = {
  name: 'private-state-has-no-attribute',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        const internal = new Set((declaration.members ?? []).filter((m) => m.privacy === 'private' || m.name.startsWith('_')).map((m) => m.name));
        for (const member of declaration.members ?? []) if (internal.has(member.name)) delete member.attribute;
        if (declaration.attributes) {
          declaration.attributes = declaration.attributes.filter((a) => !internal.has(a.fieldName));
          if (!declaration.attributes.length) delete declaration.attributes;
        }
      }
    }
  },
};

/**
 * The analyzer reads files in parallel and lists modules in the order it finishes them, which varies
 * from run to run (npm test compares the committed manifest with a fresh one): modules sorted by path.
 */
const modulesInPathOrder = {
  name: 'modules-in-path-order',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  },
};

export default {
  globs: ['src/**/*.ts'],
  // The importers (src/import/) hold no element: they stay out of the elements' manifest.
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/import/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  dev: false,
  plugins: [privateStateHasNoAttribute, modulesInPathOrder],
};
