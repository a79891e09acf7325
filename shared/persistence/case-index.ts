/**
 * Listing entries: small copies of a case's summary, one per way the case is looked up, kept in the same transaction
 * as the case so lists are never stale.
 *
 * Keys (access pattern → key), all under the case's own partition so they go with it:
 * - cases visible to a unit (the unit and every unit below it) by received time → pk `CASE#<id>`,
 *   sk `ENTRY#SCOPE#<unitId>`, gsi1pk `SCOPE#<unitId>`, gsi1sk `<receivedAt>#<id>`; one entry for each unit on the case's
 *   path and on its department's path
 * - a responsible person's cases ("my work") → sk `ENTRY#RESPONSIBLE`, gsi1pk `RESPONSIBLE#<username>`
 * - a lead official's cases → sk `ENTRY#LEAD`, gsi1pk `LEAD#<username>`
 */
import type { Case } from '#domain/case.ts';
import { scopeUnitIds } from '#domain/workflow.ts';
import { tableName } from '#config';

export interface CaseSummary {
  readonly id: string;
  readonly number: string;
  readonly kind: Case['kind'];
  readonly state: Case['state'];
  readonly version: number;
  readonly unitId: string;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly channel?: string;
  readonly category?: string;
  readonly urgency?: string;
  readonly town?: string;
  readonly departmentId?: string;
  readonly responsibleUsername?: string;
  readonly leadUsername?: string;
  readonly scopeUnitIds: readonly string[];
}

export const summarise = (item: Case): CaseSummary => ({
  id: item.id,
  number: item.number,
  kind: item.kind,
  state: item.state,
  version: item.version,
  unitId: item.unitId,
  receivedAt: item.receivedAt,
  updatedAt: item.updatedAt,
  ...(item.complaint
    ? {
        channel: item.complaint.channel,
        category: item.complaint.category,
        urgency: item.complaint.urgency,
        ...(item.complaint.place.town ? { town: item.complaint.place.town } : {}),
      }
    : {}),
  ...(item.assignment
    ? {
        departmentId: item.assignment.departmentId,
        responsibleUsername: item.assignment.responsibleUsername,
        leadUsername: item.assignment.leadUsername,
      }
    : {}),
  scopeUnitIds: scopeUnitIds(item),
});

interface Entry {
  readonly sk: string;
  readonly gsi1pk: string;
}

const entriesOf = (item: Case): Entry[] => [
  ...scopeUnitIds(item).map((unitId) => ({ sk: `ENTRY#SCOPE#${unitId}`, gsi1pk: `SCOPE#${unitId}` })),
  ...(item.assignment
    ? [
        { sk: 'ENTRY#RESPONSIBLE', gsi1pk: `RESPONSIBLE#${item.assignment.responsibleUsername}` },
        { sk: 'ENTRY#LEAD', gsi1pk: `LEAD#${item.assignment.leadUsername}` },
      ]
    : []),
];

/** The transaction items that bring a case's listing entries from `before` (absent for a new case) to `after`. */
export const entryWrites = (before: Case | undefined, after: Case) => {
  const table = tableName('main');
  const next = entriesOf(after);
  const stale = (before ? entriesOf(before) : []).filter((entry) => !next.some((kept) => kept.sk === entry.sk));
  const summary = summarise(after);
  return [
    ...stale.map((entry) => ({ Delete: { TableName: table, Key: { pk: `CASE#${after.id}`, sk: entry.sk } } })),
    ...next.map((entry) => ({
      Put: {
        TableName: table,
        Item: {
          pk: `CASE#${after.id}`,
          sk: entry.sk,
          type: 'entry',
          gsi1pk: entry.gsi1pk,
          gsi1sk: `${after.receivedAt}#${after.id}`,
          ...summary,
        },
      },
    })),
  ];
};
