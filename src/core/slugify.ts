/**
 * Lower case, no accents, words joined by `-`, as a section's slug: `La République des Territoires` →
 * `la-republique-des-territoires`, `Science & Tech` → `science-tech`. The JSON adapter (in the core)
 * and the feed adapter match sections by it.
 */
export const slugify = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
