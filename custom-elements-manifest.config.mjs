// custom-elements-manifest.config.mjs — `cem analyze` reads this; the manifest is committed and checked by `npm test`.

/**
 * Private members (TypeScript `private`, named `_x`) are not part of the public API: the manifest, and
 * Storybook's docs and controls built from it, leave them out.
 */
const privateMembersLeftOut = {
  name: 'private-members-left-out',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules ?? []) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.members) declaration.members = declaration.members.filter((member) => member.privacy !== 'private');
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
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/import/**', 'src/server/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  dev: false,
  plugins: [privateMembersLeftOut, modulesInPathOrder],
};
