import { SeededRandom } from './seeded-random';
import { SentenceWriter } from './generate-story';
import { CITIES, OTHER_HEADLINES, OTHER_SENTENCES, OUTLETS, WEEKDAYS } from './news-words';

/** The instant the ingestion bench polls at; items are dated in the days before it. */
export const INGEST_NOW = new Date('2026-06-01T12:00:00.000Z');

export interface FeedDocument {
  outlet: string;
  xml: string;
  items: number;
}

/**
 * One RSS 2.0 feed of `items` entries: about a third on the story, the rest other news;
 * some entries are wire copy that several feeds carry under the same link (to be deduped
 * and clustered). HTML descriptions with entities, as real feeds have. Deterministic.
 */
export function feedDocument(seed: number, feedIndex: number, items: number): FeedDocument {
  const random = new SeededRandom(seed * 7919 + feedIndex);
  const outlet = `${OUTLETS[feedIndex % OUTLETS.length]}${feedIndex >= OUTLETS.length ? ` ${Math.floor(feedIndex / OUTLETS.length) + 1}` : ''}`;
  const domain = `${outlet.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
  const entries: string[] = [];
  for (let j = 0; j < items; j++) {
    const published = new Date(INGEST_NOW.getTime() - random.int(60, 4 * 86_400) * 1000);
    const writer = new SentenceWriter(random, published);
    let title: string;
    let body: string[];
    let link: string;
    if (random.chance(0.1)) {
      // Wire copy: the same story (by seed) in many feeds.
      const wire = random.int(1, 40);
      const copy = new SeededRandom(seed + wire);
      const wireWriter = new SentenceWriter(copy, new Date(INGEST_NOW.getTime() - wire * 3_600_000));
      title = wireWriter.headline();
      body = [wireWriter.sentence('the wire'), wireWriter.sentence('the wire')];
      link = `https://wire.example/2026/${wire}`;
    } else if (random.chance(0.33)) {
      title = writer.headline();
      body = [writer.sentence(outlet), writer.sentence(outlet), writer.sentence(outlet)];
      link = `https://${domain}/2026/${feedIndex}-${j}`;
    } else {
      title = fill(random, random.pick(OTHER_HEADLINES));
      body = [fill(random, random.pick(OTHER_SENTENCES)), fill(random, random.pick(OTHER_SENTENCES))];
      link = `https://${domain}/local/${feedIndex}-${j}`;
    }
    entries.push(
      [
        '    <item>',
        `      <title>${escapeXml(title)}</title>`,
        `      <link>${link}</link>`,
        `      <guid isPermaLink="false">${domain}-${feedIndex}-${j}</guid>`,
        `      <pubDate>${published.toUTCString()}</pubDate>`,
        `      <dc:creator>${escapeXml(outlet)} staff</dc:creator>`,
        `      <description>${escapeXml(`<p>${body.map(escapeXml).join('</p><p>')}</p>`)}</description>`,
        '    </item>',
      ].join('\n'),
    );
  }
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '  <channel>',
    `    <title>${escapeXml(outlet)}: business and transport</title>`,
    `    <link>https://${domain}/</link>`,
    '    <description>The latest stories</description>',
    `    <lastBuildDate>${INGEST_NOW.toUTCString()}</lastBuildDate>`,
    ...entries,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
  return { outlet, xml, items };
}

function fill(random: SeededRandom, template: string): string {
  return template
    .replace('{city}', random.pick(CITIES))
    .replace('{weekday}', random.pick(WEEKDAYS))
    .replace('{n}', String(random.int(3, 900)));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
