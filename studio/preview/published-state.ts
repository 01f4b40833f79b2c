/**
 * The state a background worker of the editor publishes (the preview engine, the live match):
 * a Svelte store whose `subscribe` calls back now and on every change, and which can be awaited
 * until its owner is quiet (`settled`), as tests and the page's save do.
 */
export class PublishedState<T> {
  private readonly listeners = new Set<(state: T) => void>();
  private waiters: ((state: T) => void)[] = [];

  /**
   * `quiet`: whether the owner has nothing scheduled or running, so waiters may have the state.
   * `same`: a next state that changes nothing for listeners (they are not called again).
   */
  constructor(private current: T, private readonly quiet: (state: T) => boolean, private readonly same: (next: T, now: T) => boolean = () => false) {}

  get value(): T {
    return this.current;
  }

  publish(next: T): void {
    const same = this.same(next, this.current);
    this.current = next;
    if (!same) for (const fn of this.listeners) fn(next);
    if (this.quiet(next)) this.release();
  }

  subscribe(fn: (state: T) => void): () => void {
    this.listeners.add(fn);
    fn(this.current);
    return () => this.listeners.delete(fn);
  }

  settled(): Promise<T> {
    return this.quiet(this.current) ? Promise.resolve(this.current) : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** No more listeners; whoever waits has the last state. */
  close(): void {
    this.listeners.clear();
    this.release();
  }

  private release(): void {
    for (const w of this.waiters.splice(0)) w(this.current);
  }
}
