import { z } from './zod.ts';

/** C0 and C1 control characters and DEL, except tab and newline (which multi-line texts may carry). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const forbiddenControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * A trimmed text of `min`–`max` characters that a person could have typed: no control characters other than newline
 * and tab, and well-formed Unicode (no unpaired surrogate, which breaks JSON, emails and Excel exports downstream).
 * Every free text the API stores goes through it, so a bad one is refused naming its field.
 */
export const plainText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => value.isWellFormed(), '含有无效的 Unicode 字符（不成对的代理项）')
    .refine((value) => !forbiddenControl.test(value), '不能包含控制字符（换行和制表符除外）');
