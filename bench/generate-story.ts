import fs from 'node:fs';
import path from 'node:path';
import { SeededRandom } from './seeded-random';
import { ACTIONS, CITIES, HISTORY, MINOR_FIRST, MINOR_LAST, MINOR_ROLES, MONTHS, ORGANISATIONS, OUTLETS, PEOPLE, QUOTES, WEEKDAYS } from './news-words';

export const GENERATED_STORY_ID = 'northwind-calder';
export const GENERATED_STORY_COMMAND = 'calder';

export interface GeneratedStory {
  /** The folder to use as STORIES_DIR (it holds one story folder). */
  storiesDir: string;
  storyDir: string;
  command: string;
  articles: number;
  bytes: number;
}

export interface GenerateStoryOptions {
  articles: number;
  seed: number;
  /** Feed URLs to list in story.json (the ingestion bench); none by default. */
  feeds?: Array<{ url: string; outlet: string }>;
}

/** The story.json of the generated story. */
export function generatedStoryDefinition(feeds: GenerateStoryOptions['feeds'] = []): Record<string, unknown> {
  return {
    id: GENERATED_STORY_ID,
    command: GENERATED_STORY_COMMAND,
    title: "Northwind Logistics' bid for Calder Rail",
    summary: 'Northwind Logistics is trying to buy the regional operator Calder Rail, against a rival bid, a union campaign and a competition review.',
    mainPerson: 'Maren Okafor',
    people: PEOPLE,
    organisations: ORGANISATIONS,
    synonyms: [
      ['offer', 'bid', 'takeover', 'deal', 'acquisition'],
      ['boss', 'chief executive', 'head', 'runs', 'leads', 'leader'],
      ['shares', 'stock', 'share price'],
      ['workers', 'staff', 'jobs', 'employees'],
      ['review', 'investigation', 'inquiry'],
    ],
    keywords: ['Calder Rail', 'Northwind', 'rail takeover', 'depot'],
    feeds,
    digest: { time: '08:00', timezone: 'UTC' },
  };
}

/**
 * Writes a story folder (`story.json` + `articles/*.md`) of `articles` news-like articles
 * under a new folder in `parent`. The same seed gives the same bytes.
 */
export function generateStory(parent: string, options: GenerateStoryOptions): GeneratedStory {
  const storiesDir = fs.mkdtempSync(path.join(parent, 'newsdesk-bench-story-'));
  const storyDir = path.join(storiesDir, GENERATED_STORY_ID);
  const articlesDir = path.join(storyDir, 'articles');
  fs.mkdirSync(articlesDir, { recursive: true });
  fs.writeFileSync(path.join(storyDir, 'story.json'), `${JSON.stringify(generatedStoryDefinition(options.feeds), null, 2)}\n`);
  const random = new SeededRandom(options.seed);
  let bytes = 0;
  for (let i = 0; i < options.articles; i++) {
    const article = generateArticle(random, i, options.articles);
    fs.writeFileSync(path.join(articlesDir, article.file), article.text);
    bytes += Buffer.byteLength(article.text);
  }
  return { storiesDir, storyDir, command: GENERATED_STORY_COMMAND, articles: options.articles, bytes };
}

/** Articles span 2024-01-01 to 2026-06-30 in file order, like a story that kept running. */
const START_MS = Date.UTC(2024, 0, 1);
const END_MS = Date.UTC(2026, 5, 30);

export interface GeneratedArticle {
  file: string;
  text: string;
}

export function generateArticle(random: SeededRandom, index: number, total: number): GeneratedArticle {
  const published = new Date(START_MS + Math.floor(((END_MS - START_MS) * index) / Math.max(1, total)) + random.int(0, 86_399) * 1000);
  const outlet = random.pick(OUTLETS);
  const writer = new SentenceWriter(random, published);
  const title = writer.headline();
  const paragraphs: string[] = [];
  const count = random.int(4, 7);
  for (let p = 0; p < count; p++) {
    const sentences: string[] = [];
    const n = random.int(2, 4);
    for (let s = 0; s < n; s++) sentences.push(writer.sentence(outlet));
    paragraphs.push(sentences.join(' '));
  }
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
  const id = `${String(index + 1).padStart(5, '0')}-${slug}`;
  const domain = outlet.toLowerCase().replace(/^the /, '').replace(/[^a-z]+/g, '');
  const text = [
    '---',
    `outlet: ${outlet}`,
    `title: ${title}`,
    `published: ${published.toISOString().slice(0, 10)}`,
    `url: https://${domain}.example/${published.getUTCFullYear()}/${slug}`,
    '---',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
  return { file: `${id}.md`, text };
}

/** Builds sentences about the story, with dates no later than the article's own date. */
export class SentenceWriter {
  constructor(
    private readonly random: SeededRandom,
    private readonly published: Date,
  ) {}

  headline(): string {
    const r = this.random;
    const templates = [
      () => `Northwind raises its offer for Calder Rail to ${this.money()}`,
      () => `${r.pick(PEOPLE).name} says the ${r.pick(['deal', 'bid', 'review', 'vote'])} is ${r.pick(['on track', 'in doubt', 'far from settled', 'weeks away'])}`,
      () => `Calder Rail shares ${r.pick(['jump', 'slide', 'hold steady'])} as ${r.pick(['Meridian Freight', 'Northwind', 'Solberg Partners'])} ${r.pick(['weighs its options', 'raises the stakes', 'waits'])}`,
      () => `Regulator ${r.pick(['extends', 'opens', 'widens'])} its review of the Calder Rail deal`,
      () => `Union warns of strikes at ${r.pick(CITIES)} depots over the takeover`,
      () => `What the Calder Rail bid means for ${r.pick(['commuters', 'freight customers', 'shareholders', 'Port Avery'])}`,
    ];
    return r.pick(templates)();
  }

  sentence(outlet: string): string {
    const r = this.random;
    const person = r.pick(PEOPLE);
    const org = r.pick(ORGANISATIONS);
    const templates = [
      () => `${person.name}, ${person.role}, said on ${r.pick(WEEKDAYS)} that ${org.name} would ${r.pick(ACTIONS)}.`,
      () => `The offer values Calder Rail at ${this.money()}, a premium of ${r.int(12, 48)} percent over its closing price on ${this.date()}.`,
      () => `According to ${r.pick(OUTLETS)}, ${org.name} has hired Halden & Co to advise on the ${r.pick(['bid', 'defence', 'financing', 'sale of the sleeper services'])}.`,
      () => `"${r.pick(QUOTES)}," ${person.name} told ${outlet}.`,
      () => `Shares of Calder Rail ${r.pick(['rose', 'fell'])} ${r.int(1, 19)}.${r.int(0, 9)} percent to ${r.int(180, 420)} pence in ${r.pick(CITIES)} trading on ${this.date()}.`,
      () => `${person.name} joined ${org.name} in ${this.monthYear()} and is expected to ${r.pick(ACTIONS)}.`,
      () => `The Competition and Markets Board opened a review on ${this.date()} and has ${r.int(20, 90)} working days to decide.`,
      () => `About ${r.int(3, 19)},${r.int(100, 999)} workers at ${r.int(4, 31)} depots could be affected, the Transport Workers Union said.`,
      () => `${org.name} reported revenue of ${this.money()} for the ${r.pick(['first', 'second', 'third', 'fourth'])} quarter, ${r.pick(['up', 'down'])} ${r.int(2, 23)} percent from a year earlier.`,
      () => `Analysts at Brightwater Capital estimate yearly savings of ${r.int(40, 390)} million dollars by ${this.published.getUTCFullYear() + r.int(1, 4)}.`,
      () => `${this.minorPerson()}, ${r.pick(MINOR_ROLES)}, said the ${r.pick(['deal', 'takeover', 'bid'])} ${r.pick(['worried', 'encouraged', 'puzzled'])} ${r.pick(['staff', 'passengers', 'investors', 'local businesses'])} in ${r.pick(CITIES)}.`,
      () => `${person.name} declined to comment when contacted by ${outlet}.`,
      () => `A vote by Calder Rail shareholders is scheduled for ${this.date(true)}.`,
      () => `In ${this.published.getUTCFullYear() - r.int(2, 15)}, ${org.name} ${r.pick(HISTORY)}.`,
      () => `Meridian Freight is said to be preparing a rival offer of ${this.money()}, people familiar with the matter told ${r.pick(OUTLETS)}.`,
    ];
    return r.pick(templates)();
  }

  private money(): string {
    const r = this.random;
    return r.chance(0.7) ? `$${r.int(1, 6)}.${r.int(0, 9)} billion` : `$${r.int(120, 980)} million`;
  }

  /** A date in the 400 days before publication, or (`ahead`) in the 90 days after. */
  private date(ahead = false): string {
    const offsetDays = ahead ? this.random.int(5, 90) : -this.random.int(0, 400);
    const d = new Date(this.published.getTime() + offsetDays * 86_400_000);
    return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
  }

  private monthYear(): string {
    const d = new Date(this.published.getTime() - this.random.int(30, 3000) * 86_400_000);
    return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  }

  private minorPerson(): string {
    return `${this.random.pick(MINOR_FIRST)} ${this.random.pick(MINOR_LAST)}`;
  }
}
