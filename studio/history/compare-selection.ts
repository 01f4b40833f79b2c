/**
 * Which two versions the history compares, from the link's `?from=…&to=…` (version numbers, `3`
 * or `v3`) or by default: the latest against the active version, or against the one before it
 * when the latest is the active one or none is active.
 */
export interface VersionLike {
  readonly version: number;
  readonly status: string;
}

export interface Comparison<V extends VersionLike> {
  /** What the pickers show; absent only when there is nothing to compare. */
  readonly from?: V;
  readonly to?: V;
  /** Why no comparison is shown, in words that say what to do instead. */
  readonly problem?: string;
}

export function pickComparison<V extends VersionLike>({ versions, from, to }: { versions: readonly V[]; from?: string | null; to?: string | null }): Comparison<V> {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  if (newestFirst.length < 2) return { problem: newestFirst.length ? 'There is only one version so far: save another to see what changed.' : 'This template has no versions yet.' };
  const find = (param: string, raw: string): V | string => {
    const n = /^v?(\d+)$/i.exec(raw.trim());
    const found = n ? newestFirst.find((v) => v.version === Number(n[1])) : undefined;
    if (found) return found;
    const range = `v${newestFirst[newestFirst.length - 1].version}–v${newestFirst[0].version}`;
    return n ? `There is no version ${n[1]} of this template (in ?${param}=); pick one of ${range}.` : `\`${raw}\` in ?${param}= is not a version number; pick one of ${range}.`;
  };
  const asked = {
    to: to ? find('to', to) : undefined,
    from: from ? find('from', from) : undefined,
  };
  const chosenTo = typeof asked.to === 'object' ? asked.to : newestFirst[0];
  const active = newestFirst.find((v) => v.status === 'active');
  const before = newestFirst.find((v) => v.version < chosenTo.version) ?? newestFirst.find((v) => v !== chosenTo)!;
  const chosenFrom = typeof asked.from === 'object' ? asked.from : active && active !== chosenTo ? active : before;
  const problem = [asked.from, asked.to].find((x): x is string => typeof x === 'string')
    ?? (chosenFrom === chosenTo ? `Both sides are v${chosenTo.version}: pick two different versions to compare.` : undefined);
  return { from: chosenFrom, to: chosenTo, problem };
}

/** The link to a comparison, for the history's "Changes" links and for sharing. */
export const comparisonHref = (from: VersionLike, to: VersionLike): string => `?from=${from.version}&to=${to.version}#compare`;
