/**
 * The batches of `source`, asking for the next one as soon as the current one is handed out: while the
 * caller works on a batch (looks up its rows' review state, writes it out), the next is already being read
 * on another connection. At most one batch is read ahead. Stopping early (`return`) waits for the read in
 * flight and stops the source, so no query is left running and no failure goes unhandled.
 */
export async function* readAhead<T>(source: AsyncIterator<T>): AsyncGenerator<T> {
  let next: Promise<IteratorResult<T>> | null = source.next();
  try {
    for (;;) {
      const result: IteratorResult<T> = await next;
      next = null;
      if (result.done) return;
      next = source.next();
      // Handled where it is awaited; this only keeps a failure of the read ahead from being reported as unhandled.
      next.catch(() => {});
      yield result.value;
    }
  } finally {
    if (next) await next.catch(() => undefined);
    await source.return?.();
  }
}
