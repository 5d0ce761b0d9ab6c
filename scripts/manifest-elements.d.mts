// Types of scripts/manifest-elements.mjs (imported by .storybook/manifest-arg-types.ts), and the
// parts of the custom elements manifest (schema 2.x) that the project reads.

export interface ManifestType {
  text: string;
}

export interface ManifestMember {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  type?: ManifestType;
  default?: string;
  description?: string;
  attribute?: string;
}

export interface ManifestItem {
  name: string;
  description?: string;
  type?: ManifestType;
  default?: string;
}

export interface ManifestAttribute extends ManifestItem {
  fieldName?: string;
}

export interface ManifestElement {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  description?: string;
  members?: ManifestMember[];
  attributes?: ManifestAttribute[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}

export interface Manifest {
  modules?: { path?: string; declarations?: ManifestElement[] }[];
}

export function customElements(manifest: Manifest): ManifestElement[];
export function findElement(manifest: Manifest, tagName: string): ManifestElement | undefined;
export function publicProperties(element: ManifestElement): ManifestMember[];
export function attributesWithoutProperty(element: ManifestElement): ManifestAttribute[];
export function definedType(type: ManifestType | undefined): string;
