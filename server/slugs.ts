import slugify from '@sindresorhus/slugify';

/** The slug a title starts from: transliterated, at most 80 chars, or `fallback` when nothing is left. */
export function slugBase(title: string, fallback: string): string {
  return slugify(title).slice(0, 80).replace(/-+$/, '') || fallback;
}

/** `base`, or the first of "base-2", "base-3", … that is not `taken`. */
export function uniqueSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}
