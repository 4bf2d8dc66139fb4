import { envSchema } from './config-schema';
import { configFromEnv, type Config } from './config';
import { ConfigError } from '../errors';

export type { Config } from './config';

/** Variables whose values may hold credentials: never echoed in an error. */
const SECRET = /TOKEN|SECRET|KEY|PASSWORD|DATABASE_URL/;

/**
 * Reads and checks the environment. Every bad variable is reported at once, by name,
 * with what to do; nothing is half-configured.
 */
export function loadConfig(rawEnv: Record<string, string | undefined> = process.env): Config {
  // A blank variable (`LOG_LEVEL=` as in .env.example) means "not set": its default applies.
  const env = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path.join('.');
      const value = env[name];
      const shown = value === undefined || SECRET.test(name) ? '' : ` (got "${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
      problems.push(`${name} is invalid${shown}: ${issue.message}`);
    }
    throw new ConfigError(problems);
  }
  if (parsed.data.DIGEST_TIMEZONE && !isValidTimeZone(parsed.data.DIGEST_TIMEZONE)) {
    problems.push(`DIGEST_TIMEZONE is invalid (got "${parsed.data.DIGEST_TIMEZONE}"): use an IANA time zone such as Europe/Berlin`);
  }
  const config = configFromEnv(parsed.data, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
