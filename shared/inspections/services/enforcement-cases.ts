/**
 * Enforcement cases (`/v1/enforcement-cases`): filing one, its steps (decision, transfer, closing), and the ledger of a
 * unit and period with its figures — from the counters, and on request recounted from the records and compared.
 *
 * Filing assigns the docket number (立案文号, `环立〔2026〕12号`): the next in the year's series of the enforcement body
 * (the nearest bureau or branch on the filing unit's path), taken by one atomic `ADD` on the series' counter just
 * before the transaction that files the case — never inside it, where concurrent filings would conflict on the
 * counter and retry. Numbers are unique and increase in the order taken; one whose case did not land is recorded as a
 * gap with the reason (only a crash between the `ADD` and the transaction leaves a gap unrecorded). With an
 * `Idempotency-Key` (`#platform/idempotency.ts`) a filing is made once: its claim is read with the filing's other reads
 * and written in the filing's transaction, so a retry gets the case filed first and takes no number (one racing the
 * first takes one, and its failed transaction records it as a gap). The penalty
 * decision's number (处罚决定书文号) stays typed in at `decide`: decisions are numbered by the legal office's document
 * system, outside this one.
 */
import { ulid } from 'ulid';
import type { OrgUnit } from '#directory/domain/org-units.ts';
import { requireInScope } from '#directory/domain/scope.ts';
import { reportingUnit } from '#directory/services/list-units.ts';
import { getOrgUnit } from '#directory/services/lookup.ts';
import { getEnterprise } from '#enterprises/services/every-enterprise.ts';
import {
  applyStep,
  docketUnitOf,
  type EnforcementCase,
  enforcementQuerySchema,
  enforcementStepSchema,
  type NewEnforcementCase,
  newEnforcementCaseSchema,
} from '#inspections/domain/enforcement.ts';
import { caseDeltas, differences, type FigureName, type Figures, recount } from '#inspections/domain/figures.ts';
import { periodBounds } from '#inspections/domain/plan.ts';
import { EnforcementCaseNotFoundError } from '#inspections/store/errors.ts';
import {
  getEnforcementCase,
  getInspection,
  listEnforcementCases,
  listInspections,
  readFigures,
  recordDocketGaps,
  saveEnforcementCase,
  takeDocketNumbers,
} from '#inspections/store/records.ts';
import { now } from '#platform/clock.ts';
import { type FieldProblem, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { parseWith } from '#platform/domain/validation.ts';
import {
  claimPut,
  doneWithoutKey,
  type IdempotencyClaim,
  type IdempotencyClaimWrite,
  type IdempotentOutcome,
  idempotentRequest,
  onceForKey,
} from '#platform/idempotency.ts';
import { requireReader, requireRecorder } from './access.ts';

/** The enforcement body whose docket series numbers the cases `unit` files. */
export const docketUnitFor = async (unit: OrgUnit): Promise<string> =>
  docketUnitOf(await Promise.all(unit.path.map((id) => (id === unit.id ? unit : getOrgUnit(id)))));

/**
 * One filing: checked, numbered, stored with its counters (and the key's claim) in one transaction — unless `earlier`,
 * read with the rest, finds the key claimed by an earlier request: then that is the outcome, and no number is taken.
 */
const fileOnce = async (
  input: NewEnforcementCase,
  principal: Principal,
  key?: {
    readonly earlier: Promise<IdempotencyClaim | undefined>;
    readonly claim: (caseId: string) => IdempotencyClaimWrite;
  },
): Promise<IdempotentOutcome<EnforcementCase>> => {
  const at = now();
  const [firm, inspection, unit, earlier] = await Promise.all([
    getEnterprise(input.uscc),
    input.inspectionId ? getInspection(input.inspectionId) : undefined,
    getOrgUnit(principal.unitId),
    key?.earlier,
  ]);
  if (earlier) return { earlier };
  const problems: FieldProblem[] = [];
  if (!firm) problems.push({ path: 'uscc', message: '该企业未登记' });
  if (input.filedOn > bureauDate(at)) problems.push({ path: 'filedOn', message: '立案日期不能晚于今天' });
  if (input.inspectionId && !inspection) problems.push({ path: 'inspectionId', message: '检查记录不存在' });
  else if (inspection && inspection.uscc !== input.uscc) {
    problems.push({ path: 'inspectionId', message: '检查记录不是该企业的' });
  }
  if (problems.length > 0 || !firm) throw new ValidationError(problems);
  // Taken only now, when nothing can refuse the filing but the write itself.
  const [docket] = await takeDocketNumbers(await docketUnitFor(unit), Number(input.filedOn.slice(0, 4)), 1);
  if (!docket) throw new RangeError('one docket number was asked for');
  const filed: EnforcementCase = {
    id: ulid(),
    uscc: firm.uscc,
    enterpriseName: firm.name,
    cause: input.cause,
    docketNumber: docket.number,
    ...(input.inspectionId ? { inspectionId: input.inspectionId } : {}),
    state: 'filed',
    filedOn: input.filedOn,
    unitId: unit.id,
    unitPath: unit.path,
    version: 1,
    createdAt: at.toISOString(),
    createdBy: principal.username,
    updatedAt: at.toISOString(),
    updatedBy: principal.username,
  };
  try {
    await saveEnforcementCase(undefined, filed, caseDeltas(undefined, filed), key?.claim(filed.id));
  } catch (error) {
    // The number is recorded as a gap — unless the transaction, giving no verdict, landed after all. A filing that lost
    // the race for its Idempotency-Key lands here too: its number is a gap, and the first filing is the answer.
    const landed = await recordDocketGaps([{ docket, caseId: filed.id }], error, now().toISOString());
    if (!landed) throw error;
  }
  return { done: filed };
};

/**
 * Files an enforcement case. With an `Idempotency-Key`, a retry of the same filing by the same official gets the case
 * filed first (as it stands now) instead of a second one with a second docket number, and reusing the key for a
 * different filing is refused (422).
 */
export const fileEnforcementCase = async (
  body: unknown,
  principal: Principal,
  idempotencyKey?: string,
): Promise<EnforcementCase> => {
  requireRecorder(principal);
  const input = parseWith(newEnforcementCaseSchema, body);
  if (idempotencyKey === undefined) return doneWithoutKey(await fileOnce(input, principal));
  const request = idempotentRequest(`user:${principal.username}`, idempotencyKey, input);
  return onceForKey(
    request,
    (earlier) => fileOnce(input, principal, { earlier, claim: (id) => claimPut(request, id) }),
    async (earlier) => {
      const filed = await getEnforcementCase(earlier.recordId);
      if (!filed) throw new Error(`the claim of enforcement case ${earlier.recordId} names no case`);
      return filed;
    },
  );
};

export const stepEnforcementCase = async (
  id: string,
  body: unknown,
  principal: Principal,
): Promise<EnforcementCase> => {
  requireRecorder(principal);
  const step = parseWith(enforcementStepSchema, body);
  const at = now();
  if (step.on > bureauDate(at)) throw new ValidationError([{ path: 'on', message: '日期不能晚于今天' }]);
  const before = await getEnforcementCase(id);
  if (!before) throw new EnforcementCaseNotFoundError(`执法案件 ${id} 不存在`);
  requireInScope(before.unitPath, principal, '该案件不在您所在单位的管辖范围内');
  const after = applyStep(before, step, principal.username, at.toISOString());
  await saveEnforcementCase(before, after, caseDeltas(before, after));
  return after;
};

export interface EnforcementLedger {
  readonly unitId: string;
  readonly from: string;
  readonly to: string;
  /** From the counters. */
  readonly figures: Figures;
  /** The penalty total in yuan (the figures keep fen). */
  readonly penaltyYuan: number;
  /** Only with `recount=true`: the same figures summed over the records, and each that differs. */
  readonly recount?: {
    readonly figures: Figures;
    readonly matches: boolean;
    readonly differences: readonly {
      readonly name: FigureName;
      readonly counted: number;
      readonly recounted: number;
    }[];
  };
  /** The cases filed in the period, oldest first. */
  readonly items: readonly EnforcementCase[];
}

const boundsOf = (period: string): { from: string; to: string } =>
  period.includes('-Q') ? periodBounds(period) : { from: `${period}-01-01`, to: `${period}-12-31` };

export const readEnforcementLedger = async (query: unknown, principal: Principal): Promise<EnforcementLedger> => {
  requireReader(principal);
  const input = parseWith(enforcementQuerySchema, query);
  const unit = await reportingUnit(principal, input.unit);
  const { from, to } = boundsOf(input.period ?? bureauDate(now()).slice(0, 4));
  const held = <T extends { readonly unitPath: readonly string[] }>(records: readonly T[]) =>
    records.filter((record) => record.unitPath.includes(unit.id));
  const [figures, cases] = await Promise.all([readFigures(unit.id, from, to), listEnforcementCases(to)]);
  const mine = held(cases);
  const items = mine.filter((enforcement) => enforcement.filedOn >= from);
  let checked: EnforcementLedger['recount'];
  if (input.recount) {
    const recounted = recount(held(await listInspections(from, to)), mine, from, to);
    const differing = differences(figures, recounted);
    checked = { figures: recounted, matches: differing.length === 0, differences: differing };
  }
  return {
    unitId: unit.id,
    from,
    to,
    figures,
    penaltyYuan: figures.penaltyFen / 100,
    ...(checked ? { recount: checked } : {}),
    items,
  };
};
