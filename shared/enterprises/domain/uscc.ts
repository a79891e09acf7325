/**
 * 统一社会信用代码 (USCC), GB 32100-2015: 18 characters of the alphabet below (no I, O, Z, S, V) —
 * registration authority (1), organisation category (1), administrative division of the registering office (6,
 * GB/T 2260, digits), the organisation code (9, GB 11714: 8 characters and its own check digit) and the check character
 * (GB/T 17710 style, modulo 31) over the first 17.
 */
import { z } from '#platform/domain/zod.ts';

const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const shape = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

/** The 18th character for the first 17: 31 − (Σ value × weight mod 31), where 31 becomes 0. */
export const usccCheckCharacter = (first17: string): string => {
  const sum = weights.reduce((total, weight, index) => total + alphabet.indexOf(first17.charAt(index)) * weight, 0);
  return alphabet.charAt((31 - (sum % 31)) % 31);
};

const organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * The check digit of a GB 11714 organisation code's 8 characters: 11 − (Σ value × weight mod 11), where 10 is `X` and
 * 11 is `0`; a letter's value is its position from A = 10.
 */
export const organisationCodeCheckDigit = (body: string): string => {
  const value = (character: string) => (/\d/.test(character) ? Number(character) : character.charCodeAt(0) - 55);
  const sum = organisationWeights.reduce((total, weight, index) => total + value(body.charAt(index)) * weight, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
};

/** Why `code` is not a valid USCC, in words for the person who typed it; undefined when it is valid. */
export const usccProblem = (code: string): string | undefined => {
  if (code.length !== 18) return `统一社会信用代码须为 18 位（现为 ${code.length} 位）`;
  if (!shape.test(code)) {
    return '统一社会信用代码格式不正确：第 3–8 位为数字，其余为数字或大写字母（不使用 I、O、Z、S、V）';
  }
  const check = usccCheckCharacter(code.slice(0, 17));
  if (code.charAt(17) !== check) return `统一社会信用代码校验码错误：第 18 位应为 ${check}，请核对各位是否录入有误`;
  const organisationCheck = organisationCodeCheckDigit(code.slice(8, 16));
  if (code.charAt(16) !== organisationCheck) {
    return `统一社会信用代码第 9–17 位（组织机构代码）校验位错误：第 17 位应为 ${organisationCheck}`;
  }
  return undefined;
};

export const isValidUscc = (code: string): boolean => usccProblem(code) === undefined;

/** A USCC as typed: spaces removed, upper-cased, then checked; a wrong one is refused naming what is wrong. */
export const usccSchema = z
  .string()
  .transform((value) => value.replace(/\s+/g, '').toUpperCase())
  .superRefine((value, context) => {
    const problem = usccProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
