import { describe, expect, it } from 'vitest';
import { newComplaintSchema } from '#intake/domain/complaint-input.ts';
import { ValidationError } from '#platform/domain/errors.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { aComplaint } from '../../support/factories.ts';

const problemsOf = (input: unknown) => {
  try {
    parseWith(newComplaintSchema, input);
  } catch (error) {
    if (error instanceof ValidationError) return error.errors.map((problem) => problem.path);
    throw error;
  }
  return [];
};

describe('newComplaintSchema', () => {
  it('accepts a complete hotline complaint and fills defaults', () => {
    const parsed = parseWith(newComplaintSchema, aComplaint({ urgency: undefined }));
    expect(parsed.urgency).toBe('normal');
    expect(parsed.complainant?.confidential).toBe(false);
  });

  it('accepts an anonymous complaint without a complainant', () => {
    expect(problemsOf(aComplaint({ complainant: undefined }))).toEqual([]);
  });

  it('names every bad field at once', () => {
    const paths = problemsOf(
      aComplaint({
        channel: 'fax',
        category: 'smell',
        description: '太吵',
        place: { address: '', coordinates: { latitude: 91, longitude: 10 } },
        complainant: { phone: '12345', email: 'not-an-email', anonymous: true, name: '张三' },
        source: { name: '某厂', uscc: '91350100M000100Y44' },
      }),
    );
    expect(paths.sort()).toEqual(
      [
        'category',
        'channel',
        'complainant.email',
        'complainant.name',
        'complainant.phone',
        'description',
        'place.address',
        'place.coordinates.latitude',
        'place.coordinates.longitude',
        'source.uscc',
      ].sort(),
    );
  });

  it('refuses unknown fields rather than dropping them silently', () => {
    expect(problemsOf(aComplaint({ priority: 'high' }))).toEqual(['priority']);
  });

  it('accepts landlines with area code and valid USCCs', () => {
    const paths = problemsOf(
      aComplaint({
        complainant: { phone: '0519-87654321', anonymous: false, confidential: true },
        source: { name: '某厂', uscc: '91350100m000100y43' },
      }),
    );
    expect(paths).toEqual([]);
  });

  it('requires a time zone on the receipt time', () => {
    expect(problemsOf(aComplaint({ receivedAt: '2026-11-20 09:00' }))).toEqual(['receivedAt']);
    expect(problemsOf(aComplaint({ receivedAt: '2026-11-20T09:00:00+08:00' }))).toEqual([]);
  });

  it('refuses a receipt time before 2000 (year 0999 was a 500, 1900 was accepted)', () => {
    expect(problemsOf(aComplaint({ receivedAt: '0999-01-01T00:00:00Z' }))).toEqual(['receivedAt']);
    expect(problemsOf(aComplaint({ receivedAt: '1900-06-01T08:00:00+08:00' }))).toEqual(['receivedAt']);
    expect(problemsOf(aComplaint({ receivedAt: '2000-01-01T00:00:00+08:00' }))).toEqual([]);
  });

  it('refuses control characters other than newline and tab, naming each field', () => {
    const paths = problemsOf(
      aComplaint({
        complainant: { name: '张\u0000三', anonymous: false },
        place: { address: '建设路\u001b18 号' },
        description: '夜间噪声扰民，\t已持续一周。\n请尽快处理。',
      }),
    );
    expect(paths.sort()).toEqual(['complainant.name', 'place.address']);
  });

  it('refuses ill-formed Unicode (an unpaired surrogate), naming the field', () => {
    expect(problemsOf(aComplaint({ description: '工厂夜间排放废气\ud800，气味刺鼻难闻。' }))).toEqual(['description']);
    expect(problemsOf(aComplaint({ description: '工厂夜间排放废气😷，气味刺鼻难闻。' }))).toEqual([]);
  });
});
