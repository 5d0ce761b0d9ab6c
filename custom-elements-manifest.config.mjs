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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  dev: false,
  plugins: [privateStateHasNoAttribute],
};
