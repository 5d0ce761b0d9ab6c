/**
 * Slugs for imported articles and sections: lower-case ASCII letters, digits and `-` (`_` kept from
 * a Movable Type basename), unique within their kind.
 */
import { slugify } from '../core/slugify.js';

/** Letters that Unicode does not decompose into a base letter and an accent. */
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l', þ: 'th', Þ: 'th', ð: 'd', Ð: 'd' };

/** `Les marchés de pays, cœur battant` → `les-marches-de-pays-coeur-battant` (at most `max` characters, cut at a `-`). */
export function slugFromText(text: string, max = 80): string {
  const slug = slugify(text.replace(/[œŒæÆßøØđĐłŁþÞðÐ]/g, (c) => LIGATURES[c] ?? c));
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return dash > max / 2 ? cut.slice(0, dash) : cut;
}

/** A Movable Type basename as a slug: kept as written (lower-cased) when it is already one, else slugified. */
export function slugFromBasename(basename: string): string {
  const lower = basename.trim().toLowerCase();
  return /^[a-z0-9][a-z0-9_-]*$/.test(lower) ? lower : slugFromText(basename);
}

/** Hands out unique slugs: a slug already given gets `-2`, `-3`…; an empty one is `fallback`. */
export class SlugRegistry {
  private readonly _taken = new Set<string>();
  private readonly _fallback: string;
  /**
   * For each slug wanted more than once, the first `N` not yet tried: every `wanted-N` below it is
   * taken (nothing is ever given back), so thousands of entries of one title cost one try each.
   */
  private readonly _nextSuffix = new Map<string, number>();

  /** `fallback`: the slug of a text with no letter or digit a slug can hold (`???`, `Новости`). */
  constructor(fallback: string) {
    this._fallback = fallback;
  }

  /** Reserves `wanted` (the fallback when empty; when taken, the first free `wanted-N`) and returns it. */
  claim(wanted: string): string {
    wanted ||= this._fallback;
    let slug = wanted;
    let suffix = this._nextSuffix.get(wanted) ?? 2;
    while (this._taken.has(slug)) slug = `${wanted}-${suffix++}`;
    if (slug !== wanted) this._nextSuffix.set(wanted, suffix);
    this._taken.add(slug);
    return slug;
  }
}
