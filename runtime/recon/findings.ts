/** Collects findings once each: a rule compiled for several source pairs reports its problem once. */
import type { Finding } from '../finding';

export class FindingCollector {
  private readonly seen = new Set<string>();
  readonly list: Finding[] = [];
  readonly report = (f: Finding): void => {
    const id = `${f.code}\u0001${f.message}\u0001${f.location.source}\u0001${f.location.row ?? ''}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.list.push(f);
  };
}
