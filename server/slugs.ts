import slugify from '@sindresorhus/slugify';

/** A URL slug for a title, unique among `taken` by a numeric suffix ("setup", "setup-2", …). */
export function uniqueSlug(title: string, taken: Iterable<string>, fallback: string): string {
  const base = slugify(title).slice(0, 80).replace(/-+$/, '') || fallback;
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

export function slugBase(title: string, fallback: string): string {
  return slugify(title).slice(0, 80).replace(/-+$/, '') || fallback;
}
