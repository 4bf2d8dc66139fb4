import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Parser from 'rss-parser';
import { generateStory } from '../../bench/generate-story';
import { feedDocument } from '../../bench/feed-documents';
import { percentile, summarise } from '../../bench/percentiles';
import { parseBenchArgs, QUICK_OPTIONS, type BenchOptions } from '../../bench/bench-options';
import { runBench } from '../../bench/run-bench';
import { renderTable } from '../../bench/render-table';
import { renderMarkdown } from '../../bench/render-markdown';
import { silentProgress } from '../../bench/progress';
import { loadStoryFolders } from '../../src/story/load-stories';
import { loadCorpusDir } from '../../src/corpus/load-corpus';
import { repoRoot } from '../support/paths';

/** Every file under `dir`, relative path -> content. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('the generated story', () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  const generate = (seed: number) => {
    const story = generateStory(os.tmpdir(), { articles: 25, seed });
    made.push(story.storiesDir);
    return story;
  };

  it('is the same, byte for byte, for the same seed, and different for another', () => {
    const a = snapshot(generate(7).storiesDir);
    const b = snapshot(generate(7).storiesDir);
    const c = snapshot(generate(8).storiesDir);
    expect(a.size).toBe(26);
    expect([...b.entries()]).toEqual([...a.entries()]);
    expect([...c.values()]).not.toEqual([...a.values()]);
  });

  it('is a valid story whose articles load with outlet, title, date and several sentences', () => {
    const story = generate(11);
    const [folder] = loadStoryFolders(story.storiesDir);
    expect(folder?.definition.command).toBe(story.command);
    const articles = loadCorpusDir(folder!.articlesDir, 'folder');
    expect(articles).toHaveLength(25);
    for (const article of articles) {
      expect(article.outlet).not.toBe(article.id);
      expect(article.title.length).toBeGreaterThan(10);
      expect(article.published).toMatch(/^20\d\d-\d\d-\d\d/);
      expect(article.passages.length).toBeGreaterThanOrEqual(8);
    }
    // Later files are later news, as in a story that kept running.
    expect(articles[0]!.published! < articles[24]!.published!).toBe(true);
  });
});

describe('the generated feeds', () => {
  it('are deterministic RSS that rss-parser reads with every item', async () => {
    const a = feedDocument(3, 12, 40);
    expect(feedDocument(3, 12, 40).xml).toBe(a.xml);
    expect(feedDocument(3, 13, 40).xml).not.toBe(a.xml);
    const parsed = await new Parser().parseString(a.xml);
    expect(parsed.items).toHaveLength(40);
    expect(parsed.items.every((i) => i.title && i.link && i.isoDate)).toBe(true);
    // Some items are about the story, some are not.
    const about = parsed.items.filter((i) => /Calder|Northwind|Meridian/.test(`${i.title} ${i.contentSnippet}`)).length;
    expect(about).toBeGreaterThan(0);
    expect(about).toBeLessThan(40);
  });
});

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile([4], 99)).toBe(4);
    expect(summarise([1, 2, 3, 4])).toEqual({ p50_ms: 2, p95_ms: 4, p99_ms: 4 });
  });
});

describe('bench arguments', () => {
  it('reads --json, --only and --quick, and refuses what it does not know', () => {
    const options = parseBenchArgs(['--json', '--quick', '--only', 'commands,delivery']);
    expect(options.json).toBe(true);
    expect([...options.parts]).toEqual(['commands', 'delivery']);
    expect(options.largeArticles).toBe(QUICK_OPTIONS.largeArticles);
    expect(() => parseBenchArgs(['--only', 'speed'])).toThrow(/unknown part speed/);
    expect(() => parseBenchArgs(['--articles', '0'])).toThrow(/whole number/);
  });
});

describe('a tiny bench run', () => {
  it('reports command percentiles for both stories and digest delivery in the documented JSON shape', async () => {
    const options: BenchOptions = {
      ...QUICK_OPTIONS,
      json: true,
      markdown: false,
      parts: new Set(['commands', 'startup', 'delivery']),
      largeArticles: 30,
      warmup: 1,
      iterations: { bundled: 3, large: 3 },
      channels: 4,
    };
    const report = await runBench(options, silentProgress, {
      entry: path.join(os.tmpdir(), 'no-such-build', 'start.js'),
      bundledStories: path.join(repoRoot, 'digests'),
    });
    const json = JSON.parse(JSON.stringify(report)) as typeof report;
    for (const command of ['timeline', 'ask', 'digest']) {
      for (const size of ['bundled', 'large'] as const) {
        const figures = json.commands?.[command]?.[size];
        expect(figures).toEqual(expect.objectContaining({ p50_ms: expect.any(Number), p95_ms: expect.any(Number), p99_ms: expect.any(Number) }));
        expect(figures!.p50_ms).toBeLessThanOrEqual(figures!.p95_ms);
        expect(figures!.p95_ms).toBeLessThanOrEqual(figures!.p99_ms);
        expect(figures!.samples).toBe(3);
      }
    }
    // The generated story: its 30 articles plus the feed items about it polled in first.
    expect(json.corpus?.large?.feed_items).toBeGreaterThan(0);
    expect(json.corpus?.large?.articles).toBe(30 + json.corpus!.large!.feed_items!);
    expect(json.delivery).toEqual(expect.objectContaining({ channels: 4, lost: 0, http_429: expect.any(Number), seconds: expect.any(Number) }));
    // Parts that could not run are absent, and say why.
    expect(json.startup).toBeUndefined();
    expect(json.ingest).toBeUndefined();
    expect(json.skipped.map((s) => s.part)).toContain('startup');
    expect(json.targets.map((t) => t.what)).toEqual(expect.arrayContaining(['ask p95, bundled story', 'digests lost']));
    const table = renderTable(report);
    expect(table).toMatch(/^ask\s+bundled\s/m);
    expect(table).toMatch(/^delivery/m);
    expect(table).toContain('not measured: startup');
    const markdown = renderMarkdown(report, { bundled: 'bundled', large: 'generated' });
    expect(markdown).toMatch(/^\| `ask` \| bundled \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \|$/m);
    expect(markdown).toMatch(/^Measured on \d+ cores and [\d.]+ GiB/);
  }, 120_000);
});
