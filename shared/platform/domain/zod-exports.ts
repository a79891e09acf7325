/**
 * The part of zod the project uses, as one module whose namespace `zod.ts` exports as `z`. Import `z` from `zod.ts`,
 * never from here: `zod.ts` sets the zh-CN messages first.
 *
 * Why a list: a bundler cannot see which members of a namespace that is passed on (`export { z }`) are used, so it
 * keeps them all. zod's own `z` holds `z.locales` (every language, some 260 KB) and the JSON Schema reader, the
 * compiler and the rest, so every bundle carried all of zod (~385 KB). This namespace holds only what is listed
 * (~107 KB of zod in a bundle). A member missing here fails `tsc` where it is used; add it to the list.
 */
export type { core, infer, input, output, ZodObject, ZodType } from 'zod';
export {
  array,
  boolean,
  coerce,
  discriminatedUnion,
  email,
  enum,
  int,
  iso,
  literal,
  looseObject,
  number,
  object,
  partialRecord,
  record,
  string,
  toJSONSchema,
  union,
  unknown,
  url,
} from 'zod';
