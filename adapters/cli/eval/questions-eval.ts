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
    const questions = fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as DevQuestion);
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
        const text = answer.text?.toLowerCase();
        if (text !== undefined && (q.any ?? []).some((s) => text.includes(s.toLowerCase()))) right++;
        else misses.push(`  wrong: ${q.q} -> ${answer.text === null ? `refused (${answer.refusal})` : answer.text.slice(0, 160)}`);
      }
      const accuracy = answerable ? right / answerable : 1;
      const met = accuracy >= ANSWER_TARGET && refused === abstain;
      ok &&= met;
      out(`${label}: answerable ${right}/${answerable} (${(accuracy * 100).toFixed(1)}%, target ${ANSWER_TARGET * 100}%), refusals ${refused}/${abstain} (target all) ${met ? 'OK' : 'MISSED'}`);
      for (const m of misses) out(m);
    }
    return ok;
  },
};
