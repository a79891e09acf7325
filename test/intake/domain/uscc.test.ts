import { describe, expect, it } from 'vitest';
import { isValidUscc } from '#intake/domain/uscc.ts';

describe('isValidUscc', () => {
  it('accepts codes whose check character matches', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91110000600037341L')).toBe(true);
  });

  it('rejects a wrong check character, a wrong length and letters outside the alphabet', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100I000100Y43')).toBe(false);
  });
});
