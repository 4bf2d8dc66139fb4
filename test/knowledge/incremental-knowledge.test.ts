import { buildArticle } from '../../src/corpus/build-article';
import { StoryCorpus } from '../../src/corpus/story-corpus';
import { storyDefinitionSchema } from '../../src/story/story-definition';
import { KnowledgeCache } from '../../src/knowledge/knowledge-cache';
import { ManualClock } from '../../src/clock';
import { formatPartialDate } from '../../src/knowledge/partial-date';

const definition = storyDefinitionSchema.parse({
  id: 'kiln',
  command: 'kiln',
  title: 'The kiln works',
  mainPerson: 'Oda Brenner',
  people: [{ name: 'Oda Brenner', aliases: ['Brenner'] }],
  organisations: [{ name: 'Kiln Works', aliases: [] }],
});

const article = (i: number, body: string) =>
  buildArticle({ id: `a${i}`, outlet: `Outlet ${i}`, title: `Report ${i}`, origin: 'feed', published: '2026-03-01', body });

describe('knowledge rebuilt after a corpus change', () => {
  const corpus = new StoryCorpus(Array.from({ length: 20 }, (_, i) => article(i, `Brenner bought Kiln Works in ${2000 + i}.`)));
  const cache = new KnowledgeCache(new ManualClock('2026-03-10T00:00:00Z'));

  it('extracts every article once, then only the added or edited ones', () => {
    expect(cache.get(definition, corpus).events).toHaveLength(20);
    expect(cache.extractions(corpus)).toBe(20);

    corpus.upsert([article(100, 'Brenner sold Kiln Works in February 2026.')]);
    const after = cache.get(definition, corpus);
    expect(cache.extractions(corpus)).toBe(21);
    expect(after.events.map((e) => formatPartialDate(e.date))).toContain('2026-02');

    corpus.upsert([article(3, 'Brenner bought Kiln Works in 1999.')]);
    const edited = cache.get(definition, corpus);
    expect(cache.extractions(corpus)).toBe(22);
    expect(edited.events.some((e) => e.date.year === 2003)).toBe(false);
    expect(edited.events.some((e) => e.date.year === 1999)).toBe(true);

    // Asking again without a change reads nothing.
    cache.get(definition, corpus);
    expect(cache.extractions(corpus)).toBe(22);
  });
});
