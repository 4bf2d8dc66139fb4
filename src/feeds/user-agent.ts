import fs from 'node:fs';
import path from 'node:path';

/** newsdesk's version from its package.json (found from here upwards, in src/ or dist/). */
function packageVersion(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'newsdesk' && pkg.version) return pkg.version;
    } catch {
      // not here: keep walking up
    }
    dir = path.dirname(dir);
  }
  return '0';
}

/** Publishers see who polls them and why, so they can tell a polite reader from a scraper. */
export const FEED_USER_AGENT = `newsdesk/${packageVersion()} (RSS/Atom reader for a team-chat news digest; polls each feed every few minutes with conditional GET)`;
