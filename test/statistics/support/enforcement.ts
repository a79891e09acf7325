import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { EnforcementCase } from '#inspections/domain/enforcement.ts';
import { caseCounts, type Figures, inspectionDeltas } from '#inspections/domain/figures.ts';
import type { Inspection } from '#inspections/domain/inspection.ts';
import { counterUpdates, saveEnforcementCase, saveInspection } from '#inspections/store/records.ts';
import { dynamo } from '#platform/dynamodb/client.ts';

const inspectorsOf = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    username: `inspector${index + 1}`,
    name: `执法人员${index + 1}`,
    certificateNumber: `3204810000${index + 1}`,
  }));

/** An inspection of a unit (its path) on a day by `inspectors` people, as the inspections capability stores it. */
export const anInspection = (
  unitPath: readonly string[],
  date: string,
  inspectors = 2,
  overrides: Partial<Inspection> = {},
): Inspection => {
  const id = ulid();
  return {
    id,
    number: `JC-${date.replaceAll('-', '')}-${id.slice(-6)}`,
    // A firm of its own: the store keeps each firm's last inspection, conditioned on the one read (none here).
    uscc: `firm-${id}`,
    enterpriseName: '示范市某某涂装有限公司',
    date,
    inspectors: inspectorsOf(inspectors),
    itemsChecked: [{ code: 'A1', label: '污染防治设施运行情况' }],
    summary: '现场检查污染防治设施运行情况。',
    findings: [],
    evidence: [],
    outcome: 'no-issue',
    violationRecorded: false,
    regradeFlagged: false,
    unitId: unitPath.at(-1) ?? '',
    unitPath,
    publishedAt: `${date}T08:00:00.000Z`,
    publishBy: date,
    publishedLate: false,
    recordedAt: `${date}T08:00:00.000Z`,
    recordedBy: 'handler',
    ...overrides,
  };
};

/** An enforcement case of a unit filed on a day, with what steps a test gives it. */
export const anEnforcementCase = (
  unitPath: readonly string[],
  filedOn: string,
  steps: Pick<EnforcementCase, 'decision' | 'transfer' | 'closing'> = {},
): EnforcementCase => ({
  id: ulid(),
  uscc: '91350100MA2XXXXX0X',
  enterpriseName: '示范市某某涂装有限公司',
  cause: '超标排放水污染物',
  docketNumber: `示环立〔${filedOn.slice(0, 4)}〕${filedOn.slice(5, 7)}${filedOn.slice(8, 10)}号`,
  state: steps.closing ? 'closed' : steps.decision ? 'decided' : 'filed',
  filedOn,
  ...steps,
  unitId: unitPath.at(-1) ?? '',
  unitPath,
  version: 1,
  createdAt: `${filedOn}T08:00:00.000Z`,
  createdBy: 'handler',
  updatedAt: `${filedOn}T08:00:00.000Z`,
  updatedBy: 'handler',
});

/** Stores the records with their counters, as the inspections capability writes them (one transaction each). */
export const storeEnforcementRecords = async (
  inspections: readonly Inspection[],
  cases: readonly EnforcementCase[],
): Promise<void> => {
  for (const inspection of inspections) {
    // Nothing but the record and its counters: no draw, no earlier inspection of its firm, no case, no problem.
    const write = {
      inspection,
      cases: [],
      lastRead: undefined,
      enterpriseWrites: [],
      rectifications: [],
      deltas: inspectionDeltas(inspection),
    };
    await saveInspection(write);
  }
  for (const enforcement of cases) await saveEnforcementCase(undefined, enforcement, caseCounts(enforcement));
};

/** Adds to one unit's counter of a day outside any record: a counter gone wrong. */
export const tamperWithFigures = async (unitId: string, date: string, add: Partial<Figures>): Promise<void> => {
  await dynamo().send(
    new TransactWriteCommand({ TransactItems: counterUpdates([unitId], [{ date, add }]) as never[] }),
  );
};
