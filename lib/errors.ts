/**
 * The desk's typed errors. Service verbs throw these; `answerFor` (error-answer.ts) turns them into what a
 * route handler or server action answers, in one place. Inputs are read with `parseInput` (parse-input.ts).
 */
export interface DeskErrorOptions extends ErrorOptions {
  /**
   * What went wrong as a machine code (`emailTaken`), with the values its words need: a page or form that
   * has words for the code says it in the viewer's language; the message stays the English fallback.
   */
  code?: string;
  /** A Date is an instant, written in the viewer's zone and format by the page that says it. */
  values?: Record<string, string | number | Date>;
}

export class DeskError extends Error {
  readonly status: number = 500;
  readonly code?: string;
  readonly values?: Record<string, string | number | Date>;
  constructor(message: string, options?: DeskErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = options?.code;
    this.values = options?.values;
  }
}

/**
 * One thing wrong with an input, without words: which field (its dotted path, `note`; empty for the whole
 * input), what kind of problem, and the limit it broke (characters for text, else the count or the number).
 * A form says it in the viewer's language; `issues` keep zod's English for logs and API answers.
 */
export interface InputProblem {
  field: string;
  kind: "empty" | "tooShort" | "tooLong" | "tooSmall" | "tooBig" | "notOneOf" | "invalid";
  limit?: number;
}

export class InvalidInput extends DeskError {
  override readonly status = 400;
  /** The input's fields that were refused (`password`), for a form to say what to fix in its own words. */
  readonly fields: string[];
  readonly problems: InputProblem[];
  constructor(
    message: string,
    readonly issues: string[] = [],
    options?: DeskErrorOptions & { fields?: string[]; problems?: InputProblem[] },
  ) {
    super(issues.length > 0 ? `${message}: ${issues.join("; ")}` : message, options);
    this.fields = options?.fields ?? [];
    this.problems = options?.problems ?? [];
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
