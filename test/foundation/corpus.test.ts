import fs from 'node:fs';
import path from 'node:path';
import { normaliseText } from '../../src/corpus/normalise-text';
import { splitSentences } from '../../src/corpus/split-sentences';
import { buildArticle } from '../../src/corpus/build-article';
import { loadCorpusDir } from '../../src/corpus/load-corpus';
import { htmlToText } from '../../src/corpus/html-to-text';
import { parseFrontMatter } from '../../src/corpus/front-matter';
import { describeWithShared, seedsDir } from '../support/paths';
import { tempDir } from '../support/test-newsdesk';

describe('text normalisation', () => {
  it('turns Unicode hyphens and curly quotes into plain ones', () => {
    expect(normaliseText('pre\u2011training \u201cvibe coding\u201d, Karpathy\u2019s')).toBe('pre-training "vibe coding", Karpathy\'s');
  });

  it('joins a lone year line to the line after it', () => {
    expect(normaliseText('2015\nCo-founded OpenAI.')).toBe('2015: Co-founded OpenAI.');
  });
});

describe('sentence splitting', () => {
  it('does not end a sentence at a title or an initial', () => {
    expect(splitSentences('Dr. Li advised him. He moved to the U.S. later. Done!')).toEqual([
      'Dr. Li advised him.',
      'He moved to the U.S. later.',
      'Done!',
    ]);
  });
});

describe('articles', () => {
  it('splits paragraphs into cited passages and marks headings', () => {
    const a = buildArticle({
      id: 'a1', outlet: 'Example', title: 'T', origin: 'folder',
      body: 'What Happened\n\nKarpathy joined Anthropic. He starts this week.\n\nA second paragraph.',
    });
    expect(a.passages.map((p) => [p.text, p.paragraph, p.heading])).toEqual([
      ['What Happened', 0, true],
      ['Karpathy joined Anthropic.', 1, false],
      ['He starts this week.', 1, false],
      ['A second paragraph.', 2, false],
    ]);
    expect(a.passages[2]?.id).toBe('a1#2');
  });

  it('reads front matter, plain text and HTML articles from a folder', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), '---\noutlet: Example News\ntitle: "A title"\npublished: 2026-05-20\nurl: https://example.com/a\n---\nBody text here.\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Plain title\nFirst paragraph.\nSecond paragraph.\n');
    fs.writeFileSync(path.join(dir, 'c.html'), '<html><head><title>Html &amp; title</title><script>alert(1)</script></head><body><p>Para one.</p><p>Para two.</p></body></html>');
    fs.writeFileSync(path.join(dir, 'ignored.json'), '{}');
    const articles = loadCorpusDir(dir, 'folder');
    expect(articles.map((a) => [a.outlet, a.title, a.published, a.url])).toEqual([
      ['Example News', 'A title', '2026-05-20', 'https://example.com/a'],
      ['b', 'Plain title', undefined, undefined],
      ['c', 'Html & title', undefined, undefined],
    ]);
    expect(articles[2]?.body).not.toMatch(/alert/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a missing corpus folder clearly', () => {
    expect(() => loadCorpusDir('/no/such/folder', 'folder')).toThrow(/cannot read the corpus folder \/no\/such\/folder: ENOENT/);
  });

  it('drops scripts and styles and decodes entities in HTML', () => {
    expect(htmlToText('<style>p{}</style><p>A &lt;b&gt; &#8220;q&#8221; &eacute;</p>')).toBe('A <b> \u201cq\u201d é');
  });

  it('leaves a file without front matter untouched', () => {
    expect(parseFrontMatter('no front matter').fields).toEqual({});
  });
});

describeWithShared('the raw seed articles as a --corpus folder', () => {
  it('loads all five, with curly punctuation normalised and no empty passages', () => {
    const articles = loadCorpusDir(seedsDir, 'folder');
    expect(articles).toHaveLength(5);
    for (const a of articles) {
      expect(a.passages.length).toBeGreaterThan(5);
      expect(a.passages.every((p) => p.text.trim().length > 0)).toBe(true);
      expect(a.body).not.toMatch(/[\u2011\u201c\u201d]/);
      expect(a.title.length).toBeLessThanOrEqual(120);
    }
  });
});
