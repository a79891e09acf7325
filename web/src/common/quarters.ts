/** Quarters as the API names its periods: `2026-Q2`. */

/** A quarter's name, with its year and its number captured. */
export const quarterPattern = /^(\d{4})-Q([1-4])$/;

/** The quarter of a day `YYYY-MM-DD`: `2026-05-12` → `2026-Q2`. */
export const quarterOf = (day: string): string =>
  `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** The quarter `by` quarters after `period` (before, when negative): `shiftQuarter('2026-Q1', -1)` → `2025-Q4`. */
export const shiftQuarter = (period: string, by: number): string => {
  const index = Number(period.slice(0, 4)) * 4 + Number(period.slice(6)) - 1 + by;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
};
