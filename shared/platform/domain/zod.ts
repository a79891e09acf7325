/**
 * zod with its messages in Simplified Chinese, configured once for every schema of the project. Import `z` from here,
 * not from 'zod': importing the zh-CN locale alone keeps the other locales (some 260 KB) out of every bundle, which
 * `z.locales` would pull in.
 */
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';

z.config(zhCN());

export { z };
