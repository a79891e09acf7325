/**
 * zod with its messages in Simplified Chinese, configured once for every schema of the project. Import `z` from here,
 * not from 'zod': importing the zh-CN locale alone, and passing on only the members the project uses
 * (`zod-exports.ts`), keeps the other locales (some 260 KB) and the unused rest of zod out of every bundle.
 */
import { config } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

config(zhCN());

export * as z from './zod-exports.ts';
