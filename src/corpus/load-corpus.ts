import fs from 'node:fs';
import path from 'node:path';
import type { Article, ArticleOrigin } from './article';
import { buildArticle } from './build-article';
import { parseFrontMatter } from './front-matter';
import { htmlTitle, htmlToText } from './html-to-text';
import { NewsdeskError } from '../errors';

const EXTENSIONS = new Set(['.md', '.txt', '.html', '.htm']);

/**
 * Loads every article of a folder: `.md` (front matter optional), `.txt` (first line is the
 * title) and `.html`. Files are read in name order so citations are stable.
 */
export function loadCorpusDir(dir: string, origin: ArticleOrigin): Article[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch (error) {
    throw new NewsdeskError('corpus-missing', `cannot read the corpus folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  const files = entries
    .filter((name) => EXTENSIONS.has(path.extname(name).toLowerCase()) && name.toLowerCase() !== 'readme.md')
    .sort();
  return files.map((name) => loadArticleFile(path.join(dir, name), origin));
}

export function loadArticleFile(file: string, origin: ArticleOrigin): Article {
  const raw = fs.readFileSync(file, 'utf8');
  const ext = path.extname(file).toLowerCase();
  const stem = path.basename(file, ext);
  if (ext === '.html' || ext === '.htm') {
    const text = htmlToText(raw);
    const title = htmlTitle(raw) ?? firstLine(text) ?? stem;
    return buildArticle({ id: stem, outlet: stem, title, origin, body: text, lineParagraphs: true });
  }
  const { fields, body } = parseFrontMatter(raw);
  if (Object.keys(fields).length > 0) {
    return buildArticle({
      id: stem,
      outlet: fields.outlet || stem,
      title: fields.title || firstLine(body) || stem,
      ...(fields.url ? { url: fields.url } : {}),
      ...(fields.published ? { published: fields.published } : {}),
      ...(fields.author ? { author: fields.author } : {}),
      origin,
      body,
      lineParagraphs: ext === '.txt',
    });
  }
  // No front matter: the first line is the title, and every line is a paragraph
  // (plain-text exports rarely use blank lines between paragraphs).
  const title = firstLine(body) ?? stem;
  return buildArticle({ id: stem, outlet: stem, title, origin, body, lineParagraphs: true });
}

/** The first non-empty line; a long first line is a lead paragraph, so only its first sentence is kept. */
function firstLine(text: string): string | undefined {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '')?.trim().replace(/^#+\s*/, '');
  if (!line || line.length <= 120) return line;
  const sentence = /^(.{20,}?[.!?])\s/.exec(line)?.[1] ?? line;
  return sentence.length <= 120 ? sentence : `${sentence.slice(0, 117).replace(/\s+\S*$/, '')}...`;
}
