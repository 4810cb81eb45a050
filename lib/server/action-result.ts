import "server-only";
import { revalidatePath } from "next/cache";
import { DeskError } from "../errors";
import { createLogger } from "../log/logger";

const log = createLogger("action");

export type ActionResult = { ok: true; message: string } | { ok: false; message: string } | null;

/**
 * Runs a verb for a server action and turns its outcome into something a form can show: the verb's
 * own words for the errors it throws on purpose, a plain failure (logged) for anything else.
 */
export async function runAction(work: () => Promise<string>, revalidate?: string): Promise<ActionResult> {
  const result = await runActionForValue(work, revalidate);
  return result.ok ? { ok: true, message: result.value } : result;
}

export type ActionValue<T> = { ok: true; value: T } | { ok: false; message: string };

/** `runAction` for actions a client component calls for data (a bulk retry's selection and results). */
export async function runActionForValue<T>(work: () => Promise<T>, revalidate?: string): Promise<ActionValue<T>> {
  try {
    const value = await work();
    if (revalidate) revalidatePath(revalidate);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof DeskError) return { ok: false, message: error.message };
    log.error("server action failed", { error });
    return { ok: false, message: "Something went wrong on the server; nothing was changed. Try again, or ask an admin to look at the logs." };
  }
}
