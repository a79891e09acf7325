/** The four-colour ledger route, with the query schema the function parses with and the schema of the ledger. */

import { caseSummarySchema } from '#cases/api.ts';
import { colourLabels } from '#deadlines/domain/deadlines.ts';
import { type ColourCounts, type Ledger, ledgerQuerySchema } from '#ledger/domain/ledger.ts';
import { z } from '#platform/domain/zod.ts';
import { type ApiRoute, narrowSchemaFor, objectKeyedBy, ok, schemaFor } from '#platform/http/api-registry.ts';

const colourCountsSchema = schemaFor<ColourCounts>()(
  objectKeyedBy(colourLabels, z.int().min(0)).meta({
    id: 'ColourCounts',
    description: '按色标计数：红（超期）、黄（临期）、蓝（正常）、绿（已办结）/ counts by colour',
  }),
);

// Narrower than `Ledger`: the case summaries name their enums (`CaseSummary` types them as strings).
const ledgerSchema = narrowSchemaFor<Ledger>()(
  z
    .object({
      unitId: z.string().describe('所查单位 / the unit'),
      finishedSince: z.iso
        .datetime({ offset: true })
        .describe('绿色计数的起点（北京时间某日零时）/ green counts cases finished since'),
      counts: colourCountsSchema.describe(
        '本单位及下级单位的全部事项：`own` 加各下级单位之和 / every case held in the unit or below: `own` plus the rows',
      ),
      own: colourCountsSchema.describe(
        '本单位自己承办的事项（不含下级单位）/ cases the unit itself holds, not a unit below it',
      ),
      units: z
        .array(z.object({ unitId: z.string(), name: z.string(), counts: colourCountsSchema }))
        .describe(
          '直属下级单位各一行；每件事项计入当前承办单位所在的一行 / one row per unit directly below; a case counts in the row of the unit holding it',
        ),
      cases: objectKeyedBy(colourLabels, z.array(caseSummarySchema)).describe(
        '各色标下的事项：红、黄、蓝按期限，绿按办结先后（新的在前）/ the cases behind each colour, most urgent first',
      ),
      itemsRead: z
        .int()
        .min(0)
        .describe(
          '读取的计数和索引条目数（不随历史事项增长）/ counter and index items read: what it shows, not the archive',
        ),
    })
    .describe('四色管理台账 / the four-colour ledger'),
);

export const ledgerApi = {
  getLedger: {
    method: 'GET',
    path: '/v1/ledger',
    function: 'get-ledger',
    auth: 'official',
    summary: '四色管理台账：本单位及下级单位按色标计数，以及各色标下的事项',
    tags: ['deadlines'],
    description:
      '四色管理台账：本单位（或 `unit` 所指下级单位）及其直属下级单位按色标（红、黄、蓝、绿）计数，以及各色标下最紧急的事项。' +
      '/ The four-colour ledger of a unit: counts by colour for it and each unit directly below, and the cases behind each colour.',
    query: ledgerQuerySchema,
    response: ok('四色台账 / the ledger', ledgerSchema),
    problems: [400, 403, 404],
  },
} as const satisfies Record<string, ApiRoute>;
