/** What every evaluation section gets from the runner. */
export interface EvalContext {
  /** Absolute path of the repository. */
  repoDir: string;
  /** Absolute path of the shared evaluation material (eval/, seeds/). */
  sharedDir: string;
  out: (line: string) => void;
}

/** One part of `npm run eval` (timeline, questions...). */
export interface EvalSection {
  name: string;
  /** Runs the evaluation and prints its figures; resolves to false when a target is missed. */
  run(context: EvalContext): Promise<boolean>;
}
