import { describe, expect, it } from 'vitest';
import { PublishedState } from './published-state';

describe('PublishedState', () => {
  it('calls a subscriber now and on each change, and not for a state the same as the last', () => {
    const s = new PublishedState<string>('a', () => true, (next, now) => next.toLowerCase() === now.toLowerCase());
    const seen: string[] = [];
    const stop = s.subscribe((v) => seen.push(v));
    s.publish('b');
    s.publish('B');
    s.publish('c');
    stop();
    s.publish('d');
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(s.value).toBe('d');
  });

  it('keeps waiters until the owner is quiet, and gives them the state then', async () => {
    let busy = true;
    const s = new PublishedState<number>(0, () => !busy);
    const waited = s.settled();
    s.publish(1);
    busy = false;
    s.publish(2);
    expect(await waited).toBe(2);
    expect(await s.settled()).toBe(2);
  });

  it('releases waiters and drops subscribers when closed', async () => {
    const s = new PublishedState<number>(5, () => false);
    const seen: number[] = [];
    s.subscribe((v) => seen.push(v));
    const waited = s.settled();
    s.close();
    expect(await waited).toBe(5);
    s.publish(6);
    expect(seen).toEqual([5]);
  });
});
