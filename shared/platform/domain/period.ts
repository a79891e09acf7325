import { ValidationError } from './errors.ts';

/** The longest period a report covers. */
const longestRangeDays = 3 * 366;

/**
 * The dates a report covers (Asia/Shanghai, both included): `to` defaults to today, `from` to what `defaultFrom` makes
 * of `to`. Refuses a period that ends before it starts or is longer than three years, naming `from`.
 */
export const reportingPeriod = (
  input: { readonly from?: string; readonly to?: string },
  today: string,
  defaultFrom: (to: string) => string,
): { from: string; to: string } => {
  const to = input.to ?? today;
  const from = input.from ?? defaultFrom(to);
  if (from > to) throw new ValidationError([{ path: 'from', message: '起始日期不能晚于截止日期' }]);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > longestRangeDays) {
    throw new ValidationError([{ path: 'from', message: '统计区间最长三年' }]);
  }
  return { from, to };
};
