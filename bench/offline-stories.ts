import fs from 'node:fs';
import path from 'node:path';

/**
 * A copy of a stories folder whose story.json files follow no feeds. The programs the bench
 * spawns poll their feeds as soon as they start; with the copy they never reach out to
 * real news sites, and the figures do not depend on the network of the machine.
 */
export function copyStoriesWithoutFeeds(storiesDir: string, parent: string): string {
  const copy = fs.mkdtempSync(path.join(parent, 'newsdesk-bench-offline-'));
  for (const entry of fs.readdirSync(storiesDir, { withFileTypes: true })) {
    const storyFile = path.join(storiesDir, entry.name, 'story.json');
    if (!entry.isDirectory() || !fs.existsSync(storyFile)) continue;
    const target = path.join(copy, entry.name);
    fs.cpSync(path.join(storiesDir, entry.name), target, { recursive: true });
    const definition = JSON.parse(fs.readFileSync(storyFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(path.join(target, 'story.json'), `${JSON.stringify({ ...definition, feeds: [] }, null, 2)}\n`);
  }
  return copy;
}
