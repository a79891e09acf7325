/** A rate with everything a reader needs to check it. */
export interface Rate {
  readonly formula: string;
  readonly numerator: number;
  readonly denominator: number;
  /** Numerator ÷ denominator, 0–1, rounded to 4 places; null when the denominator is 0. */
  readonly value: number | null;
  /** The value as the bureau reports it, e.g. `98%` or `98.5%`; `—` when there is nothing to rate. */
  readonly percent: string;
}

export const rate = (formula: string, numerator: number, denominator: number): Rate => {
  const value = denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;
  return {
    formula,
    numerator,
    denominator,
    value,
    percent: value === null ? '—' : `${Math.round(value * 1000) / 10}%`,
  };
};
