/**
 * One timer for all pending work (processes becoming final), kept in a min-heap by due time. 100,000
 * processes finishing at once run in slices so that the server keeps answering meanwhile, and close()
 * has a single timer to clear.
 */
interface Job {
  due: number;
  seq: number;
  run: () => void;
}

const SLICE_MS = 15;

export class Scheduler {
  private heap: Job[] = [];
  private timer: NodeJS.Timeout | undefined;
  private timerDue = Infinity;
  private seq = 0;
  private closed = false;

  constructor(private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.heap.length;
  }

  at(due: number, run: () => void): void {
    if (this.closed) return;
    this.push({ due, seq: this.seq++, run });
    if (due < this.timerDue) this.arm();
  }

  clear(): void {
    this.heap = [];
    this.disarm();
  }

  close(): void {
    this.closed = true;
    this.clear();
  }

  private arm(): void {
    this.disarm();
    const first = this.heap[0];
    if (!first || this.closed) return;
    this.timerDue = first.due;
    this.timer = setTimeout(() => this.drain(), Math.max(0, first.due - this.now()));
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
  }

  private drain(): void {
    this.timer = undefined;
    this.timerDue = Infinity;
    const sliceEnd = Date.now() + SLICE_MS;
    while (!this.closed) {
      const first = this.heap[0];
      if (!first || first.due > this.now()) break;
      this.pop();
      first.run();
      if (Date.now() > sliceEnd) {
        // Let requests in before the next slice.
        this.timer = setTimeout(() => this.drain(), 0);
        this.timerDue = 0;
        return;
      }
    }
    this.arm();
  }

  private less(a: Job, b: Job): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  private push(job: Job): void {
    const h = this.heap;
    h.push(job);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as Job;
      if (!this.less(job, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = job;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (!last || h.length === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = last;
      let at = -1;
      const left = h[l];
      const right = h[r];
      if (left && this.less(left, smallest)) {
        smallest = left;
        at = l;
      }
      if (right && this.less(right, smallest)) {
        smallest = right;
        at = r;
      }
      if (at < 0) break;
      h[i] = smallest;
      i = at;
    }
    h[i] = last;
  }
}
