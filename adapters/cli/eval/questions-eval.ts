import fs from 'node:fs';
import path from 'node:path';
import type { EvalContext, EvalSection } from './eval-section';
import { loadStoryFolder } from '../../../src/story/load-stories';
import { loadCorpusDir } from '../../../src/corpus/load-corpus';
import { StoryCorpus } from '../../../src/corpus/story-corpus';
import { OfflineAnswerer } from '../../../src/answers/offline-answerer';

const STORY = 'karpathy';
const ANSWER_TARGET = 0.9;

interface DevQuestion {
  q: string;
  any?: string[];
  abstain?: boolean;
}

/** The held-out sets in `test/answers/`, in the order they were written (paraphrases, then traps). */
function heldOutSets(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const number = (f: string) => Number(/-(\d+)\.jsonl$/.exec(f)?.[1] ?? 1);
  const kind = (f: string) => (f.startsWith('paraphrase-questions') ? 0 : 1);
  return fs
    .readdirSync(dir)
    .filter((f) => /^(?:paraphrase-questions|refusal-traps)(?:-\d+)?\.jsonl$/.test(f))
    .sort((a, b) => kind(a) - kind(b) || number(a) - number(b));
}

function readQuestions(file: string): DevQuestion[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevQuestion);
}

function isRight(text: string | null, q: DevQuestion): boolean {
  const lower = text?.toLowerCase();
  return lower !== undefined && (q.any ?? []).some((s) => lower.includes(s.toLowerCase()));
}

function score(answerer: OfflineAnswerer, questions: DevQuestion[]) {
  const r = { right: 0, answerable: 0, refused: 0, abstain: 0 };
  for (const q of questions) {
    const text = answerer.answer(q.q).text;
    if (q.abstain) {
      r.abstain++;
      if (text === null) r.refused++;
    } else {
      r.answerable++;
      if (isRight(text, q)) r.right++;
    }
  }
  return r;
}

/**
 * Questions: an answer is right when it contains one of the expected strings (any case); an
 * abstain question is right only when refused. Target: >= 90% of answerable questions and
 * every refusal, on the bundled corpus and on the seed articles.
 */
export const questionsEval: EvalSection = {
  name: 'questions',
  async run({ repoDir, sharedDir, out }: EvalContext): Promise<boolean> {
    const file = path.join(sharedDir, 'eval', 'questions.dev.jsonl');
    if (!fs.existsSync(file)) {
      out(`no ${file}: skipped`);
      return true;
    }
    const questions = readQuestions(file);
    const story = loadStoryFolder(path.join(repoDir, 'digests', STORY));
    const corpora: Array<[string, string]> = [
      ['bundled', story.articlesDir],
      ['seeds', path.join(sharedDir, 'seeds')],
    ];
    let ok = true;
    for (const [label, dir] of corpora) {
      if (!fs.existsSync(dir)) {
        out(`${label}: no corpus at ${dir}, skipped`);
        continue;
      }
      const answerer = new OfflineAnswerer(story.definition, new StoryCorpus(loadCorpusDir(dir, label === 'bundled' ? 'bundled' : 'folder')));
      let answerable = 0;
      let right = 0;
      let abstain = 0;
      let refused = 0;
      const misses: string[] = [];
      for (const q of questions) {
        const answer = answerer.answer(q.q);
        if (q.abstain) {
          abstain++;
          if (answer.text === null) refused++;
          else misses.push(`  should refuse: ${q.q} -> ${answer.text.slice(0, 160)}`);
          continue;
        }
        answerable++;
        if (isRight(answer.text, q)) right++;
        else misses.push(`  wrong: ${q.q} -> ${answer.text === null ? `refused (${answer.refusal})` : answer.text.slice(0, 160)}`);
      }
      const accuracy = answerable ? right / answerable : 1;
      const met = accuracy >= ANSWER_TARGET && refused === abstain;
      ok &&= met;
      out(`${label}: answerable ${right}/${answerable} (${(accuracy * 100).toFixed(1)}%, target ${ANSWER_TARGET * 100}%), refusals ${refused}/${abstain} (target all) ${met ? 'OK' : 'MISSED'}`);
      for (const m of misses) out(m);
      // The held-out paraphrase sets (never tuned on) and the refusal traps: figures only, their floors are tests.
      const heldDir = path.join(repoDir, 'test', 'answers');
      for (const set of heldOutSets(heldDir)) {
        const held = readQuestions(path.join(heldDir, set));
        if (held.length === 0) continue;
        const r = score(answerer, held);
        out(`  held-out ${set}: answerable ${r.right}/${r.answerable}, refusals ${r.refused}/${r.abstain}`);
      }
    }
    return ok;
  },
};
