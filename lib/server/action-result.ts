import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { answerFor, type ErrorAnswer } from "../error-answer";
import { newRequestId, withRequestId } from "../log/request-context";

export type ActionResult = { ok: true; message: string } | { ok: false; message: string } | null;

/**
 * A failure in the words of the form that shows it (the viewer's language): given the error and what
 * `answerFor` made of it (its English message, and the reference of an unexpected failure, already logged).
 */
export type ExplainFailure = (error: unknown, answer: ErrorAnswer) => string | Promise<string>;

/**
 * Runs a verb for a server action and turns its outcome into something a form can show: the verb's
 * own words for the errors it throws on purpose, a reference to the logged details for anything else
 * (`answerFor`, shared with route handlers), or what `explain` says instead. The work runs under one
 * request id for its log lines.
 */
export async function runAction(work: () => Promise<string>, revalidate?: string, explain?: ExplainFailure): Promise<ActionResult> {
  const result = await runActionForValue(work, revalidate, explain);
  return result.ok ? { ok: true, message: result.value } : result;
}

export type ActionValue<T> = { ok: true; value: T } | { ok: false; message: string };

/** `runAction` for actions a client component calls for data (a bulk retry's selection and results). */
export async function runActionForValue<T>(work: () => Promise<T>, revalidate?: string, explain?: ExplainFailure): Promise<ActionValue<T>> {
  return withRequestId(newRequestId(), async () => {
    try {
      const value = await work();
      if (revalidate) revalidatePath(revalidate);
      return { ok: true, value };
    } catch (error) {
      // redirect() and notFound() are Next.js's control flow, not failures.
      unstable_rethrow(error);
      const answer = answerFor(error, "server action");
      return { ok: false, message: explain ? await explain(error, answer) : inEnglish(answer) };
    }
  });
}

/** A failure as the desk says it without a form's words: the verb's own message, or the reference of an unexpected one. */
export function inEnglish(answer: ErrorAnswer): string {
  return answer.ref ? `${answer.message} Nothing was changed; try again, or give an admin this reference.` : answer.message;
}
