"use client";

import { fillMessage } from "@/components/fill-message";
import { useErrorWords } from "./_components/error-words";

/** A failure is shown as a failure, never as an empty table. */
export default function DeskError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // From the desk layout, which is above this boundary; should they be missing, the reference and the way out still show.
  const words = useErrorWords();
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
      {words && <h2 className="font-semibold">{words.heading}</h2>}
      <p className="mt-1 text-sm">
        {error.digest ? (words ? fillMessage(words.reference, { digest: error.digest }) : error.digest) : error.message}
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-3 rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-800"
      >
        {words ? words.retry : "↻"}
      </button>
    </div>
  );
}
