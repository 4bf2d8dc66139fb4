import type { Development } from '../developments/development';

/** Distinct outlets that reported a development. */
export function outletCount(development: Development): number {
  return new Set(development.sources.map((s) => s.outlet.toLowerCase())).size;
}

/**
 * Most important first: reported by more outlets, then more about the story, then newer.
 * Ties end on the id so the order is stable from run to run.
 */
export function rankDevelopments(developments: readonly Development[]): Development[] {
  return [...developments].sort(
    (a, b) =>
      outletCount(b) - outletCount(a) ||
      b.relevance - a.relevance ||
      b.publishedAt.localeCompare(a.publishedAt) ||
      a.id.localeCompare(b.id),
  );
}
