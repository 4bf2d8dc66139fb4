import { buildArticle } from '../../src/corpus/build-article';
import { storyDefinitionSchema } from '../../src/story/story-definition';
import { buildStoryKnowledge } from '../../src/knowledge/story-knowledge';
import { formatPartialDate } from '../../src/knowledge/partial-date';

const definition = storyDefinitionSchema.parse({
  id: 'test',
  command: 'test',
  title: 'Test story',
  mainPerson: 'Ada Quill',
  people: [{ name: 'Ada Quill', aliases: ['Quill'] }, { name: 'Bo Stern', aliases: ['Stern'] }],
  organisations: [{ name: 'Nimbus Labs', aliases: ['Nimbus'] }, { name: 'Orbit Press', aliases: [] }],
  synonyms: [['founded', 'started', 'launched']],
});

const article = (id: string, outlet: string, body: string) =>
  buildArticle({ id, outlet, title: `${outlet} story`, origin: 'folder', published: '2026-05-20', body });

describe('mergeEvents', () => {
  const knowledge = buildStoryKnowledge(
    definition,
    [
      article('a', 'Daily One', 'Ada Quill founded Nimbus Labs in 2024.\n\nIn 2024 Orbit Press named Quill to its list of rising scientists.'),
      article('b', 'Weekly Two', 'Quill launched Nimbus Labs in March 2024, a year after leaving her post.'),
      article('c', 'Radio Three', 'Bo Stern joined Nimbus Labs as its first engineer in 2024.'),
    ],
    { version: 1, now: new Date('2026-06-01') },
  );
  const lines = knowledge.events.map((e) => `${formatPartialDate(e.date)} [${e.sources.join(', ')}]`);

  it('makes one entry, with every outlet and the most precise date, of an event told twice', () => {
    const founding = knowledge.events.find((e) => e.sources.includes('Weekly Two'))!;
    expect(formatPartialDate(founding.date)).toBe('2024-03');
    expect(founding.sources).toEqual(['Weekly Two', 'Daily One']);
    expect(founding.mentions.map((m) => m.sentence)).toEqual([
      'Quill launched Nimbus Labs in March 2024, a year after leaving her post.',
      'Ada Quill founded Nimbus Labs in 2024.',
    ]);
  });

  it('keeps different events of the same year apart, in date order', () => {
    expect(lines).toEqual(['2024 [Radio Three]', '2024 [Daily One]', '2024-03 [Weekly Two, Daily One]']);
    expect(knowledge.events.find((e) => e.sources.includes('Radio Three'))?.text).toBe('Bo Stern joined Nimbus Labs as its first engineer in 2024.');
  });
});
