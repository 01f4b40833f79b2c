import { describe, expect, it } from 'vitest';
import { comparisonHref, pickComparison } from './compare-selection';

const v = (version: number, status = 'approved') => ({ version, status, id: `id-${version}` });

describe('pickComparison', () => {
  it('compares the latest against the active version by default', () => {
    const versions = [v(5, 'draft'), v(4, 'submitted'), v(3, 'active'), v(2), v(1)];
    const c = pickComparison({ versions });
    expect([c.from?.version, c.to?.version, c.problem]).toEqual([3, 5, undefined]);
  });

  it('compares the latest against the one before when the latest is active or none is', () => {
    expect(pickComparison({ versions: [v(1), v(3, 'active'), v(2)] })).toMatchObject({ from: { version: 2 }, to: { version: 3 } });
    expect(pickComparison({ versions: [v(2, 'draft'), v(1, 'rejected')] })).toMatchObject({ from: { version: 1 }, to: { version: 2 } });
  });

  it('takes the versions from the link, as 3 or v3, and defaults the side left out', () => {
    const versions = [v(4, 'draft'), v(3, 'active'), v(2), v(1)];
    expect(pickComparison({ versions, from: '1', to: 'v2' })).toMatchObject({ from: { version: 1 }, to: { version: 2 } });
    expect(pickComparison({ versions, to: '3' })).toMatchObject({ from: { version: 2 }, to: { version: 3 } });
    expect(pickComparison({ versions, from: 'V2' })).toMatchObject({ from: { version: 2 }, to: { version: 4 } });
  });

  it('explains a version that does not exist, a parameter that is not a version, and two equal sides', () => {
    const versions = [v(3), v(2), v(1)];
    expect(pickComparison({ versions, from: '9' })).toMatchObject({ to: { version: 3 }, problem: 'There is no version 9 of this template (in ?from=); pick one of v1–v3.' });
    expect(pickComparison({ versions, to: 'latest' }).problem).toBe('`latest` in ?to= is not a version number; pick one of v1–v3.');
    expect(pickComparison({ versions, from: '2', to: '2' }).problem).toBe('Both sides are v2: pick two different versions to compare.');
  });

  it('has nothing to compare with fewer than two versions', () => {
    expect(pickComparison({ versions: [v(1)] })).toEqual({ problem: 'There is only one version so far: save another to see what changed.' });
    expect(pickComparison({ versions: [] })).toEqual({ problem: 'This template has no versions yet.' });
  });

  it('links to a comparison', () => {
    expect(comparisonHref(v(2), v(5))).toBe('?from=2&to=5#compare');
  });
});
