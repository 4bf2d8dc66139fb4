import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/paths';

/**
 * A stories folder holding the bundled karpathy story with its feeds replaced (by none, or
 * by feeds on a fake server), so a process under test never reaches out to the internet.
 * The articles are the bundled ones (linked, not copied).
 */
export function offlineStoriesDir(dir: string, feeds: Array<{ url: string; outlet: string }> = []): string {
  const source = path.join(repoRoot, 'digests', 'karpathy');
  const target = path.join(dir, 'stories', 'karpathy');
  fs.mkdirSync(target, { recursive: true });
  const story = JSON.parse(fs.readFileSync(path.join(source, 'story.json'), 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(path.join(target, 'story.json'), JSON.stringify({ ...story, feeds }, null, 2));
  fs.symlinkSync(path.join(source, 'articles'), path.join(target, 'articles'), 'dir');
  return path.join(dir, 'stories');
}
