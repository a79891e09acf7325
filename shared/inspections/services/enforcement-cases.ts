/**
 * Enforcement cases (`/v1/enforcement-cases`): filing one, its steps (decision, transfer, closing), and the ledger of a
 * unit and period with its figures — from the counters, and on request recounted from the records and compared.
 */
import { ulid } from 'ulid';
import { requireInScope } from '#directory/domain/scope.ts';
import { reportingUnit } from '#directory/services/list-units.ts';
import { getOrgUnit } from '#directory/services/lookup.ts';
import { getEnterprise } from '#enterprises/services/every-enterprise.ts';
import {
  applyStep,
  type EnforcementCase,
  enforcementQuerySchema,
  enforcementStepSchema,
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
  saveEnforcementCase,
} from '#inspections/store/records.ts';
import { now } from '#platform/clock.ts';
import { type FieldProblem, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { requireReader, requireRecorder } from './access.ts';

export const fileEnforcementCase = async (body: unknown, principal: Principal): Promise<EnforcementCase> => {
  requireRecorder(principal);
  const input = parseWith(newEnforcementCaseSchema, body);
  const at = now();
  const [firm, inspection, unit] = await Promise.all([
    getEnterprise(input.uscc),
    input.inspectionId ? getInspection(input.inspectionId) : undefined,
    getOrgUnit(principal.unitId),
  ]);
  const problems: FieldProblem[] = [];
  if (!firm) problems.push({ path: 'uscc', message: '该企业未登记' });
  if (input.filedOn > bureauDate(at)) problems.push({ path: 'filedOn', message: '立案日期不能晚于今天' });
  if (input.inspectionId && !inspection) problems.push({ path: 'inspectionId', message: '检查记录不存在' });
  else if (inspection && inspection.uscc !== input.uscc) {
    problems.push({ path: 'inspectionId', message: '检查记录不是该企业的' });
  }
  if (problems.length > 0 || !firm) throw new ValidationError(problems);
  const filed: EnforcementCase = {
    id: ulid(),
    uscc: firm.uscc,
    enterpriseName: firm.name,
    cause: input.cause,
    ...(input.docketNumber ? { docketNumber: input.docketNumber } : {}),
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
  await saveEnforcementCase(undefined, filed, caseDeltas(undefined, filed));
  return filed;
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
