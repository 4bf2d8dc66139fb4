import fs from 'node:fs';
import path from 'node:path';
import type { EvalSection } from './eval/eval-section';
import { timelineEval } from './eval/timeline-eval';
import { questionsEval } from './eval/questions-eval';

/** Every evaluation section, one line each, run in this order. */
const SECTIONS: EvalSection[] = [timelineEval, questionsEval];

/** `npm run eval`: scores each section against the shared development sets; skips without them. */
export async function runEval(out: (line: string) => void, repoDir: string): Promise<number> {
  const sharedDir = path.resolve(repoDir, '..', 'shared');
  if (!fs.existsSync(path.join(sharedDir, 'eval'))) {
    out(`No evaluation data at ${sharedDir}/eval: skipping the evaluation.`);
    return 0;
  }
  let failed = 0;
  for (const section of SECTIONS) {
    out(`== ${section.name}`);
    if (!(await section.run({ repoDir, sharedDir, out }))) failed++;
  }
  out(failed === 0 ? 'All targets on the shared dev sets met (the held-out sets are figures only; their floors are tests).' : `${failed} section(s) missed a target.`);
  return failed === 0 ? 0 : 1;
}

if (require.main === module) {
  // dist/adapters/cli/eval.js -> the repository is three folders up.
  const repoDir = path.resolve(__dirname, '..', '..', '..');
  void runEval((line) => process.stdout.write(`${line}\n`), repoDir).then((code) => {
    process.exitCode = code;
  });
}
