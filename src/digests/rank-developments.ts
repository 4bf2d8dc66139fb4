import type { Development } from '../developments/development';

const DAY_MS = 24 * 3_600_000;
/** An outlet's report a year older than the newest counts half as much. */
const HALF_LIFE_DAYS = 365;

/** Distinct outlets that reported a development. */
export function outletCount(development: Development): number {
  return new Set(development.sources.map((s) => s.outlet.toLowerCase())).size;
}

/**
 * Most important first: reported by more outlets and more recent (the outlet count fades by
 * half per year of age, counted in whole days before the newest, so a story so far leads with
 * what happened lately, and developments of one day are judged by outlets alone), then more
 * about the story, then newer. Ties end on the id so the order is stable from run to run.
 */
export function rankDevelopments(developments: readonly Development[]): Development[] {
  const newest = Math.max(...developments.map((d) => Date.parse(d.publishedAt)).filter((t) => !Number.isNaN(t)));
  const weight = new Map<Development, number>();
  for (const d of developments) {
    const at = Date.parse(d.publishedAt);
    const days = Number.isFinite(newest) && !Number.isNaN(at) ? Math.max(0, Math.floor((newest - at) / DAY_MS)) : 0;
    weight.set(d, outletCount(d) * 2 ** (-days / HALF_LIFE_DAYS));
  }
  return [...developments].sort(
    (a, b) =>
      weight.get(b)! - weight.get(a)! ||
      b.relevance - a.relevance ||
      b.publishedAt.localeCompare(a.publishedAt) ||
      a.id.localeCompare(b.id),
  );
}

/**
 * Leaves out developments that only retell others (a timeline event taken from feed items
 * whose clusters are listed too, or were delivered already), so one report is shown once.
 */
export function dropRetold(developments: readonly Development[], delivered: ReadonlySet<string> = new Set()): Development[] {
  const listed = new Set(developments.filter((d) => !d.retells?.length).map((d) => d.id));
  return developments.filter((d) => !d.retells?.length || !d.retells.every((id) => listed.has(id) || delivered.has(id)));
}
