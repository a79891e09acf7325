import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bureauDate, bureauYear, startOfBureauDay } from '#platform/domain/time.ts';

describe('bureauDate', () => {
  it('pads years below 1000 to four digits, so every date it formats can be read back', () => {
    expect(bureauDate(new Date('0999-03-01T00:00:00Z'))).toBe('0999-03-01');
    expect(bureauYear(new Date('0999-03-01T00:00:00Z'))).toBe(999);
  });

  it('is total over the years an instant can carry in ISO form, and round-trips through startOfBureauDay', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }),
        (instant) => {
          const date = bureauDate(instant);
          expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(bureauDate(startOfBureauDay(date))).toBe(date);
        },
      ),
    );
  });
});
