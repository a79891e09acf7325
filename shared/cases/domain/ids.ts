import { z } from '#platform/domain/zod.ts';

/** Case ids are ULIDs: sortable by creation time, unguessable enough for internal use. */
export const caseIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '编号格式不正确');
