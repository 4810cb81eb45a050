export interface BatcherOptions {
  /** Items per call of `run` at most. */
  maxBatch?: number;
  /** Calls of `run` in flight at once; more items wait, and join the next batch. */
  maxInFlight?: number;
}

/**
 * Does for many callers' items at once what each would do alone: `run` takes the items that arrived in the
 * same turn of the event loop (or, while `maxInFlight` calls are running, all that arrived meanwhile) and
 * answers one outcome per item, in order. Under load batches grow by themselves; when idle an item waits
 * one turn. Each caller is answered only when its batch's call has finished, so "stored" still means
 * committed.
 *
 * A call that throws for a batch of several is repeated for each item alone, so one item the database
 * refuses fails only its own caller. `run` answering an Error for an item fails that caller alone too.
 */
export function createBatcher<In, Out>(run: (items: In[]) => Promise<(Out | Error)[]>, options: BatcherOptions = {}): (item: In) => Promise<Out> {
  const maxBatch = options.maxBatch ?? 200;
  const maxInFlight = options.maxInFlight ?? 4;
  let queue: Waiter<In, Out>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const answer = (waiters: Waiter<In, Out>[], outcomes: (Out | Error)[]) => {
    if (outcomes.length !== waiters.length) {
      const error = new Error(`A batch of ${waiters.length} was answered with ${outcomes.length} outcomes`);
      for (const waiter of waiters) waiter.reject(error);
      return;
    }
    waiters.forEach((waiter, i) => {
      const outcome = outcomes[i]!;
      if (outcome instanceof Error) waiter.reject(outcome);
      else waiter.resolve(outcome);
    });
  };

  /** Runs the items; a batch of several that fails is run again item by item. */
  const settle = async (batch: Waiter<In, Out>[]) => {
    let outcomes: (Out | Error)[];
    try {
      outcomes = await run(batch.map((w) => w.item));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else await Promise.all(batch.map((waiter) => settle([waiter])));
      return;
    }
    answer(batch, outcomes);
  };

  const flush = async (batch: Waiter<In, Out>[]) => {
    inFlight += 1;
    try {
      await settle(batch);
    } finally {
      inFlight -= 1;
      schedule();
    }
  };

  const schedule = () => {
    if (scheduled || queue.length === 0 || inFlight >= maxInFlight) return;
    scheduled = true;
    // One turn of the event loop lets the items that arrived together join the same batch.
    setImmediate(() => {
      scheduled = false;
      while (queue.length > 0 && inFlight < maxInFlight) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(maxBatch);
        void flush(batch);
      }
    });
  };

  return (item) =>
    new Promise<Out>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}

interface Waiter<In, Out> {
  item: In;
  resolve: (outcome: Out) => void;
  reject: (error: unknown) => void;
}

/** `createBatcher` for a write that answers nothing per item: each caller hears only that its batch committed. */
export function createWriteBatcher<In>(write: (items: In[]) => Promise<void>, options: BatcherOptions = {}): (item: In) => Promise<void> {
  return createBatcher<In, void>(async (items) => {
    await write(items);
    return items.map(() => undefined);
  }, options);
}
