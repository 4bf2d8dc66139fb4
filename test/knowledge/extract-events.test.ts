import { buildArticle } from '../../src/corpus/build-article';
import { storyDefinitionSchema } from '../../src/story/story-definition';
import { extractEvents } from '../../src/knowledge/extract-events';
import { StoryNames } from '../../src/knowledge/story-names';
import { TermFolder } from '../../src/knowledge/text-terms';
import { formatPartialDate } from '../../src/knowledge/partial-date';

const definition = storyDefinitionSchema.parse({
  id: 'test',
  command: 'test',
  title: 'Test story',
  mainPerson: 'Ada Quill',
  people: [{ name: 'Ada Quill', aliases: ['Quill'] }],
  organisations: [{ name: 'Nimbus Labs', aliases: ['Nimbus'] }],
});
const options = { names: new StoryNames(definition), folder: new TermFolder(), reference: new Date('2026-05-20T12:00:00Z') };

function events(body: string) {
  const article = buildArticle({ id: 'a', outlet: 'Outlet', title: 'T', origin: 'folder', body });
  return extractEvents(article, options).map((e) => `${formatPartialDate(e.date)} ${e.text}`);
}

describe('extractEvents', () => {
  it('turns a dated sentence into an event whose pronoun subject is the main person', () => {
    expect(events('In 2015, she joined Nimbus Labs as a researcher.')).toEqual(['2015 Quill joined Nimbus Labs as a researcher.']);
  });

  it('drops forecasts, questions, later dates and sentences about nobody in the story', () => {
    expect(
      events(
        [
          'Nimbus Labs will open an office in 2027.',
          'Quill expects Nimbus to double in size by 2026.',
          'Did Quill leave Nimbus in 2024?',
          'Traders put the odds of a Nimbus listing by the end of June at 40%.',
          'Rainfall in 2019 was the highest on record.',
        ].join('\n\n'),
      ),
    ).toEqual([]);
  });

  it('does not treat a figure measured in a year as an event', () => {
    expect(events('Her course at Nimbus grew from 150 students in 2015 to 750 in 2017.')).toEqual([]);
  });

  it('reads a timeline box where the date stands on its own line', () => {
    expect(events('2024-02-01\nQuill left Nimbus Labs for a sabbatical.')).toEqual(['2024-02-01 Quill left Nimbus Labs for a sabbatical.']);
  });

  it('keeps only the factual clause of commentary, and drops commentary that tells nothing', () => {
    expect(
      events(
        [
          'The loss matters less than critics suggest, since Nimbus lost Quill in late 2023 already.',
          'The essay argues that Quill always chases the hardest problem, as her 2019 switch showed.',
        ].join('\n\n'),
      ),
    ).toEqual(['2023 Nimbus lost Quill in late 2023 already.']);
  });

  it('gives a relative clause its name back', () => {
    expect(events('Nimbus Labs, which Quill co-founded in 2016, opened a second office.')).toEqual(['2016 Quill co-founded Nimbus Labs in 2016.']);
  });

  it('puts the main person in front of a timeline line that starts with its verb, and drops "X noted that"', () => {
    expect(events('2018: Joined Nimbus Labs as head of research.')).toEqual(['2018 Quill joined Nimbus Labs as head of research.']);
    expect(events('Analysts noted that Quill left Nimbus in March 2024.')).toEqual(['2024-03 Quill left Nimbus in March 2024.']);
  });

  it('gives each date of a sentence its own clause', () => {
    expect(events('Quill joined Nimbus in May 2020; she left Nimbus in August 2023.')).toEqual([
      '2020-05 Quill joined Nimbus in May 2020.',
      '2023-08 Quill left Nimbus in August 2023.',
    ]);
  });
});
