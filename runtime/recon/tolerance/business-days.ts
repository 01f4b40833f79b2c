/**
 * Business-day distance: Saturdays, Sundays and listed holidays do not count. Whole weeks are
 * counted arithmetically and holidays by binary search, so a pair costs the same at any distance.
 */
import { weekdayOf } from '../../formula/library/dates';

const isWeekday = (serial: number): boolean => {
  const wd = weekdayOf(serial);
  return wd !== 0 && wd !== 6;
};

/** Weekdays among serials below x (serial 0, 1899-12-30, was a Saturday). */
function weekdaysBefore(x: number): number {
  const weeks = Math.floor(x / 7);
  return weeks * 5 + Math.max(0, x - weeks * 7 - 2);
}

/** Index of the first element ≥ x in a sorted list. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class BusinessCalendar {
  /** Holidays that fall on weekdays, sorted. */
  private readonly holidays: number[];

  constructor(holidays: readonly number[] = []) {
    this.holidays = [...new Set(holidays.map(Math.floor))].filter(isWeekday).sort((a, b) => a - b);
  }

  /** Business days in (x, y] for whole-day serials x ≤ y. */
  private between(x: number, y: number): number {
    const holidays = lowerBound(this.holidays, y + 1) - lowerBound(this.holidays, x + 1);
    return weekdaysBefore(y + 1) - weekdaysBefore(x + 1) - holidays;
  }

  /**
   * Signed business days from `b` to `a` (positive when a is later). Different calendar days are
   * at least one apart, so a Saturday is one business day from the Friday before it.
   */
  distance(a: number, b: number): number {
    const x = Math.floor(a);
    const y = Math.floor(b);
    if (x === y) return 0;
    const n = Math.max(1, this.between(Math.min(x, y), Math.max(x, y)));
    return x > y ? n : -n;
  }
}
