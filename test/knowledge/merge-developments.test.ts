import { buildArticle } from '../../src/corpus/build-article';
import { storyDefinitionSchema } from '../../src/story/story-definition';
import { buildStoryKnowledge } from '../../src/knowledge/story-knowledge';
import { formatPartialDate } from '../../src/knowledge/partial-date';

// A made-up story: one development told in different words by different outlets, next to
// other developments of the same years that must stay apart.
const definition = storyDefinitionSchema.parse({
  id: 'orchard',
  command: 'orchard',
  title: 'Lena Moss and the orchard co-op',
  mainPerson: 'Lena Moss',
  people: [
    { name: 'Lena Moss', aliases: ['Moss'] },
    { name: 'Piet Varga', aliases: ['Varga'], role: 'chair of Greenfield Growers who hired Moss in 2012' },
    { name: 'Ines Alda', aliases: ['Alda'], role: 'agronomist' },
  ],
  organisations: [
    { name: 'Greenfield Growers', aliases: ['Greenfield'] },
    { name: 'Bramble Co-op', aliases: ['Bramble'] },
    { name: 'Hill Press', aliases: [] },
  ],
});

const article = (id: string, outlet: string, body: string) =>
  buildArticle({ id, outlet, title: `${outlet} on Moss`, origin: 'folder', published: '2026-04-02', body });

describe('merging tellings of one development', () => {
  const knowledge = buildStoryKnowledge(
    definition,
    [
      article('a', 'Valley Post', 'In 2009 Moss co-founded Bramble Co-op with six growers.\n\nIn 2012 Moss left Bramble to join Greenfield Growers as head of packing.\n\nIn 2019 Moss returned to Bramble Co-op as its treasurer.\n\nIn 2021 Moss started a seed library.\n\nIn 2021 Hill Press named Moss grower of the year.'),
      article('b', 'Farm Radio', 'In 2009 she became a founding member of Bramble.\n\nIn 2012 Moss was hired by Piet Varga.\n\nMoss went back to Bramble in 2019, this time for good.'),
      article('c', 'County Wire', 'Ines Alda rejoined Bramble Co-op in 2019.\n\nMoss, who rejoined the co-op she helped create, later returned to Bramble in 2019 as treasurer.'),
      article('d', 'Grower Notes', 'Bramble Co-op\n\nMoss\'s first co-op (co-founded 2009, chaired 2015).'),
    ],
    { version: 1, now: new Date('2026-05-01') },
  );
  const lines = knowledge.events.map((e) => `${formatPartialDate(e.date)} ${e.text} [${e.sources.join(', ')}]`);

  it('makes one entry of a founding told as "co-founded" and as "a founding member"', () => {
    const founding = knowledge.events.filter((e) => e.date.year === 2009);
    expect(founding).toHaveLength(1);
    expect(founding[0]!.sources).toEqual(['Valley Post', 'Farm Radio', 'Grower Notes']);
  });

  it('lets a piece of a parenthesis cite an event others tell, but never stand as a line of its own', () => {
    expect(knowledge.events.filter((e) => e.date.year === 2015)).toEqual([]);
    expect(knowledge.events.find((e) => e.date.year === 2009)?.text).toBe('Moss co-founded Bramble Co-op with six growers.');
  });

  it('ties "hired by Varga" to "left for Greenfield" through Varga\'s role in the story file', () => {
    const move = knowledge.events.filter((e) => e.date.year === 2012);
    expect(move).toHaveLength(1);
    expect(move[0]!.sources).toEqual(['Valley Post', 'Farm Radio']);
    // The fuller telling is the entry's line.
    expect(move[0]!.text).toBe('Moss left Bramble to join Greenfield Growers as head of packing.');
  });

  it('treats "returned", "went back" and "rejoined" as one return, but keeps another person\'s return apart', () => {
    const returns = knowledge.events.filter((e) => e.date.year === 2019);
    expect(returns.map((e) => e.sources)).toEqual([['County Wire'], ['Valley Post', 'Farm Radio', 'County Wire']]);
    expect(returns[0]!.text).toBe('Ines Alda rejoined Bramble Co-op in 2019.');
  });

  it('keeps different developments of one year apart', () => {
    expect(lines.filter((l) => l.startsWith('2021'))).toEqual([
      '2021 Hill Press named Moss grower of the year. [Valley Post]',
      '2021 Moss started a seed library. [Valley Post]',
    ]);
  });
});
