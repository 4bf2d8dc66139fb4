/**
 * Progress for the person running the bench. It goes to stderr, so stdout carries only
 * the table or the JSON object.
 */
export type Progress = (message: string) => void;

export const stderrProgress: Progress = (message) => {
  process.stderr.write(`bench: ${message}\n`);
};

export const silentProgress: Progress = () => undefined;
