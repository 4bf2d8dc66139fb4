import fs from 'node:fs';
import path from 'node:path';
import { loadStoryFolder } from '../../src/story/load-stories';
import { loadCorpusDir } from '../../src/corpus/load-corpus';
import { StoryCorpus } from '../../src/corpus/story-corpus';
import { buildArticle } from '../../src/corpus/build-article';
import { OfflineAnswerer } from '../../src/answers/offline-answerer';
import { porterStem } from '../../src/answers/porter-stemmer';

const repoRoot = path.resolve(__dirname, '../..');
const story = loadStoryFolder(path.join(repoRoot, 'digests', 'karpathy'));
const seedsDir = path.resolve(repoRoot, '../shared/seeds');

interface Question {
  q: string;
  any?: string[];
  abstain?: boolean;
}

const readQuestions = (file: string): Question[] =>
  fs
    .readFileSync(path.join(__dirname, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Question);

/** Questions worded unlike the articles and unlike the shared dev set; never tuned one by one. */
const heldOut = readQuestions('paraphrase-questions.jsonl');

/**
 * A second set, written before the paraphrase work it measures and scored once after it
 * (multi-hop and loosely worded questions included). Its floors are the levels measured
 * then, so a change that answers fewer of them, or any wrongly, fails here.
 */
const heldOutSecond = readQuestions('paraphrase-questions-2.jsonl');
/** A period asked about ("while at Tesla") placed in the answer: bundled 21, seeds 17. */
const SECOND_SET_FLOOR: Record<string, number> = { bundled: 23, seeds: 20 };

/**
 * A third set, written by someone else while the relation checks were built and never seen
 * by them; scored once after the last change (bundled 11/33 right, 16 refused, 6 answered
 * wrongly; seeds 12/33, 18 refused, 3 wrongly; every refusal question refused on both). The
 * floors are those levels: a change may only answer more of it. The rebalancing of the
 * evidence gate (hard constraints on names, numbers and answer types; framing words left
 * out; words matched one by one) then used it as development data: bundled 18/33, seeds 20/33.
 */
const heldOutThird = readQuestions('paraphrase-questions-3.jsonl');
/**
 * The change gap ("from 150 to 750" = 600), any founding verb for "started" and a quote shown
 * from where it opens: bundled 23, seeds 23.
 */
const THIRD_SET_FLOOR: Record<string, number> = { bundled: 27, seeds: 25 };

/**
 * A fourth set, written by someone else during the gate rebalancing and scored once after
 * the last change, with no change since: bundled 17/30 answerable right and 6/10 refused,
 * seeds 16/30 and 6/10. Four refusal questions are answered wrongly on both corpora (a
 * named person's move that did not happen, a figure for another model, a headcount, a
 * future name): known faults, recorded here so none is added and any fix shows.
 */
const heldOutFourth = readQuestions('paraphrase-questions-4.jsonl');
/**
 * The focus checks (the asked noun counted, the asked verb's event, no contrary modifier,
 * a name next to the named thing, a handle written as the asked user, the sentence a bare
 * "warned about this" stands for) then used it as development data: every refusal refused,
 * bundled 20/30, seeds 18/30.
 */
const FOURTH_SET_FLOOR: Record<string, number> = { bundled: 24, seeds: 24 };

/**
 * A fifth set, written by someone else while the focus checks were built and never seen by
 * them; scored once after the last change, with no change since: bundled 10/26 answerable
 * right and 8/10 refused, seeds 11/26 and 9/10. Refusal questions answered wrongly (the
 * figure of another company for "what is OpenAI currently valued at" on both corpora; the
 * year without the asked month for "which month in 2024 did Karpathy launch Eureka Labs" on
 * the bundled one): known faults, kept as a ceiling so none is added and any fix shows.
 */
const heldOutFifth = readQuestions('paraphrase-questions-5.jsonl');
const FIFTH_SET_FLOOR: Record<string, number> = { bundled: 20, seeds: 19 };
/**
 * Then fixed by the owner of a figure (the organisation named before it, not one it is
 * compared with), the asked precision of a date ("which month in 2024": not a bare year,
 * not another year's month) and the founded organisation written as founded: none left.
 */
const FIFTH_SET_WRONG_REFUSALS: Record<string, number> = { bundled: 0, seeds: 0 };

/**
 * A sixth set, written by someone else while the owner, precision, founding, speaker,
 * period and change-gap checks were built and never seen by them; scored once after the
 * last change, with no change since: bundled 13/22 answerable right and 8/8 refused (no
 * wrong answer), seeds 13/22 and 7/8. Wrong answers on the seeds: "who runs Anthropic's
 * post-training team" answered with the pre-training lead (a refusal question), and "how
 * long did Karpathy leave the coding agent running" answered with a career sentence. Known
 * faults, kept as ceilings so none is added and any fix shows.
 */
const heldOutSixth = readQuestions('paraphrase-questions-6.jsonl');
/**
 * Then the key-word rule (half of several equally rare words, the asked verb always), a
 * hyphenated word with another first part refused ("post-training" / "pre-training") and
 * the asked kind realised by the answer ("which university": Stanford): 15 on both, the
 * post-training question refused. Then source framing ("per the coverage") and hedges
 * left out, a count asked mid-sentence: seeds 16.
 */
const SIXTH_SET_FLOOR: Record<string, number> = { bundled: 17, seeds: 19 };
const SIXTH_SET_WRONG_REFUSALS: Record<string, number> = { bundled: 0, seeds: 0 };
/** Answerable questions answered with something else (not refused): a wrong confident answer. */
const SIXTH_SET_WRONG_ANSWERS: Record<string, number> = { bundled: 0, seeds: 0 };

/**
 * Sets seven and eight, written by someone else who saw neither the code nor the other
 * sets, scored once before any change they prompted: set 7 bundled 20/30 right (7/8
 * refused), seeds 19/30 (6/8); set 8 bundled 11/30 (8/8, 3 answered wrongly), seeds 11/30
 * (7/8, 1 wrongly). The rules above then used them as development data. Floors, and
 * ceilings on wrong answers and wrongly answered refusal questions, at the levels after.
 */
/**
 * Set nine, written by someone else who saw neither the code nor any other set, scored once
 * after the changes sets 7 and 8 prompted, with no change before: bundled 22/40 right (8/10
 * refused, no wrong answer), seeds 20/40 (8/10, 2 answered wrongly). A refusal question
 * answered with a count of years for "how many people" then led to counting people only by
 * what they did right after the number: 9/10 refused on both. A relative clause ends the
 * named thing ("the Stanford course he created"): seeds 21 (its wrong answer now right),
 * bundled 21 (a lucky answer now refused). Then a missing key word forgiven when 80% of
 * the rest is shown (a word put otherwise, never a name, number, verb or kind asked for):
 * bundled 22. Then the asked kind as the last word of the "which" phrase ("which fellow
 * OpenAI co-founder": co-founder) and an ordinal on it required: bundled 24, seeds 22.
 */
/**
 * Set ten, written by someone else who saw neither the code nor any other set, scored once
 * after every change above: bundled 16/40 right (10/10 refused, 2 answered wrongly), seeds
 * 16/40 (10/10, 1 wrongly). One question repeated a dozen words of a seed article and was
 * reworded in our own words; it is refused since. The CEO-title rule then added one.
 */
/**
 * Sets 11 and 12, written by a separate writer from the seed articles alone and scored once
 * before the changes they then guided (bundled 27/40 and 20/40 right, seeds 25/40 and 19/40).
 * Sets 13 and 14, written the same way at the same time, were kept unseen until those changes
 * were done and scored once then: bundled 21/40 and 23/40 (49% -> 55% over both, against 39/80
 * for the code before the changes), seeds 23/40 and 18/40 (45% -> 51%). Floors and ceilings
 * are the levels after the last change.
 */
/**
 * Sets 15 and 16, written by a third separate writer while sets 11-14 guided changes, kept
 * unseen until those were done and scored once: bundled 47/80 right (the code before the
 * changes: 40/80), 18/20 refusals, 5 wrong answers; seeds 47/80 (before: 39/80), 17/20, 2.
 */
/**
 * Sets 17 and 18, written by a fourth separate writer and scored once on the final code of
 * the round of work that kept them: bundled 52/80 right (the code before that round: 39/80),
 * 18/20 refusals, 3 wrong answers; seeds 43/80 (before: 34/80), 18/20, 2.
 */
const LATER_SETS: Array<{ name: string; questions: Question[]; floor: Record<string, number>; wrongRefusals: Record<string, number>; wrongAnswers: Record<string, number> }> = [
  { name: 'sixth', questions: heldOutSixth, floor: SIXTH_SET_FLOOR, wrongRefusals: SIXTH_SET_WRONG_REFUSALS, wrongAnswers: SIXTH_SET_WRONG_ANSWERS },
  // Seeds 26 -> 25: "which company did Elon Musk lure him to back in 2017" had been answered from a sentence without 2017; a year the question gives must now be in the answer sentence.
  { name: 'seventh', questions: readQuestions('paraphrase-questions-7.jsonl'), floor: { bundled: 23, seeds: 25 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  { name: 'eighth', questions: readQuestions('paraphrase-questions-8.jsonl'), floor: { bundled: 24, seeds: 23 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 1, seeds: 1 } },
  { name: 'tenth', questions: readQuestions('paraphrase-questions-10.jsonl'), floor: { bundled: 31, seeds: 28 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  { name: 'ninth', questions: readQuestions('paraphrase-questions-9.jsonl'), floor: { bundled: 33, seeds: 33 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 0, seeds: 1 } },
  // Seeds: one wrong answer since passages of the article the user names count its name as shown:
  // "why did he pick anthropic according to the ATA summary" gets another outlet's headline reason.
  { name: 'fifteenth', questions: readQuestions('paraphrase-questions-15.jsonl'), floor: { bundled: 33, seeds: 33 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 1, seeds: 1 } },
  { name: 'sixteenth', questions: readQuestions('paraphrase-questions-16.jsonl'), floor: { bundled: 34, seeds: 31 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  { name: 'seventeenth', questions: readQuestions('paraphrase-questions-17.jsonl'), floor: { bundled: 34, seeds: 30 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  { name: 'eighteenth', questions: readQuestions('paraphrase-questions-18.jsonl'), floor: { bundled: 30, seeds: 30 }, wrongRefusals: { bundled: 0, seeds: 1 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  { name: 'eleventh', questions: readQuestions('paraphrase-questions-11.jsonl'), floor: { bundled: 36, seeds: 35 }, wrongRefusals: { bundled: 0, seeds: 1 }, wrongAnswers: { bundled: 1, seeds: 1 } },
  { name: 'twelfth', questions: readQuestions('paraphrase-questions-12.jsonl'), floor: { bundled: 31, seeds: 26 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  { name: 'thirteenth', questions: readQuestions('paraphrase-questions-13.jsonl'), floor: { bundled: 33, seeds: 34 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 0, seeds: 1 } },
  { name: 'fourteenth', questions: readQuestions('paraphrase-questions-14.jsonl'), floor: { bundled: 32, seeds: 26 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 1, seeds: 1 } },
  // Sets 19-22, written by two more separate writers from the seeds alone. Sets 19-20 were
  // scored once after the first round of changes they measured (bundled and seeds 57/80 right
  // for the code before it, 60/80 after), sets 21-22 once after the second (bundled 60 -> 63,
  // seeds 58 -> 63 of 80); both then guided changes. Two questions were reworded afterwards so
  // they do not repeat a dozen words of a seed article.
  { name: 'nineteenth', questions: readQuestions('paraphrase-questions-19.jsonl'), floor: { bundled: 34, seeds: 32 }, wrongRefusals: { bundled: 1, seeds: 2 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  { name: 'twentieth', questions: readQuestions('paraphrase-questions-20.jsonl'), floor: { bundled: 30, seeds: 31 }, wrongRefusals: { bundled: 0, seeds: 1 }, wrongAnswers: { bundled: 1, seeds: 0 } },
  { name: 'twenty-first', questions: readQuestions('paraphrase-questions-21.jsonl'), floor: { bundled: 39, seeds: 38 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  // Both wrongly answered refusal questions ("where did John Schulman go after his time at Anthropic") now refused: a place answer must state the leaving.
  { name: 'twenty-second', questions: readQuestions('paraphrase-questions-22.jsonl'), floor: { bundled: 28, seeds: 30 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 0, seeds: 1 } },
  // Sets 23-24, written by another separate writer from the seeds alone and scored once after
  // this round of changes against the code before it: bundled 50/80 right before and after,
  // seeds 52 -> 55 of 80. The span check ('after a full day' is not 'within an hour') then
  // came from them.
  { name: 'twenty-third', questions: readQuestions('paraphrase-questions-23.jsonl'), floor: { bundled: 33, seeds: 32 }, wrongRefusals: { bundled: 0, seeds: 1 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  { name: 'twenty-fourth', questions: readQuestions('paraphrase-questions-24.jsonl'), floor: { bundled: 26, seeds: 27 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 2, seeds: 1 } },
  // Written by another writer from the seed articles only, scored once before this round of
  // changes (bundled 57/80 right, seeds 56/80; 19/20 and 18/20 refused) and once after it
  // (bundled 61/80, seeds 58/80; the same refusals), with no change made for them in between.
  { name: 'twenty-fifth', questions: readQuestions('paraphrase-questions-25.jsonl'), floor: { bundled: 30, seeds: 29 }, wrongRefusals: { bundled: 0, seeds: 1 }, wrongAnswers: { bundled: 1, seeds: 0 } },
  { name: 'twenty-sixth', questions: readQuestions('paraphrase-questions-26.jsonl'), floor: { bundled: 31, seeds: 29 }, wrongRefusals: { bundled: 0, seeds: 1 }, wrongAnswers: { bundled: 1, seeds: 1 } },
  // Sets 27-28, written by another writer from the seed articles only, scored once before this
  // round of changes (bundled 65/80 right, seeds 63/80; 19/20 refused on both) and once after
  // it (bundled 67/80, 20/20 refused; seeds 66/80, 19/20), with no change made for them between.
  { name: 'twenty-seventh', questions: readQuestions('paraphrase-questions-27.jsonl'), floor: { bundled: 34, seeds: 35 }, wrongRefusals: { bundled: 0, seeds: 1 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  { name: 'twenty-eighth', questions: readQuestions('paraphrase-questions-28.jsonl'), floor: { bundled: 33, seeds: 31 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  // Sets 29-30, written by another writer from the seed articles only, scored once before this
  // round of changes (bundled 64/80 right, seeds 62/80; 20/20 refused, 4 wrong answers on both)
  // and once after it (bundled 65/80, seeds 65/80; 20/20 refused, 3 wrong answers on both),
  // with no change made for them in between.
  { name: 'twenty-ninth', questions: readQuestions('paraphrase-questions-29.jsonl'), floor: { bundled: 34, seeds: 36 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 2, seeds: 2 } },
  { name: 'thirtieth', questions: readQuestions('paraphrase-questions-30.jsonl'), floor: { bundled: 31, seeds: 29 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 1, seeds: 1 } },
  // Sets 31-32, written by another writer from the seed articles only, scored once before this
  // round of changes (bundled 63/80 right, seeds 61/80; 20/20 refused, 4 and 3 wrong answers)
  // and once after it (bundled 63/80, seeds 63/80; the same refusals and wrong answers), with
  // no change made for them in between.
  { name: 'thirty-first', questions: readQuestions('paraphrase-questions-31.jsonl'), floor: { bundled: 36, seeds: 36 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  { name: 'thirty-second', questions: readQuestions('paraphrase-questions-32.jsonl'), floor: { bundled: 27, seeds: 27 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 4, seeds: 3 } },
  // Sets 33-34, written by another writer from the seed articles only, scored once before this
  // round of changes (bundled 68/80 right, seeds 71/80; 19/20 and 20/20 refused; 4 and 1 wrong
  // answers) and once after it (bundled 69/80, seeds 72/80; the same refusals and wrong
  // answers), with no change made for them in between.
  { name: 'thirty-third', questions: readQuestions('paraphrase-questions-33.jsonl'), floor: { bundled: 37, seeds: 39 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 0, seeds: 0 } },
  { name: 'thirty-fourth', questions: readQuestions('paraphrase-questions-34.jsonl'), floor: { bundled: 32, seeds: 33 }, wrongRefusals: { bundled: 1, seeds: 0 }, wrongAnswers: { bundled: 3, seeds: 0 } },
  // Sets 35-36, written by another writer from the seed articles only, scored once before this
  // round of changes (bundled 63/80 right, seeds 66/80; 18/20 refused on both; 5 and 4 wrong
  // answers) and once after it (bundled 64/80, seeds 67/80; the same refusals; 4 and 3 wrong
  // answers), with no change made for them in between. Set 36 keeps two wrongly answered
  // refusal questions on each corpus ("which investors lead the round" answered with the round
  // itself) as ceilings.
  { name: 'thirty-fifth', questions: readQuestions('paraphrase-questions-35.jsonl'), floor: { bundled: 35, seeds: 36 }, wrongRefusals: { bundled: 0, seeds: 0 }, wrongAnswers: { bundled: 1, seeds: 0 } },
  { name: 'thirty-sixth', questions: readQuestions('paraphrase-questions-36.jsonl'), floor: { bundled: 29, seeds: 31 }, wrongRefusals: { bundled: 2, seeds: 2 }, wrongAnswers: { bundled: 3, seeds: 3 } },
];

/**
 * Near misses the coverage cannot answer, in words close to answerable ones: names swapped,
 * relations reversed ("Joseph's boss" where Joseph is the boss), events that did not happen
 * ("leave Anthropic"), future dates. Each must be refused, never answered with a sentence
 * about something else.
 */
const refusalTraps = readQuestions('refusal-traps.jsonl');

/**
 * More near misses, on the question's focus: another organisation doing the asked thing,
 * a count of something else, a contrary modifier, a name tied to another place, a change in
 * a direction the coverage never reports, a name the story never gives.
 */
const focusTraps = readQuestions('refusal-traps-2.jsonl');

function score(answerer: OfflineAnswerer, questions: Question[]) {
  let right = 0;
  let answerable = 0;
  const wronglyAnswered: string[] = [];
  for (const q of questions) {
    const answer = answerer.answer(q.q);
    if (q.abstain) {
      if (answer.text !== null) wronglyAnswered.push(`${q.q} -> ${answer.text}`);
      continue;
    }
    answerable++;
    const text = answer.text?.toLowerCase();
    if (text && q.any!.some((s) => text.includes(s.toLowerCase()))) right++;
  }
  return { accuracy: right / answerable, right, wronglyAnswered };
}

const corpora: Array<[string, string]> = [['bundled', story.articlesDir]];
if (fs.existsSync(seedsDir)) corpora.push(['seeds', seedsDir]);
else test.skip(`seed corpus skipped: ${seedsDir} is absent`, () => undefined);

describe.each(corpora)('held-out paraphrased questions on the %s corpus', (_label, dir) => {
  const answerer = new OfflineAnswerer(story.definition, new StoryCorpus(loadCorpusDir(dir, 'folder')));

  test('refuses every question the coverage cannot answer', () => {
    expect(score(answerer, heldOut).wronglyAnswered).toEqual([]);
  });

  test('answers most paraphrased questions correctly', () => {
    expect(score(answerer, heldOut).accuracy).toBeGreaterThanOrEqual(0.85);
  });

  test('keeps the second held-out set at its measured level, refusing all it should', () => {
    const result = score(answerer, heldOutSecond);
    expect(result.wronglyAnswered).toEqual([]);
    expect(result.right).toBeGreaterThanOrEqual(SECOND_SET_FLOOR[_label]!);
  });

  test('keeps the third held-out set at its measured level, refusing all it should', () => {
    const result = score(answerer, heldOutThird);
    expect(result.wronglyAnswered).toEqual([]);
    expect(result.right).toBeGreaterThanOrEqual(THIRD_SET_FLOOR[_label]!);
  });

  test('keeps the fourth held-out set at its measured level, refusing all it should', () => {
    const result = score(answerer, heldOutFourth);
    expect(result.wronglyAnswered).toEqual([]);
    expect(result.right).toBeGreaterThanOrEqual(FOURTH_SET_FLOOR[_label]!);
  });

  test('keeps the fifth held-out set at its measured level, answering no more refusal questions than measured', () => {
    const result = score(answerer, heldOutFifth);
    expect(result.wronglyAnswered.length).toBeLessThanOrEqual(FIFTH_SET_WRONG_REFUSALS[_label]!);
    expect(result.right).toBeGreaterThanOrEqual(FIFTH_SET_FLOOR[_label]!);
  });

  test.each(LATER_SETS)('keeps the $name held-out set at its measured level, with no more wrong answers than measured', ({ questions, floor, wrongRefusals, wrongAnswers }) => {
    expect(questions.length).toBeGreaterThanOrEqual(20);
    const result = score(answerer, questions);
    expect(result.wronglyAnswered.length).toBeLessThanOrEqual(wrongRefusals[_label]!);
    expect(result.right).toBeGreaterThanOrEqual(floor[_label]!);
    const wrong = questions.filter((q) => !q.abstain).filter((q) => {
      const text = answerer.answer(q.q).text?.toLowerCase();
      return text !== undefined && !q.any!.some((a) => text.includes(a.toLowerCase()));
    });
    expect(wrong.length).toBeLessThanOrEqual(wrongAnswers[_label]!);
  });

  test('framing words ("besides", "mostly", "the past few years") are not looked for; "month and year" wants a month', () => {
    expect(answerer.answer("what was anthropic's founding mission focused on besides powerful AI").text).toMatch(/safety/);
    expect(answerer.answer("what's the skeptic take on what he's mostly been doing the past few years instead of frontier pretraining?").text).toMatch(/educator/);
    const when = answerer.answer('when did he walk away from the lab he co-founded for the second time? month and year pls').text;
    if (when !== null) expect(when).toMatch(/February 2024/);
  });

  test('a tweet is a post, the NBA is basketball, "a month earlier" is "a month ago"', () => {
    expect(answerer.answer("how many views did karpathy's announcement tweet rack up in the first hour?").text).toMatch(/3 million/);
    expect(answerer.answer('What NBA comparison did Redditors make about Anthropic stacking talent?').text).toMatch(/Durant/);
    expect(answerer.answer('what did karpathy warn about a month earlier re: people outside frontier labs?').text).toMatch(/judgment/);
  });

  test('how a crowd interprets something is how it reads it; worldwide is in the world', () => {
    expect(answerer.answer('how did the r/ClaudeAI crowd interpret the claude-trains-claude mandate').text).toMatch(/recursive self-improvement/);
    expect(answerer.answer('roughly how many researchers globally can actually move the pretraining frontier, according to the analysis?').text).toMatch(/thousand/);
  });

  test('a hyphenated word is not answered by the same word with another first part', () => {
    expect(answerer.answer("who runs Anthropic's post-training team?").text).toBeNull();
    expect(answerer.answer("who runs Anthropic's pre-training team?").text).toMatch(/Nick Joseph|Nicholas Joseph/);
  });

  test('the asked kind of thing is shown by the answer itself: which university, a hedged count', () => {
    expect(answerer.answer('which university gave him his doctorate?').text).toMatch(/Stanford/);
    expect(answerer.answer('what did anthropic recently file for confidentially, per the coverage?').text).toMatch(/IPO/);
    expect(answerer.answer('Who will replace Nick Joseph as team lead?').text).toBeNull();
    expect(answerer.answer("how many people will be on the new team he's building?").text).toBeNull();
  });

  test('the asked kind is the last word of the which-phrase, and an ordinal on it must be stated', () => {
    expect(answerer.answer('which fellow openai co-founder went over to anthropic in august 2024?').text).toMatch(/Schulman/);
    expect(answerer.answer("what's the name of the first project karpathy's new team is shipping?").text).toBeNull();
    expect(answerer.answer('What is the name of the computer vision class Karpathy built?').text).toMatch(/CS231n/);
  });

  test('a name given a few sentences after what it names answers "what did he call ..."', () => {
    const text = answerer.answer('what name did karpathy give to having a coding agent adjust training code unsupervised?').text;
    expect(text).toMatch(/autoresearch/);
    expect(text).toMatch(/two days/);
    expect(answerer.answer('which small language model did karpathy use in the autoresearch experiment?').text).toBeNull();
  });

  test('"which outlet ran the piece on X" is answered by the outlet of the article about X, when the corpus names it', () => {
    const signals = answerer.answer('which site published the article on the three signals the move sends?').text;
    const battlefield = answerer.answer('who published the write-up about the move redrawing the AI battlefield?').text;
    if (_label === 'bundled') {
      expect(signals).toMatch(/^Studio Global AI\. /);
      expect(battlefield).toMatch(/^Architects' Tech Alliance/);
    } else {
      // The seed files name no outlet: nothing to answer with.
      expect(signals).toBeNull();
      expect(battlefield).toBeNull();
    }
    expect(answerer.answer("which outlet ran a piece about karpathy's salary?").text).toBeNull();
  });

  test('a club the reader knows the sport of answers "which football club"; another sport is not it', () => {
    expect(answerer.answer('an X poster likened anthropic to which soccer club?').text).toMatch(/Real Madrid/);
    expect(answerer.answer('someone on X said anthropic looks like a football club lol, which one').text).toMatch(/Real Madrid/);
    expect(answerer.answer('which baseball team was anthropic compared to?').text).toBeNull();
    expect(answerer.answer('someone compared openai to a football club, which one?').text).toBeNull();
  });

  test('winning on pay is outbidding; what a company pitches is what it offers', () => {
    expect(answerer.answer("if anthropic can't win on pay, what does it offer researchers instead?").text).toMatch(/mission/);
  });

  test('a quote that runs on past the answer sentence is shown to where it closes', () => {
    const text = answerer.answer('what did nick joseph post about him').text ?? '';
    const quotes = (text.match(/"/g) ?? []).length;
    expect(quotes).toBeGreaterThan(0);
    expect(quotes % 2).toBe(0);
  });

  test('a mistyped asked word is read as the one corpus word a slip away; a changed letter in a short word is not a slip', () => {
    expect(answerer.answer('how many folowers has he got on X').text).toMatch(/2\.5 million followers/);
    expect(answerer.index().misspeltTerm(porterStem('folowers'))).toBe(porterStem('followers'));
    // "skill" is one letter from "still", which the articles use: another word, not a typo.
    expect(answerer.index().misspeltTerm(porterStem('skill'))).toBeUndefined();
  });

  test('a rare question word the article puts otherwise is forgiven when the rest is shown', () => {
    expect(answerer.answer("how much did training time drop when he applied the agent's tweaks to a bigger model?").text).toMatch(/11%/);
    expect(answerer.answer('When did Karpathy leave Anthropic?').text).toBeNull();
  });

  test('refuses near-miss questions: swapped names, reversed relations, events that did not happen', () => {
    expect(refusalTraps.length).toBeGreaterThanOrEqual(20);
    expect(score(answerer, refusalTraps).wronglyAnswered).toEqual([]);
  });

  test('refuses near misses on the focus: other actor, counted noun, modifier, place, change, name', () => {
    expect(focusTraps.length).toBeGreaterThanOrEqual(20);
    expect(score(answerer, focusTraps).wronglyAnswered).toEqual([]);
  });

  test('a boss or adviser is the person in charge, never the one they lead', () => {
    // The bundled article puts the title before the name; the seed words "run" otherwise.
    if (_label === 'bundled') expect(answerer.answer('who runs anthropic as CEO?').text).toMatch(/Dario Amodei/);
    expect(answerer.answer("Who is Karpathy's new boss?").text).toMatch(/Nick Joseph|Nicholas Joseph/);
    expect(answerer.answer("Who is Nick Joseph's boss?").text).toBeNull();
    expect(answerer.answer("Who supervised Karpathy's PhD?").text).toMatch(/Fei.Fei Li/);
    expect(answerer.answer("Who supervised Fei-Fei Li's PhD?").text).toBeNull();
  });

  test('the answer stands where the question focuses: the asked noun, modifier, event and named thing', () => {
    // A number of something else, a fact about the larger model, another person's move.
    expect(answerer.answer('How many people work at Eureka Labs?').text).toBeNull();
    expect(answerer.answer('By how much did the changes cut training time on the small model?').text).toBeNull();
    expect(answerer.answer('By how much did the changes cut training time on the larger model?').text).toMatch(/11%/);
    expect(answerer.answer('When did Mira Murati join Anthropic?').text).toBeNull();
    expect(answerer.answer('When did John Schulman join Anthropic?').text).toMatch(/August 2024/);
    // A naming question is answered by a name or quoted title next to the named thing.
    expect(answerer.answer("What is Karpathy's lecture series called?").text).toMatch(/Zero to Hero/);
    expect(answerer.answer("What will Karpathy's first Anthropic model be called?").text).toBeNull();
  });

  test('a question about the present is not answered from history, an age only by an age', () => {
    expect(answerer.answer("who's karpathy's manager now?").text).toMatch(/Nick Joseph|Nicholas Joseph/);
    expect(answerer.answer('How old was Karpathy when he moved to Canada?').text).toMatch(/15/);
    expect(answerer.answer('How old was Karpathy when he joined Tesla?').text).toBeNull();
  });

  test('an organisation asked about as the doer is not answered by a person doing the same', () => {
    expect(answerer.answer('When did Eureka Labs first start teaching?').text ?? '').not.toMatch(/Karpathy (?:formally )?start/);
  });

  test('an answer about one organisation is not taken from a sentence about another', () => {
    expect(answerer.answer('When did Karpathy leave OpenAI for the second time?').text).toMatch(/2024/);
    expect(answerer.answer('When did Karpathy leave Anthropic?').text).toBeNull();
  });

  test('a date question prefers the report that dates it to the month over a bare year', () => {
    expect(answerer.answer('when exactly did he leave openai the second time').text).toMatch(/February 2024/);
  });

  test('a hedge in the question ("actually", "supposedly") is not a word to look for', () => {
    expect(answerer.answer('what does eureka labs actually do').text).toMatch(/education/i);
    expect(answerer.answer('how big is the new funding round anthropic is supposedly in talks for').text).toMatch(/\$30 billion/);
  });

  test('"how long" is answered by a stretch of time, and a size not about money by a number', () => {
    expect(answerer.answer('how long did karpathy work at tesla?').text).toMatch(/five years/);
    // The seed articles never say "enrollment", so there the bare count is too little to go on.
    if (_label === 'bundled') expect(answerer.answer('how big did cs231n get by 2017, enrollment-wise').text).toMatch(/750/);
  });

  test('a name in capitals after "which" is not the date word it spells; a move to an organisation is joining it', () => {
    expect(answerer.answer('which TIME list did he make in 2024').text).toMatch(/100 Most Influential/);
    expect(answerer.answer('When did Jan Leike make the jump to Anthropic?').text).toMatch(/May 2024/);
    expect(answerer.answer('when did karpathy say he was going to anthropic?').text).toMatch(/May 19/);
  });

  test('"what did he call X" asks for a name: a quoted word or one with a capital inside it', () => {
    expect(answerer.answer('What did he call his method of letting an agent mess with training code on its own?').text).toMatch(/autoresearch/);
    expect(answerer.answer('which project of his boiled LLM training down to readable basics?').text).toMatch(/nanoGPT/);
  });

  test('an old or official name is a name the coverage must give, and a founding year is the organisation\'s own', () => {
    expect(answerer.answer('What was the old name of Eureka Labs?').text).toBeNull();
    expect(answerer.answer("what's the official name of the new sub-team karpathy is setting up?").text).toBeNull();
    expect(answerer.answer('what year did he help found his old employer openai?').text ?? '').not.toMatch(/2026/);
  });

  test('the weekday of a reported date is worked out when the question asks for it', () => {
    expect(answerer.answer('what day of the week did the news come out?').text).toMatch(/May 19, 2026 was a Tuesday\./);
    expect(answerer.answer('When did Karpathy announce that he had joined Anthropic?').text).not.toMatch(/Tuesday\.$/);
  });

  test('where the user read it ("according to the BestHub summary") is not a word the answer must show', () => {
    expect(answerer.answer('about how many researchers in the world can really move the pre-training frontier, per the analysis?').text).toMatch(/thousand/);
    // "Backs" is funding; "come back" and "get back" are a return and answer nothing here.
    expect(answerer.answer('which big company backs openai, per the compute comparison').text ?? 'Microsoft').toMatch(/Microsoft/);
  });

  test('"which outlet" is answered by a name written as a source ("Axios called ...")', () => {
    expect(answerer.answer('which outlet framed the hire as a big win for anthropic in the fight for talent?').text).toMatch(/Axios/);
  });

  test('an abbreviation in capitals is shown by the words it stands for, and only in capitals is it one', () => {
    if (_label === 'seeds') expect(answerer.answer('which lab supposedly has the deepest bench of pretraining and RL researchers').text).toMatch(/DeepMind/);
    // "car" is a word the bundled articles never use, not an abbreviation.
    if (_label === 'bundled') expect(answerer.answer('what was his title at the electric car company?').text).toMatch(/director of AI/i);
  });

  test('"$100M" is a hundred million, "about how long" still asks how long, and a family relocating emigrated', () => {
    expect(answerer.answer('who publicly claimed Meta offered OpenAI engineers $100M signing bonuses?').text).toMatch(/Altman/);
    expect(answerer.answer('about how long was Karpathy at Tesla?').text).toMatch(/five years/);
    expect(answerer.answer('how old was he when his family relocated to canada?').text).toMatch(/15/);
  });

  test('an organisation the sentence leaves out is shown by the story role of the person it names', () => {
    expect(answerer.answer('Who recruited Karpathy to Tesla?').text).toMatch(/Elon Musk/);
    expect(answerer.answer('Who brought Karpathy to Tesla?').text).toMatch(/Elon Musk/);
  });

  test('going public is an IPO, raising money is a round, and "what name did he give X" asks for a name', () => {
    expect(answerer.answer('has anthropic filed to go public yet?').text).toMatch(/IPO/);
    if (_label === 'bundled') expect(answerer.answer('what label does karpathy use for his aim of having AI build and tune the next generation of AI?').text).toMatch(/Agentic Engineering/);
    expect(answerer.answer('what nickname did people give his autoresearch approach?').text).toMatch(/Karpathy Loop/);
  });

  test('a person named as the doer must do the asked thing to the asked object, and a team name is never a person', () => {
    expect(answerer.answer('who led the round that valued anthropic at $965B').text).toBeNull();
    expect(answerer.answer("what's his new sub-team at anthropic officially called").text).toBeNull();
    expect(answerer.answer("who runs Anthropic's pre-training team?").text).toMatch(/Nick Joseph|Nicholas Joseph/);
  });

  test('a successor asked about is not the person "he" means, nor a clause of a run-on list', () => {
    expect(answerer.answer("who took over as tesla's AI director after he left?").text).toBeNull();
  });

  test('chat spellings without apostrophes, "the name of his X", and a dated career line whose subject is left out', () => {
    expect(answerer.answer('whats the name of his project that boils LLM training down to readable basics').text).toMatch(/nanoGPT/);
    expect(answerer.answer("what's the name of his stripped-down gpt training project?").text).toMatch(/nanoGPT/);
    expect(answerer.answer('what year did karpathy quit tesla').text).toMatch(/2022/);
  });

  test('"who on X" is answered by the handle that posted, where the quote closes', () => {
    expect(answerer.answer('who on X compared anthropic to mid-2000s real madrid?').text).toMatch(/@Shashank/);
    if (_label === 'bundled') expect(answerer.answer('who on X predicted anthropic passes openai within 3-4 years').text).toMatch(/@HegsethWarDesk/);
  });

  test('chat shorthand ("yr", ", like", "go down") and a source named before the question', () => {
    expect(answerer.answer('what yr did he quit tesla').text).toMatch(/2022/);
    expect(answerer.answer('that stanford class he built, cs231n - how big was it by 2017?').text).toMatch(/750/);
    expect(answerer.answer('the tech alliance piece mentions a race you\'d miss if you sat on the sidelines. what race').text).toMatch(/compute-algorithm-talent/);
    if (_label === 'bundled') expect(answerer.answer('in his autoresearch test, by how much did training time go down when he applied the tweaks to a bigger model').text).toMatch(/11%/);
  });

  test('what a named person said is only what they are written as saying, quote included', () => {
    expect(answerer.answer('what did elon musk say about karpathy joining anthropic').text).toBeNull();
    expect(answerer.answer('what did dario amodei say about hiring him').text).toBeNull();
    if (_label === 'bundled') expect(answerer.answer('what did nick joseph post about him').text).toMatch(/better suited/);
  });

  test('a future thing is answered only by a name next to its kind', () => {
    expect(answerer.answer("which claude model will karpathy's team train first").text).toBeNull();
    expect(answerer.answer('which anthropic office will he be working out of?').text).toBeNull();
  });

  test('an organisation after "before" dates the question; a kind written in full with no name is not named', () => {
    expect(answerer.answer('what startup was he running right before anthropic').text).toMatch(/Eureka Labs/);
    expect(answerer.answer('which small language model did karpathy use in the autoresearch experiment?').text).toBeNull();
  });

  test('a story organisation is the asked company; a founding research scientist is a role, not a founding', () => {
    expect(answerer.answer('which company has reportedly been dangling nine-figure pay packages to build a superintelligence team').text).toMatch(/Meta/);
    expect(answerer.answer('In what year did Karpathy become a founding research scientist at OpenAI?').text).toMatch(/2015/);
  });

  test('a well-known thing is the thing; a speaker line is about whom its quote is about', () => {
    expect(answerer.answer("what's his well-known lecture series called?").text).toMatch(/Zero to Hero/);
    expect(answerer.answer('what did nick joseph post on X about karpathy joining').text).toMatch(/better suited/);
  });

  test('a scene set before the question, and the piece named by a quoted title or as the one that says it', () => {
    if (_label === 'bundled') expect(answerer.answer('in his march experiment with the coding agent, how much did training time drop when he applied the tweaks to a bigger model?').text).toMatch(/11%/);
    expect(answerer.answer("how long a battle for large-model dominance does the Architects' Tech Alliance piece predict?").text).toMatch(/three-year/);
    expect(answerer.answer("what does the architects' tech alliance summary claim happens to anthropic's technical firepower").text).toMatch(/doubles/);
  });

  test('no place after leaving that was never stated, no spokesperson who is not beside the role, no date of an earlier clause', () => {
    expect(answerer.answer('Where did John Schulman go after his time at Anthropic?').text).toBeNull();
    expect(answerer.answer('who was the anthropic spokesperson that talked to techcrunch?').text).toBeNull();
    expect(answerer.answer('which year did collins dictionary pick vibe coding as its word of the year?').text).toBeNull();
    if (_label === 'seeds') expect(answerer.answer('when did he come up with the coding buzzword that collins later honored?').text).toMatch(/2025/);
  });

  test('"what is X for" asks what X is', () => {
    expect(answerer.answer("what's eureka labs actually for").text).toMatch(/education/i);
  });

  test('outlets that agree are cited once, after the count, not again after the sentence', () => {
    const text = answerer.answer("Who leads Anthropic's pre-training team?").text ?? '';
    expect(text).toMatch(/\d outlets report this (?:\[\d\]){2,}\.$/);
    expect(text).not.toMatch(/\] \d outlets/);
  });

  test('helping found a lab is founding it; a name given in the next sentence counts as his', () => {
    expect(answerer.answer('what year did he help found OpenAI?').text).toMatch(/2015/);
    expect(answerer.answer('what did karpathy name the AI-runs-the-experiments method?').text).toMatch(/autoresearch/);
  });

  test('rare is few and connecting is bridging; chat fillers ("wait", "ok") are not looked for', () => {
    expect(answerer.answer("which outlet said he's one of the rare researchers who can connect LLM theory with big training runs in practice").text).toMatch(/TechCrunch/);
    expect(answerer.answer('wait, when did he actually leave OpenAI the second time?').text).toMatch(/February 2024/);
  });

  test('"what signing bonus" asks for an amount', () => {
    expect(answerer.answer('what signing bonus did Altman say Meta was offering OpenAI engineers?').text).toMatch(/\$100 million/);
  });

  test('going back "for a second stint" is returning again', () => {
    expect(answerer.answer('what year did karpathy go back to openai for his second stint?').text).toMatch(/2023/);
  });

  test('a role is held at the organisation asked about, not at one its holder left', () => {
    expect(answerer.answer('who runs anthropic as CEO?').text).toMatch(/Dario Amodei/);
    // The coverage names Anthropic's CEO among "former OpenAI leaders"; OpenAI's own is never named.
    expect(answerer.answer('who is the ceo of openai?').text).toBeNull();
    expect(answerer.answer("who is openai's president?").text).toBeNull();
  });

  test('an organisation is a company, an X account is its user, the carmaker is Tesla; "does the piece describe" is where the user read it', () => {
    expect(answerer.answer('what kind of organization is eureka labs').text).toMatch(/startup/);
    expect(answerer.answer('which X account predicted anthropic would overtake openai within three to four years?').text).toMatch(/@HegsethWarDesk/);
    expect(answerer.answer('about how many years did he spend at the carmaker?').text).toMatch(/five years/);
    expect(answerer.answer('How does the Studio Global piece describe how vibe coding works?').text).toMatch(/conversationally/);
  });

  test('"X birth year?" asks what year X was born; a bare "name of X?" asks for the name', () => {
    expect(answerer.answer('karpathy birth year?').text).toMatch(/1986/);
    expect(answerer.answer("name of karpathy's popular lecture series?").text).toMatch(/Zero to Hero/);
  });

  test('"Karpathy joining Anthropic" is the story event: a sentence about it on the side of Anthropic need not name him', () => {
    expect(answerer.answer('what nba comparison did reddit make about karpathy joining anthropic?').text).toMatch(/Durant/);
    // Another organisation asked about keeps every name required.
    expect(answerer.answer('did tesla comment on karpathy joining anthropic?').text).toBeNull();
  });

  test('"which magazine" is answered by the magazine named, in a sentence that never says "magazine"', () => {
    expect(answerer.answer('Which magazine named him one of the 100 most influential people in AI?').text).toMatch(/TIME/);
  });

  test('how long a second stint lasted is how long the return was ("for approximately one year")', () => {
    expect(answerer.answer('how long did his second stint at openai last?').text).toMatch(/(?:a|one) year/);
  });

  test('an organisation that only says which post ("his Anthropic tweet") need not be in the answer', () => {
    expect(answerer.answer("how many views did karpathy's anthropic tweet rack up in the first hour?").text).toMatch(/3 million/);
  });

  test('"over what period" asks when; pulling in executives is hiring them', () => {
    // The seed article says Anthropic "absorbed" them: that is hiring too.
    expect(answerer.answer('over what period did anthropic pull in all those ex-CTOs?').text).toMatch(/mid-2025 and early 2026/);
  });

  test('the verb a source is said to use only frames the question ("how long a war does the piece foresee")', () => {
    expect(answerer.answer('how long of a war between anthropic and openai does the architects tech alliance summary predict?').text).toMatch(/three-year/);
    expect(answerer.answer('how long a struggle for dominance does the architects tech alliance article see coming?').text).toMatch(/three-year/);
  });

  test('a quoted title before "post" only says which post', () => {
    expect(answerer.answer("how many views did karpathy's 'personal update' post rack up within an hour?").text).toMatch(/3 million/);
  });

  test('a person going public about something announces it; a company going public lists', () => {
    expect(answerer.answer('on what date did karpathy go public with his move to anthropic?').text).toMatch(/May 19/);
  });

  test('an abbreviation in capitals is shown by a name ending in it ("GPT": nanoGPT), past a list of adjectives', () => {
    expect(answerer.answer('what is his stripped-down GPT training project called?').text).toMatch(/nanoGPT/);
    expect(answerer.answer('which tiny, readable GPT training project did he release?').text).toMatch(/nanoGPT/);
  });

  test('a name given to what the sentences before describe ("he called the method X") answers a naming question', () => {
    expect(answerer.answer('what name did karpathy give his automated experimenting method?').text).toMatch(/autoresearch/i);
    expect(answerer.answer("what's karpathy's term for the approach where an agent adjusts training code unattended?").text).toMatch(/autoresearch/i);
    expect(answerer.answer('what does karpathy call his goal of AI that designs, writes and tunes the next AI?').text).toMatch(/Agentic Engineering/);
  });

  test('gaining the main person is told by a sentence that describes him instead of naming him', () => {
    // The seed article tells of gaining "a top-level AI evangelist", never naming him there.
    expect(answerer.answer("one recap says landing karpathy does what to anthropic's technical firepower?").text).toMatch(/doubles/);
    expect(answerer.answer('per that tech alliance summary, signing karpathy lifts anthropic from challenger to what?').text).toMatch(/leading player/);
  });

  test('giving something up, or leaving it for good, asks whether it ends, not whether it pauses', () => {
    expect(answerer.answer('has karpathy quit teaching for good?').text).toMatch(/pauses/);
    expect(answerer.answer('is he giving up on education entirely now?').text).toMatch(/pauses/);
  });

  test('"the Reddit theory for why he left" asks for the theory; what it explains only sets the scene', () => {
    expect(answerer.answer("what's the more down-to-earth reddit theory about why he would swap a small education startup for anthropic?").text).toMatch(/Tesla-scale compute/);
    expect(answerer.answer('what is the practical reddit explanation as to why he returned to a big lab?').text).toMatch(/Tesla-scale compute/);
  });

  test('what a source points to or cites, it says; high-profile is prominent', () => {
    expect(answerer.answer('which high-profile openai exits does pymnts cite?').text).toMatch(/Sutskever/);
  });

  test("another person's post is no answer for the asked person's; what a person led, or a lead title with the asked organisation, is one", () => {
    expect(answerer.answer("what did jan leike do at openai before he quit?").text).toMatch(/alignment/);
    // His title there is never given: "team lead" is his post at Anthropic.
    expect(answerer.answer("what was nick joseph's position at openai?").text).toBeNull();
  });

  test('a name a later sentence gives to what a sentence describes stands for it there ("the autoresearch experiment")', () => {
    expect(answerer.answer('which month was the autoresearch experiment carried out in?').text).toMatch(/March/);
  });

  test('leaving one lab for another is joining the second; a first joining is the earliest; holding a title is being it', () => {
    expect(answerer.answer('in what month did john schulman quit openai for anthropic').text).toMatch(/August 2024/);
    expect(answerer.answer('when did he first join openai?').text).toMatch(/2015/);
    expect(answerer.answer('who holds the CEO role at anthropic').text).toMatch(/Dario Amodei/);
  });

  test('a person a question ends on after "before" dates the move; the answer is someone else', () => {
    expect(answerer.answer('which alignment lead went to anthropic in may 2024, before karpathy did?').text).toMatch(/Jan Leike/);
  });

  test('a hyphenated word shown whole shows its parts: an ed-tech startup is an education one', () => {
    expect(answerer.answer("what is the name of his ed-tech startup").text).toMatch(/Eureka Labs/);
  });

  test('the quoted opening of what someone posted only says which post; "the Tesla job" is his time at Tesla', () => {
    expect(answerer.answer("what date did he post his 'personal update' on x").text).toMatch(/May 19/);
    expect(answerer.answer('how many years was he at the tesla job').text).toMatch(/five years/);
  });

  test('"X\'s old job at Y?" asks the role X had there, the adjective only placing it in time', () => {
    expect(answerer.answer("Jan Leike's former job at OpenAI?").text).toMatch(/alignment/);
  });

  test('joining an organisation one co-founded is shown by the founding', () => {
    expect(answerer.answer('when did karpathy join openai?').text).toMatch(/2015/);
  });

  test('talking or persuading someone into joining is recruiting them', () => {
    expect(answerer.answer('who talked him into going to tesla back in 2017?').text).toMatch(/Elon Musk/);
    expect(answerer.answer('who persuaded him to join tesla in 2017?').text).toMatch(/Elon Musk/);
  });

  test('a theory is a reading or an explanation', () => {
    expect(answerer.answer('why might an ex tesla AI director want to be at a big lab again, per one reddit theory').text).toMatch(/Tesla-scale compute/);
  });

  test('"got him to go to" is recruiting him; "come up with" a phrase is coining it', () => {
    expect(answerer.answer('who got him to go to tesla in the first place').text).toMatch(/Elon Musk/);
    expect(answerer.answer('when did he first come up w/ the phrase vibe coding').text).toMatch(/February 2025/);
  });

  test('an answer cites its sources with numbered markers', () => {
    const answer = answerer.answer("Who is Karpathy's new boss?");
    expect(answer.text).toMatch(/Nick Joseph/);
    expect(answer.text).toMatch(/\[1\]/);
    expect(answer.citations[0]).toEqual(expect.objectContaining({ n: 1, outlet: expect.any(String), title: expect.any(String) }));
    expect(answer.confidence).toBeGreaterThan(0.5);
  });

  test('a refusal carries no citations and a low confidence', () => {
    const answer = answerer.answer('What is the weather in Bratislava this weekend?');
    expect(answer.text).toBeNull();
    expect(answer.citations).toEqual([]);
    expect(answer.confidence).toBeLessThan(0.5);
  });
});

describe('retrieval follows the corpus', () => {
  test('a feed item added while running becomes answerable without a rebuild by hand', () => {
    const corpus = new StoryCorpus(loadCorpusDir(story.articlesDir, 'bundled'));
    const answerer = new OfflineAnswerer(story.definition, corpus);
    const question = 'What did Karpathy name his first Anthropic research project?';
    expect(answerer.answer(question).text).toBeNull();
    corpus.upsert([
      buildArticle({
        id: 'feed-1',
        outlet: 'Example Wire',
        title: 'Karpathy names his first project',
        url: 'https://example.com/karpathy-project',
        origin: 'feed',
        body: 'Karpathy named his first Anthropic research project "Bootstrap", a pipeline in which Claude proposes pre-training ablations.',
      }),
    ]);
    const answer = answerer.answer(question);
    expect(answer.text).toContain('Bootstrap');
    expect(answer.citations).toEqual([{ n: 1, outlet: 'Example Wire', title: 'Karpathy names his first project', url: 'https://example.com/karpathy-project' }]);
  });

  test('a new corpus version updates the index in place: only the added article is analysed', () => {
    const corpus = new StoryCorpus(loadCorpusDir(story.articlesDir, 'bundled'));
    const answerer = new OfflineAnswerer(story.definition, corpus);
    const index = answerer.index();
    const articles = corpus.articles().length;
    expect(index.stats.articlesIndexed).toBe(articles);
    expect(answerer.answer('Who leads the pre-training team?').text).toMatch(/Nick Joseph/);
    const sizeBefore = index.size;
    const question = 'Which depot did Karpathy visit in Zelmore?';
    expect(answerer.answer(question).text).toBeNull();
    corpus.upsert([
      buildArticle({ id: 'visit', outlet: 'Example Wire', title: 'A visit', origin: 'feed', body: 'Karpathy visited the Harbourline depot in Zelmore on his second day at Anthropic.' }),
    ]);
    expect(answerer.index()).toBe(index);
    expect(index.stats.articlesIndexed).toBe(articles + 1);
    expect(index.size).toBe(sizeBefore + 1);
    expect(answerer.answer(question).text).toContain('Harbourline');
    // Nothing changed, nothing redone; the same answers as before.
    expect(answerer.answer('Who leads the pre-training team?').text).toMatch(/Nick Joseph/);
    expect(index.stats.articlesIndexed).toBe(articles + 1);
  });

  test('an edited article replaces its old passages and a removed one is forgotten, term counts included', () => {
    const first = buildArticle({ id: 'edit', outlet: 'Example Wire', title: 'Depot', origin: 'feed', body: 'Karpathy toured the Quillmarsh depot with the pre-training team on Friday.' });
    const corpus = new StoryCorpus(loadCorpusDir(story.articlesDir, 'bundled'));
    corpus.upsert([first]);
    const answerer = new OfflineAnswerer(story.definition, corpus);
    const index = answerer.index();
    expect(index.termFrequency('quillmarsh')).toBe(1);
    expect(answerer.answer('Which depot did Karpathy tour?').text).toContain('Quillmarsh');
    corpus.upsert([{ ...buildArticle({ id: 'edit', outlet: 'Example Wire', title: 'Depot', origin: 'feed', body: 'Karpathy toured the Fenwick depot with the pre-training team on Friday.' }) }]);
    expect(answerer.answer('Which depot did Karpathy tour?').text).toContain('Fenwick');
    expect(index.termFrequency('quillmarsh')).toBe(0);
    expect(index.termFrequency('fenwick')).toBe(1);
    expect(index.stats.articlesDiscarded).toBe(1);
    // The same text again (a new object, as a re-polled feed item is) is not re-analysed.
    const indexed = index.stats.articlesIndexed;
    corpus.upsert([buildArticle({ id: 'edit', outlet: 'Example Wire', title: 'Depot', origin: 'feed', body: 'Karpathy toured the Fenwick depot with the pre-training team on Friday.' })]);
    answerer.index();
    expect(index.stats.articlesIndexed).toBe(indexed);
    corpus.remove(['edit']);
    expect(answerer.answer('Which depot did Karpathy tour?').text).toBeNull();
    expect(index.termFrequency('fenwick')).toBe(0);
  });

  test('a line that introduces a quote is answered together with the quote', () => {
    const corpus = new StoryCorpus([
      buildArticle({
        id: 'quote',
        outlet: 'Example Wire',
        title: 'Joseph welcomes Karpathy',
        origin: 'feed',
        lineParagraphs: true,
        body: 'Nick Joseph posted a welcome on the day Karpathy started, and he wrote:\n"Nobody is better suited to turn Claude into a research assistant for pre-training."',
      }),
    ]);
    const answer = new OfflineAnswerer(story.definition, corpus).answer('What did Nick Joseph write when Karpathy started?');
    expect(answer.text).toContain('Nobody is better suited');
  });

  test('a quote that opened a sentence earlier is shown from where it opens', () => {
    const corpus = new StoryCorpus([
      buildArticle({ id: 'q', outlet: 'Example Wire', title: 'Reactions', origin: 'feed', body: 'Reactions came fast. "He is a lighthouse keeper for the field. He explains, he never sells," X user @harbour_pilot commented.' }),
    ]);
    const text = new OfflineAnswerer(story.definition, corpus).answer('How did X user @harbour_pilot describe Karpathy?').text;
    expect(text).toContain('"He is a lighthouse keeper for the field. He explains');
    expect(text).not.toContain('Reactions came fast');
  });

  test('a quote card\'s byline lines say who said the quote, for every sentence of it; "who is <name>" is about that name', () => {
    const body = [
      'Reactions',
      '"Calls the hire a lighthouse moment for the lab. Expects the Zelmore team to double within a year."',
      'Mira Quillfeather',
      'Automation creator and columnist (Harbour Weekly analyst)',
      'The Crowd',
      '"Karpathy joins Anthropic"',
      '@harbour_pilot',
    ].join('\n');
    const corpus = new StoryCorpus([buildArticle({ id: 'card', outlet: 'Example Wire', title: 'Reactions', origin: 'folder', body, lineParagraphs: true })]);
    const answerer = new OfflineAnswerer(story.definition, corpus);
    expect(answerer.answer('which columnist called it a lighthouse moment?').text).toContain('Mira Quillfeather');
    expect(answerer.answer('which Harbour Weekly analyst expects the Zelmore team to double?').text).toContain('Mira Quillfeather');
    expect(answerer.answer('what did Mira Quillfeather expect the Zelmore team to do?').text).toContain('double within a year');
    const who = answerer.answer('who is mira quillfeather').text;
    expect(who).toContain('Automation creator and columnist');
    expect(who).not.toMatch(/^Andrej Karpathy\./);
  });

  test('a later sentence of a quote has the speaker of the line that introduced the quote, not the person its "he" means', () => {
    const body = ['The lab confirmed the hire on Tuesday.', 'Mira Quillfeather wrote on X:', '"The Zelmore lab will grow fast this year. Nobody reads a training curve better than he does."'].join('\n');
    const corpus = new StoryCorpus([buildArticle({ id: 'intro', outlet: 'Example Wire', title: 'Reactions', origin: 'folder', body, lineParagraphs: true })]);
    const answerer = new OfflineAnswerer(story.definition, corpus);
    const text = answerer.answer('who wrote that nobody reads a training curve better?').text;
    expect(text).toContain('Mira Quillfeather wrote on X: "The Zelmore lab will grow fast');
    expect(text).not.toMatch(/^Andrej Karpathy\./);
  });

  test('a period asked about ("while at Tesla") must be where the answer places its fact', () => {
    const corpus = new StoryCorpus([
      buildArticle({ id: 't', outlet: 'Example Wire', title: 'Career', origin: 'feed', body: 'Karpathy, the former director of AI at Tesla, began work on the Zelmore project this week. Karpathy spent years at Tesla building the Harbourline vision stack.' }),
    ]);
    const answerer = new OfflineAnswerer(story.definition, corpus);
    // The title held at Tesla does not make this week's work a Tesla fact.
    expect(answerer.answer('What did Karpathy work on while at Tesla?').text ?? '').not.toContain('Zelmore');
    expect(answerer.answer('What did Karpathy work on this week?').text).toContain('Zelmore');
  });

  test('idioms are read as the plain verbs articles use: toe-to-toe with and take on are challenging, moving the needle is advancing', () => {
    const corpus = new StoryCorpus([
      buildArticle({
        id: 'idioms',
        outlet: 'Example Wire',
        title: 'Compilers and chatbots',
        origin: 'feed',
        body: 'The Zelmore chatbot is the only product able to challenge Quibbit at scale. The Zelmore chatbot runs on Brandle chips at scale. Some 900 engineers move to the Plonk compiler each year. Perhaps 40 engineers anywhere can meaningfully advance the Plonk compiler.',
      }),
    ]);
    const answerer = new OfflineAnswerer(story.definition, corpus);
    expect(answerer.answer('which product can the zelmore chatbot go toe-to-toe with at scale?').text).toContain('Quibbit');
    expect(answerer.answer('which product can the zelmore chatbot take on at scale?').text).toContain('Quibbit');
    expect(answerer.answer('how many engineers can move the needle on the plonk compiler?').text).toContain('40 engineers');
  });

  test('"which month" is answered by a month named without its year; "month and year" needs both', () => {
    const corpus = new StoryCorpus([
      buildArticle({ id: 'month', outlet: 'Example Wire', title: 'A trial', origin: 'feed', body: 'In March of this year the Zelmore lab ran its first agent trial on a toy model.' }),
    ]);
    const answerer = new OfflineAnswerer(story.definition, corpus);
    expect(answerer.answer('in which month did the zelmore lab run its first agent trial?').text).toContain('March');
    expect(answerer.answer('when did the zelmore lab run its first agent trial? month and year please').text).toBeNull();
  });

  test('a change asked "by how many" is answered with the gap between the two figures given', () => {
    const corpus = new StoryCorpus([
      buildArticle({ id: 'course', outlet: 'Example Wire', title: 'A workshop grows', origin: 'feed', body: 'The Zelmore workshop Karpathy runs grew from 40 attendees in 2019 to 310 attendees in 2022.' }),
    ]);
    const answerer = new OfflineAnswerer(story.definition, corpus);
    expect(answerer.answer('By how many attendees did the Zelmore workshop grow?').text).toContain('270 attendees');
    // The sentence gives both figures, never a gap in another unit.
    expect(answerer.answer('How many attendees did the Zelmore workshop have in 2022?').text).not.toContain('270');
  });

  test('a figure belongs to the organisation named before it, and a date question gets the precision it asks', () => {
    const corpus = new StoryCorpus([
      buildArticle({ id: 'value', outlet: 'Example Wire', title: 'Valuations', origin: 'feed', body: 'Anthropic raised money at a $700 billion valuation, overtaking OpenAI in private markets. In 2024 Karpathy founded Eureka Labs.' }),
    ]);
    const answerer = new OfflineAnswerer(story.definition, corpus);
    expect(answerer.answer('What is OpenAI currently valued at?').text).toBeNull();
    expect(answerer.answer('What is Anthropic valued at?').text).toContain('$700 billion');
    expect(answerer.answer('Which month in 2024 did Karpathy launch Eureka Labs?').text).toBeNull();
    expect(answerer.answer('What year did Karpathy found Eureka Labs?').text).toContain('2024');
  });
});

describe('porterStem', () => {
  test.each([
    ['caresses', 'caress'], ['ponies', 'poni'], ['hopping', 'hop'], ['relational', 'relat'], ['generalizations', 'gener'],
    ['announcement', 'announc'], ['announced', 'announc'], ['focus', 'focus'], ['focused', 'focus'],
  ])('%s -> %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });
});
