/**
 * The inspections capability's items in the main table (access pattern → key). Pure key builders.
 *
 * - a plan → pk `IPLAN#<ulid>`, sk `PLAN`; plans by period → gsi1 `IPLANS` / `<period>#<id>`
 * - an inspector of the pool → pk `INSPECTOR#<username>`, sk `INSPECTOR`; the whole pool → gsi1 `INSPECTORS` /
 *   `<username>` (a bureau has tens of inspectors: one small query)
 * - a draw → pk `DRAW#<ulid>`, sk `DRAW`; draws by period → gsi1 `DRAWS#<period>` / `<drawnAt>#<id>`
 *   - its snapshot's canonical JSON, in pieces under the item size limit → sk `SNAPSHOT#<000>`
 *   - a drawn firm inspected → sk `DONE#<uscc>` (the inspection's id): written in the inspection's transaction,
 *     conditioned on not existing, so a drawn firm's inspection is recorded once; the draw's partition then holds
 *     everything its publication needs (one query)
 * - an inspection → pk `INSPECTION#<ulid>`, sk `INSPECTION`; by day → gsi1 `INSPECTIONS#<year>` / `<date>#<id>`
 *   - a finding's rectification problem → sk `RECT#<finding, 2 digits>`: written `planned` (with the problem's fields
 *     and the case id it will have) in the inspection's transaction, `stored` in its case's transaction, `linked`
 *     once the case number is on the finding; until then in the sparse index of unsettled links → gsi1
 *     `INSPRECTS#UNSETTLED` / `<recordedAt>#<inspection id>#<finding>` (normally empty: what a failed or cut-off
 *     request left for the next one to settle)
 * - a firm's last inspection (who went, for the next draw's "not the same inspector again") → pk `INSPFIRM#<uscc>`,
 *   sk `LAST`
 * - an enforcement case → pk `ENFCASE#<ulid>`, sk `ENFCASE`; by filing day → gsi1 `ENFCASES` / `<filedOn>#<id>`
 *   (a county files tens a year: one partition, read from the start for a recount)
 * - the docket numbers (立案文号) of an enforcement body and year → the series `DOCKET#<unit>#<year>`: its counter at
 *   sk `COUNTER`, a number that filed nothing at sk `GAP#<sequence>` (`#platform/dynamodb/sequences.ts`)
 * - the figures of a unit and day → pk `INSPSTATS#<unit>`, sk `DAY#<date>` (ADD in the transaction of each change)
 */
export const planKey = (id: string) => ({ pk: `IPLAN#${id}`, sk: 'PLAN' });
export const plansPartition = 'IPLANS';
export const planSortKey = (period: string, id: string) => `${period}#${id}`;

export const inspectorKey = (username: string) => ({ pk: `INSPECTOR#${username}`, sk: 'INSPECTOR' });
export const inspectorsPartition = 'INSPECTORS';

export const drawPartition = (id: string) => `DRAW#${id}`;
export const drawKey = (id: string) => ({ pk: drawPartition(id), sk: 'DRAW' });
export const drawsPartition = (period: string) => `DRAWS#${period}`;
export const snapshotPrefix = 'SNAPSHOT#';
export const snapshotKey = (id: string, piece: number) => ({
  pk: drawPartition(id),
  sk: `${snapshotPrefix}${String(piece).padStart(3, '0')}`,
});
export const donePrefix = 'DONE#';
export const doneKey = (drawId: string, uscc: string) => ({ pk: drawPartition(drawId), sk: `${donePrefix}${uscc}` });

export const inspectionPartition = (id: string) => `INSPECTION#${id}`;
export const inspectionKey = (id: string) => ({ pk: inspectionPartition(id), sk: 'INSPECTION' });
export const inspectionsPartition = (year: string) => `INSPECTIONS#${year}`;
export const lastInspectionKey = (uscc: string) => ({ pk: `INSPFIRM#${uscc}`, sk: 'LAST' });
export const rectificationPrefix = 'RECT#';
export const rectificationKey = (inspectionId: string, finding: number) => ({
  pk: inspectionPartition(inspectionId),
  sk: `${rectificationPrefix}${String(finding).padStart(2, '0')}`,
});
export const unsettledRectificationsPartition = 'INSPRECTS#UNSETTLED';

export const enforcementKey = (id: string) => ({ pk: `ENFCASE#${id}`, sk: 'ENFCASE' });
export const enforcementPartition = 'ENFCASES';
export const docketSeries = (unitId: string, year: number) => `DOCKET#${unitId}#${year}`;

export const figuresPartition = (unitId: string) => `INSPSTATS#${unitId}`;
export const figuresKey = (unitId: string, date: string) => ({ pk: figuresPartition(unitId), sk: `DAY#${date}` });

/** Characters of snapshot JSON per item: at most 3 bytes each in UTF-8, under DynamoDB's 400 KB. */
export const snapshotPieceLength = 100_000;
