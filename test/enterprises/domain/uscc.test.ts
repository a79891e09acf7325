import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidUscc,
  organisationCodeCheckDigit,
  usccCheckCharacter,
  usccProblem,
  usccSchema,
} from '#enterprises/domain/uscc.ts';

/**
 * Codes in the published form, each verified by computing both of its check characters (see the table in the first
 * test): 91350100M000100Y43 is the standard's own example; the others are codes as printed on business licences.
 */
const validCodes = [
  '91350100M000100Y43',
  '911100001000080343',
  '91110000600037341L',
  '91440300708461136T',
  '91110000802100433B',
  '914403001922038216',
] as const;

describe('the USCC check character (GB 32100-2015)', () => {
  it.each(validCodes)('%s: the 18th character is 31 − (Σ value × weight mod 31) of the first 17', (code) => {
    // Arrange
    const first17 = code.slice(0, 17);

    // Act
    const check = usccCheckCharacter(first17);

    // Assess
    expect(check).toBe(code.charAt(17));
    expect(isValidUscc(code)).toBe(true);
  });

  it('computes 91350100M000100Y43 by hand: Σ = 1,640, 1,640 mod 31 = 28, 31 − 28 = 3, the character 3', () => {
    // The weighted sum, term by term, for the standard's example.
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const sum = [...'91350100M000100Y4'].reduce((total, character, index) => {
      return total + alphabet.indexOf(character) * (weights[index] as number);
    }, 0);

    expect(sum).toBe(1640);
    expect((31 - (sum % 31)) % 31).toBe(alphabet.indexOf('3'));
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('maps a remainder of 0 to the character 0 (31 → 0), not out of the alphabet', () => {
    // Arrange: a 17-character body whose weighted sum is a multiple of 31, found by varying its last character
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const body = [...alphabet]
      .map((last) => `9135010000000000${last}`)
      .find((candidate) => usccCheckCharacter(candidate) === '0');

    // Assess: the check character is 0, and a code ending in it passes the GB 32100 check
    expect(body).toBeDefined();
    expect(usccProblem(`${body}0`) ?? '').not.toMatch(/第 18 位/);
  });

  it('refuses a wrong check character, saying which it should be', () => {
    expect(usccProblem('91350100M000100Y44')).toBe(
      '统一社会信用代码校验码错误：第 18 位应为 3，请核对各位是否录入有误',
    );
  });

  it('refuses a wrong length, letters outside the alphabet (I, O, Z, S, V) and letters in the division code', () => {
    expect(usccProblem('91350100M000100Y4')).toMatch(/18 位（现为 17 位）/);
    expect(usccProblem('91350100I000100Y43')).toMatch(/格式不正确/);
    expect(usccProblem('9135A100M000100Y43')).toMatch(/第 3–8 位为数字/);
    expect(isValidUscc('91350100S000100Y43')).toBe(false);
  });

  it('catches every single-character typo of a valid code (the check character covers all 17)', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(
        fc.constantFrom(...validCodes),
        fc.integer({ min: 0, max: 16 }),
        fc.constantFrom(...alphabet),
        (code, position, replacement) => {
          fc.pre(code.charAt(position) !== replacement);
          const typo = code.slice(0, position) + replacement + code.slice(position + 1);
          return !isValidUscc(typo);
        },
      ),
    );
  });
});

describe('the organisation code part (GB 11714)', () => {
  it.each(validCodes)('%s: the 17th character is the check digit of characters 9–16', (code) => {
    expect(organisationCodeCheckDigit(code.slice(8, 16))).toBe(code.charAt(16));
  });

  it('computes M000100Y: 22×3 + 1×5 + 34×2 = 139, 139 mod 11 = 7, 11 − 7 = 4', () => {
    expect(organisationCodeCheckDigit('M000100Y')).toBe('4');
  });

  it('writes 10 as X and 11 as 0', () => {
    // 0000000 then a last character whose weight-2 term makes the sum ≡ 1 (→ 10 → X) or ≡ 0 (→ 11 → 0) mod 11.
    expect(organisationCodeCheckDigit('00000006')).toBe('X'); // 6 × 2 = 12 ≡ 1
    expect(organisationCodeCheckDigit('00000000')).toBe('0');
  });

  it('refuses a code whose 18th character fits but whose organisation check digit does not', () => {
    // Change the 17th character and recompute the 18th, so only the organisation code's check fails.
    const body = '91350100M000100Y5';
    const code = `${body}${usccCheckCharacter(body)}`;

    expect(usccProblem(code)).toBe('统一社会信用代码第 9–17 位（组织机构代码）校验位错误：第 17 位应为 4');
  });
});

describe('usccSchema', () => {
  it('takes a code typed in lower case or with spaces as the code', () => {
    expect(usccSchema.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(usccSchema.parse('9135 0100 M000 100Y 43')).toBe('91350100M000100Y43');
  });

  it('refuses a wrong code with the reason as the message', () => {
    const result = usccSchema.safeParse('91350100M000100Y44');

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/第 18 位应为 3/);
  });
});
