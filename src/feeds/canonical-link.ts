/** http(s), lower-case host, no query, fragment, spaces, escapes or backslashes to normalise. */
const CLEAN_ABSOLUTE = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?(?:\/[^?#\s%\\]*)?$/;

const TRACKING_PARAM = /^(utm_[a-z0-9_]*|fbclid|gclid|dclid|mc_cid|mc_eid|_hsenc|_hsmi|igshid)$/i;

/**
 * The link an item is known by: resolved against its base, http(s) only, without the
 * fragment and tracking parameters, so the same article re-emitted with new campaign
 * tags is recognised. Undefined when there is no usable link.
 */
export function canonicalLink(raw: string | undefined, base: string | undefined): string | undefined {
  if (!raw) return undefined;
  // Most links are already absolute and clean: nothing to resolve, strip or normalise.
  if (CLEAN_ABSOLUTE.test(raw) && !raw.includes('/.')) return raw;
  let url: URL;
  try {
    url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING_PARAM.test(name)) url.searchParams.delete(name);
  // `searchParams.delete` re-serialises the query; drop a query that became empty.
  if (url.search === '?') url.search = '';
  return url.toString();
}

/** Resolves `ref` against `base` when both make a URL; otherwise the first usable one. */
export function resolveBase(ref: string | undefined, base: string | undefined): string | undefined {
  if (!ref) return base;
  try {
    return base ? new URL(ref, base).toString() : new URL(ref).toString();
  } catch {
    return base;
  }
}
