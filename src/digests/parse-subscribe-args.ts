import { UserFacingError } from '../errors';

export interface DigestTimeChoice {
  /** HH:MM, 24-hour. */
  time: string;
  /** Canonical IANA zone name. */
  timezone: string;
}

/**
 * Reads `[HH:MM] [IANA time zone]` (either order; 8:30, 08:30 and 8:30am all work) over the
 * defaults. Anything else is a plain error with an example the user can copy.
 */
export function parseSubscribeArgs(args: string[], defaults: DigestTimeChoice, command: string): DigestTimeChoice {
  const example = `/${command} subscribe 08:30 Europe/Berlin`;
  if (args.length > 2) {
    throw new UserFacingError(`Too many words after "subscribe". Give a time and a time zone, both optional, e.g. ${example}`);
  }
  let time: string | undefined;
  let timezone: string | undefined;
  for (const arg of args) {
    if (/\d/.test(arg) && !arg.includes('/')) {
      if (time) throw new UserFacingError(`Give one time only, e.g. ${example}`);
      time = parseTimeOfDay(arg);
      if (!time) throw new UserFacingError(`"${arg}" is not a time of day I understand. Use 24-hour HH:MM, e.g. ${example}`);
    } else {
      if (timezone) throw new UserFacingError(`Give one time zone only, e.g. ${example}`);
      timezone = canonicalTimeZone(arg);
      if (!timezone) {
        throw new UserFacingError(
          `"${arg}" is not a time zone I know. Use an IANA name such as Europe/Berlin, America/New_York, Asia/Tokyo or UTC, e.g. ${example}`,
        );
      }
    }
  }
  return { time: time ?? defaults.time, timezone: timezone ?? defaults.timezone };
}

/** "8:30", "08:30", "8:30am", "8pm" -> "HH:MM"; undefined when it is not a time of day. */
export function parseTimeOfDay(text: string): string | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!m?.[1]) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (m[2] === undefined && !half) return undefined; // a bare "8" is too ambiguous to guess
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The zone's canonical spelling ("europe/berlin" -> "Europe/Berlin"); undefined when unknown. */
export function canonicalTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
