import { describe, expect, it } from 'vitest';
import { ValidationError } from '#platform/domain/errors.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { z } from '#platform/domain/zod.ts';

const schema = z.object({ name: z.string(), place: z.object({ address: z.string() }).strict() }).strict();

const problemsOf = (input: unknown) => {
  try {
    parseWith(schema, input);
  } catch (error) {
    if (error instanceof ValidationError) return error.errors;
    throw error;
  }
  return expect.unreachable('the input should be refused');
};

describe('parseWith', () => {
  it('names each bad field by its path', () => {
    expect(problemsOf({ name: 1, place: {} })).toEqual([
      { path: 'name', message: expect.any(String) },
      { path: 'place.address', message: expect.any(String) },
    ]);
  });

  it('names each field the schema does not know by its own path, nested ones too', () => {
    expect(problemsOf({ name: '甲', docketNumber: 'x', other: 1, place: { address: '乙', floor: 3 } })).toEqual([
      { path: 'place.floor', message: '不允许的字段，请删除' },
      { path: 'docketNumber', message: '不允许的字段，请删除' },
      { path: 'other', message: '不允许的字段，请删除' },
    ]);
  });

  it('answers the parsed value when the input is good', () => {
    expect(parseWith(schema, { name: '甲', place: { address: '乙' } })).toEqual({
      name: '甲',
      place: { address: '乙' },
    });
  });
});
