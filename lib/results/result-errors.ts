import { DeskError } from "../errors";

/**
 * Why a stored full-result zip is not shown. Both are 422: the bytes are there but the desk will not (unsafe)
 * or cannot (unreadable) open them. The reason is a stable code for tests and logs; the message is for people.
 */
export type UnsafeReason =
  | "zip-too-large"
  | "too-many-entries"
  | "declared-too-large"
  | "inflated-too-large"
  | "entry-name"
  | "duplicate-name"
  | "encrypted";

/** `damaged`: the stored copy no longer matches the hash recorded when it was stored (torn, altered, missing). */
export type UnreadableReason = "not-a-zip" | "truncated" | "corrupt" | "unsupported" | "damaged";

export class UnsafeResultError extends DeskError {
  override readonly status = 422;
  constructor(
    readonly reason: UnsafeReason,
    message: string,
  ) {
    super(message);
  }
}

export class UnreadableResultError extends DeskError {
  override readonly status = 422;
  constructor(
    readonly reason: UnreadableReason,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export type ResultError = UnsafeResultError | UnreadableResultError;

export function isResultError(error: unknown): error is ResultError {
  return error instanceof UnsafeResultError || error instanceof UnreadableResultError;
}
