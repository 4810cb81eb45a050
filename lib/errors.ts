/**
 * The desk's typed errors. Service verbs throw these; `answerFor` (error-answer.ts) turns them into what a
 * route handler or server action answers, in one place. Inputs are read with `parseInput` (parse-input.ts).
 */

/**
 * What a person reads of an error in their own language: a code, which the form showing it finds among its
 * messages (`runAction`'s words, lib/server/action-result.ts), and the code's values. The English `message`
 * stays for logs, API answers and every caller that has no words for the code.
 */
export interface ErrorText {
  code: string;
  values?: Record<string, string | number>;
}

export interface DeskErrorOptions extends ErrorOptions {
  text?: ErrorText;
}

export class DeskError extends Error {
  readonly status: number = 500;
  readonly text: ErrorText | undefined;
  constructor(message: string, options?: DeskErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.text = options?.text;
  }
}

export class InvalidInput extends DeskError {
  override readonly status = 400;
  constructor(
    message: string,
    readonly issues: string[] = [],
    options?: DeskErrorOptions,
  ) {
    super(issues.length > 0 ? `${message}: ${issues.join("; ")}` : message, options);
  }
}

export class NotFound extends DeskError {
  override readonly status = 404;
}

export class Unauthenticated extends DeskError {
  override readonly status = 401;
}

export class Forbidden extends DeskError {
  override readonly status = 403;
}

export class Conflict extends DeskError {
  override readonly status = 409;
}

export class UpstreamUnavailable extends DeskError {
  override readonly status = 503;
}

/** The status alone; answers go through `answerFor`, which also keeps unexpected messages out of them. */
export function httpStatusOf(error: unknown): number {
  return error instanceof DeskError ? error.status : 500;
}
