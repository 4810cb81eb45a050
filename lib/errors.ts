/**
 * The desk's typed errors. Service verbs throw these; `answerFor` (error-answer.ts) turns them into what a
 * route handler or server action answers, in one place. Inputs are read with `parseInput` (parse-input.ts).
 */
export class DeskError extends Error {
  readonly status: number = 500;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class InvalidInput extends DeskError {
  override readonly status = 400;
  constructor(
    message: string,
    readonly issues: string[] = [],
    options?: ErrorOptions,
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
