import { DeskError } from "../errors";
import { isAssureClientError } from "./assure-failure";

/** One line an admin can act on; Assure's errors carry no token or personal data, and neither does this. */
export function describeSyncError(error: unknown): string {
  if (isAssureClientError(error) || error instanceof DeskError) return error.message.slice(0, 500);
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown error";
}
