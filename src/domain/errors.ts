/**
 * The one error type users see. `message` is written for the person in Slack: what was wrong and
 * how to fix it. Anything that is not an AppError is a bug: it is logged, and the user gets a
 * generic apology with their text returned.
 */
export type AppErrorCode =
  | 'bad_input'
  | 'not_found'
  | 'ambiguous'
  | 'forbidden'
  | 'not_set_up'
  | 'personal_data'
  | 'conflict'
  | 'stale'
  | 'duplicate_request';

/**
 * A guessed correction of one word the user typed ('amberr' → 'amber', 'worforce' → 'WS1'): the
 * command layer turns it into their whole command, corrected, ready to copy.
 */
export interface WordFix {
  from: string;
  to: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** A corrected command the user can copy, when we can guess one. */
  readonly example?: string;
  readonly fix?: WordFix;
  /** A word that, added at the end of the command, goes ahead anyway (`--anyway`): offered ready to copy. */
  readonly goAhead?: string;

  constructor(
    code: AppErrorCode,
    message: string,
    options: { example?: string; fix?: WordFix; goAhead?: string } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.example = options.example;
    this.fix = options.fix;
    this.goAhead = options.goAhead;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
