import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding newsdesk's package.json, found from this file's location, so the
 * bundled stories are found whether the code runs from src/ (tests) or dist/ (built).
 */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      try {
        if ((JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string }).name === 'newsdesk') return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
