/**
 * The desk's typed errors. Service verbs throw these; `httpStatusOf` maps them to an answer in one place.
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

export function httpStatusOf(error: unknown): number {
  return error instanceof DeskError ? error.status : 500;
}
