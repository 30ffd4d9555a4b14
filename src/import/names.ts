/**
 * Names tidied to the workload format's rule (lowercase letters, digits and dashes, at most 63, like a
 * Kubernetes name) and kept unique: `consulClient` → `consul-client`, `my_app.v2` → `my-app-v2`, a
 * second `api` → `api-2`.
 */

const MAX = 63;

/** The tidy form of `raw`; `fallback` when nothing usable is left. */
export function tidyName(raw: string, fallback = 'workload'): string {
  const kebab = raw
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = kebab.slice(0, MAX).replace(/-+$/, '');
  return cut === '' ? fallback : cut;
}

/** Hands out unique tidy names within one namespace (services and jobs share one; daemons have theirs). */
export class NameBook {
  private readonly taken = new Set<string>();

  /** A tidy name for `raw` not handed out before. */
  claim(raw: string, fallback?: string): string {
    const base = tidyName(raw, fallback);
    let name = base;
    for (let n = 2; this.taken.has(name); n++) {
      const suffix = `-${n}`;
      name = `${base.slice(0, MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    this.taken.add(name);
    return name;
  }
}
