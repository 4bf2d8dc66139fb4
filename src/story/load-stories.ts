import fs from 'node:fs';
import path from 'node:path';
import { storyDefinitionSchema, type StoryDefinition } from './story-definition';
import { NewsdeskError } from '../errors';

/** A story definition and where its files are. */
export interface StoryFolder {
  definition: StoryDefinition;
  /** Absolute path of `digests/<id>/`. */
  dir: string;
  /** Absolute path of the story's own articles. */
  articlesDir: string;
}

/** Reads one `digests/<id>/story.json`; a bad file is an error naming the file and field. */
export function loadStoryFolder(dir: string): StoryFolder {
  const file = path.join(dir, 'story.json');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new NewsdeskError('story-invalid', `cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = storyDefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new NewsdeskError('story-invalid', `${file} is not a valid story definition: ${detail}`);
  }
  return { definition: parsed.data, dir: path.resolve(dir), articlesDir: path.resolve(dir, 'articles') };
}

/** Every story under `storiesDir` (one sub-folder with a story.json each), sorted by id. */
export function loadStoryFolders(storiesDir: string): StoryFolder[] {
  if (!fs.existsSync(storiesDir)) {
    throw new NewsdeskError('stories-missing', `no stories folder at ${path.resolve(storiesDir)} (set STORIES_DIR)`);
  }
  const stories = fs
    .readdirSync(storiesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(storiesDir, d.name, 'story.json')))
    .map((d) => loadStoryFolder(path.join(storiesDir, d.name)))
    .sort((a, b) => a.definition.id.localeCompare(b.definition.id));
  const commands = new Set<string>();
  for (const s of stories) {
    if (commands.has(s.definition.command)) {
      throw new NewsdeskError('story-invalid', `two stories use the command /${s.definition.command}`);
    }
    commands.add(s.definition.command);
  }
  if (stories.length === 0) {
    throw new NewsdeskError('stories-missing', `no story folders (with story.json) in ${path.resolve(storiesDir)}`);
  }
  return stories;
}
