/**
 * What the statistics page shows — a unit and a period of dates received — as it is kept in the page's address
 * (`?unit=east&from=2026-01-01&to=2026-03-31`), so that a link reproduces the view; and the small date and text rules
 * the page's parts share. Pure: no React, no requests.
 */
import type { Language } from '../../i18n/i18n.tsx';

export interface StatsView {
  readonly unit: string;
  /** First day received, `YYYY-MM-DD` (Asia/Shanghai), included. */
  readonly from: string;
  /** Last day received, included. */
  readonly to: string;
}

const isDate = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** The bureau's default period: 1 January of `today`'s year to `today`. */
export const defaultPeriod = (today: string): Pick<StatsView, 'from' | 'to'> => ({
  from: `${today.slice(0, 4)}-01-01`,
  to: today,
});

/**
 * The view a page address asks for, the missing parts filled with the defaults (the caller's unit, this year to date);
 * `complete` tells whether the address named all three (else the page writes them into it).
 */
export const viewFromSearch = (
  search: URLSearchParams,
  defaults: { readonly unit: string; readonly today?: string },
): { view?: StatsView; complete: boolean } => {
  const unit = search.get('unit') || defaults.unit;
  const from = search.get('from');
  const to = search.get('to');
  const complete = Boolean(search.get('unit')) && isDate(from) && isDate(to);
  if (isDate(from) && isDate(to)) return { view: { unit, from, to }, complete };
  if (!defaults.today) return { complete };
  const period = defaultPeriod(defaults.today);
  return { view: { unit, from: isDate(from) ? from : period.from, to: isDate(to) ? to : period.to }, complete };
};

export const searchOf = (view: StatsView): URLSearchParams =>
  new URLSearchParams({ unit: view.unit, from: view.from, to: view.to });

/** Every month from `from`'s to `to`'s, `YYYY-MM`, both included (a trend shows the months without cases too). */
export const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (let guard = 0; guard < 1_000; guard++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
};

/** `2026-03` as a chart's axis shows it: `3月` (`2026年3月` when the period spans years), `Mar` / `Mar 2026`. */
export const monthLabel = (month: string, language: Language, withYear: boolean): string => {
  const year = month.slice(0, 4);
  const number = Number(month.slice(5, 7));
  if (language === 'zh') return withYear ? `${year}年${number}月` : `${number}月`;
  const name = new Date(Date.UTC(Number(year), number - 1, 1)).toLocaleString('en', {
    month: 'short',
    timeZone: 'UTC',
  });
  return withYear ? `${name} ${year}` : name;
};

/**
 * The API words each formula in both languages, `中文 / English` (`办结率 = 办结数 ÷ 受理数 / closed ÷ accepted`): the
 * part of the page's language. The Chinese part may itself end in `）/ `, so the split is at the slash before English.
 */
export const formulaIn = (formula: string, language: Language): string => {
  const match = /\s*\/\s+(?=[A-Za-z(])/.exec(formula);
  if (!match) return formula;
  return language === 'en' ? formula.slice(match.index + match[0].length) : formula.slice(0, match.index);
};

/** The first and last day of the month before `today`'s, and of the year before. */
export const presetPeriods = (today: string) => {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const previous = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
  const lastDay = new Date(Date.UTC(previous.year, previous.month, 0)).getUTCDate();
  const monthKey = `${previous.year}-${String(previous.month).padStart(2, '0')}`;
  return {
    thisYear: defaultPeriod(today),
    thisMonth: { from: `${today.slice(0, 7)}-01`, to: today },
    lastMonth: { from: `${monthKey}-01`, to: `${monthKey}-${String(lastDay).padStart(2, '0')}` },
    lastYear: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` },
  };
};
