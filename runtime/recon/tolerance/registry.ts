/**
 * The tolerance kinds, by name (DESIGN.md §11.5). The rule editor lists them with their params;
 * the engine compiles a rule through its kind; nothing else knows the kinds by name.
 */
import type { RuleData } from '../types';
import { absKind } from './abs';
import { bpsKind } from './bps';
import { daysKind } from './days';
import { exactKind } from './exact';
import { relKind } from './rel';
import { textKind } from './text';
import { ticksKind } from './ticks';
import type { ToleranceKind } from './types';

export const TOLERANCE_KINDS: readonly ToleranceKind[] = [exactKind, absKind, relKind, ticksKind, bpsKind, daysKind, textKind] as unknown as readonly ToleranceKind[];

const BY_KIND = new Map<string, ToleranceKind>(TOLERANCE_KINDS.map((k) => [k.kind, k]));

export function toleranceKind(kind: RuleData['kind']): ToleranceKind | undefined {
  return BY_KIND.get(kind);
}
