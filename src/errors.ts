/**
 * One base class for every error newsdesk raises on purpose.
 * `code` is stable and machine-readable; `cause` keeps the underlying error.
 */
export class NewsdeskError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * An error whose message is written for the chat user (plain, no internals).
 * Anything else is logged and replaced by a generic apology.
 */
export class UserFacingError extends NewsdeskError {
  constructor(message: string, code = 'user-error', options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/** Bad or missing configuration: reported once, exit code 2, no stack trace. */
export class ConfigError extends NewsdeskError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super('config', `newsdesk cannot start: ${problems.join('; ')}.`);
    this.problems = problems;
  }
}

export function isUserFacing(error: unknown): error is UserFacingError {
  return error instanceof UserFacingError;
}
