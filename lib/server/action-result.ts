import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { answerFor, type ErrorAnswer } from "../error-answer";
import { newRequestId, withRequestId } from "../log/request-context";

export type ActionResult = { ok: true; message: string } | { ok: false; message: string } | null;

/**
 * A form's words for what went wrong, in the viewer's language: the messages of the codes its verbs throw
 * (a DeskError's `text`, lib/errors.ts), and `unexpected` (with `{ref}`) for a failure that is not the
 * verbs' own. A code the words do not have is answered with the verb's English message.
 */
export interface FailureWords {
  has(code: string): boolean;
  say(code: string, values?: Record<string, string | number>): string;
}

/**
 * Runs a verb for a server action and turns its outcome into something a form can show: the verb's
 * own words for the errors it throws on purpose, a reference to the logged details for anything else
 * (`answerFor`, shared with route handlers), said by `words` when the action has them. The work runs
 * under one request id for its log lines.
 */
export async function runAction(work: () => Promise<string>, revalidate?: string, words?: () => Promise<FailureWords>): Promise<ActionResult> {
  const result = await runActionForValue(work, revalidate, words);
  return result.ok ? { ok: true, message: result.value } : result;
}

export type ActionValue<T> = { ok: true; value: T } | { ok: false; message: string };

/** `runAction` for actions a client component calls for data (a bulk retry's selection and results). */
export async function runActionForValue<T>(work: () => Promise<T>, revalidate?: string, words?: () => Promise<FailureWords>): Promise<ActionValue<T>> {
  return withRequestId(newRequestId(), async () => {
    try {
      const value = await work();
      if (revalidate) revalidatePath(revalidate);
      return { ok: true, value };
    } catch (error) {
      // redirect() and notFound() are Next.js's control flow, not failures.
      unstable_rethrow(error);
      return { ok: false, message: await describeFailure(answerFor(error, "server action"), words) };
    }
  });
}

async function describeFailure(answer: ErrorAnswer, words?: () => Promise<FailureWords>): Promise<string> {
  const english = answer.ref ? `${answer.message} Nothing was changed; try again, or give an admin this reference.` : answer.message;
  if (!words) return english;
  const said = await words();
  if (answer.ref) return said.has("unexpected") ? said.say("unexpected", { ref: answer.ref }) : english;
  return answer.text && said.has(answer.text.code) ? said.say(answer.text.code, answer.text.values) : english;
}
