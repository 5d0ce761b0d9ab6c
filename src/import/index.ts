/**
 * `mag-elements/import`: the importers, for scripts and the `mag-elements` command. They use no
 * Node built-in: they run in Node and in browsers alike. Nothing here is part of the elements'
 * bundles.
 */
export {
  importMovableType,
  ImportError,
  type ImportReport,
  type ImportWarning,
  type MovableTypeImport,
  type MovableTypeImportOptions,
  type SkippedItem,
} from './movable-type.js';
export {
  toSplitLayout,
  SPLIT_LAYOUT,
  validateSplitFile,
  type SplitArticleFile,
  type SplitFile,
  type SplitIndex,
  type SplitLayoutOptions,
  type SplitSectionFile,
  type SplitSummary,
} from './split-layout.js';
export { apacheRedirects, nginxRedirects, redirectsJson, type Redirect } from './redirects.js';
export { validateData } from '../adapters/json/json-adapter.js';
