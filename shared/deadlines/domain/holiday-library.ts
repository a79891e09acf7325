/**
 * The State Council holiday notices as the `chinese-days` library records them (2004 onwards; it gains a year when the
 * next notice is published and the library is upgraded). The only module that imports the library.
 *
 * We import its JSON data rather than its functions: the package's CommonJS entry (a UMD bundle) offers no named
 * exports to Node's ESM loader, and its functions answer `isWorkday` from weekends alone for a year it does not know —
 * exactly the silent guess this system must not make. The JSON is plain data: it bundles as-is with esbuild and loads
 * on Node 24 with an import attribute.
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { yearOf } from '#platform/domain/time.ts';
import type { CalendarDay } from './calendar.ts';

interface LibraryJson {
  /** Date → `English name,中文名,days`: statutory holidays, weekend days inside a holiday span included. */
  readonly holidays: Readonly<Record<string, string>>;
  /** Date → the holiday it is worked for: make-up working days (调休上班). */
  readonly workdays: Readonly<Record<string, string>>;
}

const library: LibraryJson = data;

/** `National Day,国庆节,3` → `国庆节`. */
const chineseName = (label: string): string | undefined => label.split(',')[1]?.trim() || undefined;

const toDays = (entries: Readonly<Record<string, string>>, kind: CalendarDay['kind']): CalendarDay[] =>
  Object.entries(entries).map(([date, label]) => {
    const name = chineseName(label);
    return name ? { date, kind, name } : { date, kind };
  });

const allDays: readonly CalendarDay[] = [
  ...toDays(library.holidays, 'holiday'),
  ...toDays(library.workdays, 'makeup-workday'),
].sort((a, b) => a.date.localeCompare(b.date));

/** A year the library knows: it lists at least one holiday in it (every notice has New Year's Day at least). */
const coveredYears: ReadonlySet<number> = new Set(Object.keys(library.holidays).map(yearOf));

/**
 * Statutory holidays and make-up working days of `years`, for those of them the library truly has data for; the
 * other years are left out of `years`, so a calendar built from this answers `null` for them.
 *
 * @example
 * ```ts
 * libraryCalendarData([2026, 2027]).years; // [2026]: the 2027 notice is not in the library
 * ```
 */
export const libraryCalendarData = (years: readonly number[]): { years: number[]; days: CalendarDay[] } => {
  const known = [...new Set(years)].filter((year) => coveredYears.has(year)).sort((a, b) => a - b);
  return { years: known, days: allDays.filter((day) => known.includes(yearOf(day.date))) };
};

/** Every year the library knows, oldest first. */
export const libraryYears = (): number[] => [...coveredYears].sort((a, b) => a - b);
