import { ItemJudge, type JudgeInput } from '../../src/feeds/item-judge';
import { normaliseItems, type FeedItem } from '../../src/feeds/feed-item';

const INPUT: JudgeInput = {
  names: {
    mainPerson: 'Andrej Karpathy',
    people: [{ name: 'Andrej Karpathy', aliases: ['Karpathy'] }],
    organisations: [{ name: 'Anthropic', aliases: [] }],
    keywords: ['pre-training'],
  } as JudgeInput['names'],
  include: [],
  exclude: [],
};

function items(entries: Array<{ title: string; text: string; link: string }>): FeedItem[] {
  return normaliseItems(
    { items: entries.map((e, i) => ({ guid: `g${i}-${e.link}`, title: e.title, html: e.text, link: e.link, date: 'Thu, 21 May 2026 08:00:00 GMT' })) },
    { finalUrl: 'https://feeds.example/rss', now: new Date('2026-05-21T12:00:00Z') },
  );
}

describe('ItemJudge', () => {
  const wire = { title: 'Karpathy joins Anthropic to lead pre-training', text: 'Andrej Karpathy will lead a new pre-training team at Anthropic from June, with 40 researchers.', link: 'https://wire.example/1' };

  test('a report carried by several feeds gets the verdict it would get on its own; another report under its link gets its own', () => {
    const judge = new ItemJudge(INPUT);
    const [first] = items([wire]);
    judge.judge([first!]);
    // Another feed with the same report, and one that reuses its link for another report.
    const [copy, other] = items([wire, { title: 'Weather: a sunny weekend', text: 'Sunshine all weekend across the region.', link: wire.link }]);
    judge.judge([copy!, other!]);
    const fresh = items([wire, { title: 'Weather: a sunny weekend', text: 'Sunshine all weekend across the region.', link: wire.link }]);
    new ItemJudge(INPUT).judge(fresh);

    expect(first!.relevance).toBeGreaterThanOrEqual(0.5);
    expect(copy!.relevance).toBe(fresh[0]!.relevance);
    expect([...copy!.terms!]).toEqual([...fresh[0]!.terms!]);
    // Each item has its own terms (the ingester may keep them).
    expect(copy!.terms).not.toBe(first!.terms);
    expect(other!.relevance).toBe(fresh[1]!.relevance);
    expect(other!.relevance).toBe(0);
    expect(other!.terms).toBeUndefined();
  });
});
