import { addDays, localDate, zonedInstant } from './local-time';

/** What the schedule needs to know about a subscription. */
export interface DigestSchedule {
  /** Local time of day, HH:MM. */
  time: string;
  /** IANA time zone of `time`. */
  timezone: string;
  /** When the channel subscribed (ISO-8601); periods due before it are not owed. */
  subscribedAt: string;
}

/** What to do about a subscription right now. */
export type DigestDecision =
  | { kind: 'none' }
  /** The period's digest is owed and still within the grace window: compose and send it. */
  | { kind: 'send'; period: string; dueAt: Date }
  /** The period's digest was missed by more than the grace window: record the skip. */
  | { kind: 'skip'; period: string; dueAt: Date };

/**
 * A scheduler tick runs a minute or so after the due time; that lateness never counts as
 * "missed", even with a grace window of 0 hours.
 */
const TICK_TOLERANCE_MS = 2 * 60_000;

/**
 * Decides, from the subscription, the current instant and the last period already handled
 * for it, whether a digest is due. Pure, so the schedule is tested with any clock.
 *
 * The period is the local date in the subscription's zone; only the latest scheduled time
 * at or before `now` is considered, so a bot down for days owes at most one digest.
 */
export function decideDigest(
  schedule: DigestSchedule,
  now: Date,
  lastPeriod: string | undefined,
  graceHours: number,
): DigestDecision {
  const today = localDate(now, schedule.timezone);
  let period = today;
  let dueAt = zonedInstant(today, schedule.time, schedule.timezone);
  if (dueAt.getTime() > now.getTime()) {
    period = addDays(today, -1);
    dueAt = zonedInstant(period, schedule.time, schedule.timezone);
  }
  if (lastPeriod !== undefined && period <= lastPeriod) return { kind: 'none' };
  if (dueAt.getTime() < new Date(schedule.subscribedAt).getTime()) return { kind: 'none' };
  const late = now.getTime() - dueAt.getTime();
  if (late > graceHours * 3_600_000 + TICK_TOLERANCE_MS) return { kind: 'skip', period, dueAt };
  return { kind: 'send', period, dueAt };
}

/** The first scheduled instant after `from` (for "your first digest arrives at ..."). */
export function nextDueAt(schedule: Pick<DigestSchedule, 'time' | 'timezone'>, from: Date): Date {
  const today = localDate(from, schedule.timezone);
  const at = zonedInstant(today, schedule.time, schedule.timezone);
  return at.getTime() >= from.getTime() ? at : zonedInstant(addDays(today, 1), schedule.time, schedule.timezone);
}
