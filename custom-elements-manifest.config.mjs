// custom-elements-manifest.config.mjs — `cem analyze` reads this; the manifest is committed and checked by `npm test`.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  dev: false,
};
