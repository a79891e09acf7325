/**
 * Recording an inspection (`POST /v1/inspections`) and listing them (`GET /v1/inspections`).
 *
 * One request: everything is checked first (the firm, the draw and that it drew the firm, the inspectors — in the pool,
 * active, without a declared tie to the firm — the items, the evidence files, and each rectification problem a finding
 * asks for, as registering one checks it). Then the docket numbers of the enforcement cases its findings file are taken
 * (one atomic `ADD` on the filing body's series, before the transaction: see `enforcement-cases.ts`), and one
 * transaction stores the inspection with the drawn firm marked inspected, the firm's last inspection, the enforcement
 * cases, the violation on the firm's record (which flags an A or B firm for re-grading), the counters, and the
 * rectification problems planned under the case ids their findings name. Each problem's case (a case is stored only
 * by the cases capability, in its own transaction) is then stored exactly once under that id
 * (`rectification-links.ts`): should that fail, the inspection stands with the problem planned, its finding naming the
 * case id without a number yet, and the next request settles it — a retry of a drawn firm's inspection (answered 409)
 * or any inspection recorded later.
 *
 * With an `Idempotency-Key` (`#platform/idempotency.ts`) an inspection is recorded once — what matters for one made ad
 * hoc, which nothing else makes once-only: the key's claim is read with the other reads and written in the
 * inspection's transaction, so a retry gets the inspection recorded first (its problems settled) and stores no second
 * one, counters, violation, problem or case included; one racing the first loses on the claim, and the docket numbers
 * it took are recorded as gaps.
 */
import { ulid } from 'ulid';
import { computeDeadline } from '#deadlines/domain/periods.ts';
import { loadCalendar } from '#deadlines/services/calendar.ts';
import { getOrgUnit } from '#directory/services/lookup.ts';
import { getEnterprise } from '#enterprises/services/every-enterprise.ts';
import { violationWrites } from '#enterprises/services/violations.ts';
import type { EnforcementCase } from '#inspections/domain/enforcement.ts';
import { caseDeltas, inspectionDeltas } from '#inspections/domain/figures.ts';
import {
  type Finding,
  type Inspection,
  inspectionNumber,
  inspectionsQuerySchema,
  type NewInspection,
  newInspectionSchema,
  outcomeOf,
  publicationPolicy,
} from '#inspections/domain/inspection.ts';
import { periodBounds, periodOf } from '#inspections/domain/plan.ts';
import { getDraw, getLastInspections } from '#inspections/store/draws.ts';
import { InspectionRecordedError, InspectionsVersionConflictError } from '#inspections/store/errors.ts';
import { listInspectors } from '#inspections/store/plans.ts';
import {
  type Docket,
  getDrawnFirmInspectionId,
  getInspection,
  listInspections,
  recordDocketGaps,
  saveInspection,
  takeDocketNumbers,
} from '#inspections/store/records.ts';
import { attachUploadsAs } from '#intake/services/attachments.ts';
import { now } from '#platform/clock.ts';
import { type FieldProblem, ForbiddenError, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate, bureauYear, startOfBureauDay } from '#platform/domain/time.ts';
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
import { logger } from '#platform/logger.ts';
import { registrarRole } from '#rectification/domain/problem.ts';
import { requireReader, requireRecorder } from './access.ts';
import { docketUnitFor } from './enforcement-cases.ts';
import { planRectifications, settleLeftovers, settleRectifications } from './rectification-links.ts';

const attempts = 3;

/** Problems opened from findings need the ledger keeper's role (the rectification capability's rule). */
const rectificationRole = registrarRole;

/** Settles the drawn firm's inspection recorded already (a retry's), then refuses the second as before. */
const refuseRecorded = async (inspectionId: string, cause?: unknown): Promise<never> => {
  await settleRectifications(inspectionId).catch((error: unknown) =>
    logger.error('rectification problems of an inspection left unsettled', { inspectionId, error }),
  );
  throw new InspectionRecordedError('该企业在本次抽取中的检查已记录', { cause });
};

/** The inspection recorded first under a key, its problems settled as its own request would have settled them. */
const replayInspection = async (id: string): Promise<Inspection> => {
  const settled = await settleRectifications(id).catch((error: unknown) => {
    logger.error('rectification problems of an inspection left unsettled', { inspectionId: id, error });
    return undefined;
  });
  const inspection = settled ?? (await getInspection(id));
  if (!inspection) throw new Error(`the claim of inspection ${id} names no inspection`);
  return inspection;
};

/**
 * Records an inspection. With an `Idempotency-Key`, a retry of the same request by the same official gets the
 * inspection recorded first instead of a second one, and reusing the key for a different request is refused (422).
 */
export const recordInspection = async (
  body: unknown,
  principal: Principal,
  idempotencyKey?: string,
): Promise<Inspection> => {
  requireRecorder(principal);
  const input = parseWith(newInspectionSchema, body);
  if (idempotencyKey === undefined) return doneWithoutKey(await recordOnce(input, principal));
  const request = idempotentRequest(`user:${principal.username}`, idempotencyKey, input);
  return onceForKey(
    request,
    (earlier) => recordOnce(input, principal, { earlier, claim: (id) => claimPut(request, id) }),
    (earlier) => replayInspection(earlier.recordId),
  );
};

/**
 * One inspection recorded, as the header says — unless `earlier`, read with the rest, finds the key claimed by an
 * earlier request: then that is the outcome, and nothing is checked, numbered or stored.
 */
const recordOnce = async (
  input: NewInspection,
  principal: Principal,
  key?: {
    readonly earlier: Promise<IdempotencyClaim | undefined>;
    readonly claim: (inspectionId: string) => IdempotencyClaimWrite;
  },
): Promise<IdempotentOutcome<Inspection>> => {
  const at = now();
  const today = bureauDate(at);
  const [firm, draw, pool, unit, calendar, earlier] = await Promise.all([
    getEnterprise(input.uscc),
    input.drawId ? getDraw(input.drawId) : undefined,
    listInspectors(),
    getOrgUnit(principal.unitId),
    loadCalendar([bureauYear(at) - 1, bureauYear(at), bureauYear(at) + 1]),
    key?.earlier,
  ]);
  if (earlier) return { earlier };

  const problems: FieldProblem[] = [];
  if (!firm) problems.push({ path: 'uscc', message: '该企业未登记' });
  if (input.date > today) problems.push({ path: 'date', message: '检查日期不能晚于今天' });
  const drawn = draw?.result.entities.find((entity) => entity.uscc === input.uscc);
  if (input.drawId && !draw) problems.push({ path: 'drawId', message: '抽取不存在' });
  else if (draw && !drawn) problems.push({ path: 'uscc', message: '该企业不在本次抽取结果中' });
  else if (draw && input.date < bureauDate(new Date(draw.drawnAt))) {
    problems.push({ path: 'date', message: '检查日期不能早于抽取日期' });
  }
  const inspectors = input.inspectors.map((username, index) => {
    const inspector = pool.find((entry) => entry.username === username);
    if (!inspector?.active) {
      problems.push({ path: `inspectors.${index}`, message: `${username} 不在执法人员库中` });
    } else if (inspector.ties.some((tie) => tie.uscc === input.uscc)) {
      problems.push({ path: `inspectors.${index}`, message: `${inspector.name} 已申报与该企业有利害关系，应当回避` });
    }
    return inspector;
  });
  if (drawn && draw) {
    const drawnUsers = drawn.inspectors.map((certificate) => draw.inspectorUsers[certificate]?.username);
    const same =
      drawnUsers.length === input.inspectors.length &&
      drawnUsers.every((user) => input.inspectors.includes(user ?? ''));
    if (!same && !input.substitutionReason) {
      problems.push({ path: 'substitutionReason', message: '实际执法人员与抽中人员不同，须说明理由' });
    }
  }
  const planItems = draw?.items;
  input.itemsChecked.forEach((code, index) => {
    if (planItems && !planItems.some((item) => item.code === code)) {
      problems.push({ path: `itemsChecked.${index}`, message: `检查事项 ${code} 不在本次抽查计划中` });
    }
  });
  if (problems.length > 0 || !firm) throw new ValidationError(problems);
  if (input.findings.some((finding) => finding.rectification) && !principal.roles.includes(rectificationRole)) {
    throw new ForbiddenError('据检查发现登记整改问题须由信访办（整改台账管理）录入');
  }

  const id = ulid();
  const number = inspectionNumber(id, input.date);
  const rectifications = await planRectifications(
    input.findings,
    { source: draw ? 'random-inspection' : 'self-check', inspectionNumber: number, firmName: firm.name },
    principal,
  );
  if (rectifications.problems.length > 0) throw new ValidationError(rectifications.problems);
  // A retry of a drawn firm's inspection: settled and refused before it takes docket numbers it could not use.
  const recorded = input.drawId ? await getDrawnFirmInspectionId(input.drawId, firm.uscc) : undefined;
  if (recorded) return refuseRecorded(recorded);

  const evidence = await attachUploadsAs(input.evidence, 'evidence');
  const filing = input.findings.filter((finding) => finding.enforcement);
  const dockets =
    filing.length > 0
      ? await takeDocketNumbers(await docketUnitFor(unit), Number(input.date.slice(0, 4)), filing.length)
      : [];
  const findings: Finding[] = [];
  const cases: EnforcementCase[] = [];
  for (const [index, finding] of input.findings.entries()) {
    const planned = rectifications.planned.find((each) => each.finding === index);
    const docket = finding.enforcement ? dockets[cases.length] : undefined;
    const enforcement: EnforcementCase | undefined =
      finding.enforcement && docket
        ? {
            id: ulid(),
            uscc: firm.uscc,
            enterpriseName: firm.name,
            cause: finding.enforcement.cause,
            docketNumber: docket.number,
            inspectionId: id,
            state: 'filed',
            filedOn: input.date,
            unitId: unit.id,
            unitPath: unit.path,
            version: 1,
            createdAt: at.toISOString(),
            createdBy: principal.username,
            updatedAt: at.toISOString(),
            updatedBy: principal.username,
          }
        : undefined;
    if (enforcement) cases.push(enforcement);
    findings.push({
      description: finding.description,
      ...(finding.item ? { item: finding.item } : {}),
      violation: finding.violation,
      serious: finding.serious,
      ...(planned ? { rectificationCaseId: planned.caseId } : {}),
      ...(enforcement ? { enforcementCaseId: enforcement.id } : {}),
    });
  }

  const publishBy = computeDeadline(startOfBureauDay(input.date), publicationPolicy.step, calendar).dueDate;
  const violation = findings.some((finding) => finding.violation);
  const base = {
    id,
    number,
    ...(input.drawId ? { drawId: input.drawId } : {}),
    uscc: firm.uscc,
    enterpriseName: firm.name,
    date: input.date,
    inspectors: inspectors.map((inspector) => ({
      username: inspector?.username ?? '',
      name: inspector?.name ?? '',
      certificateNumber: inspector?.certificateNumber ?? '',
    })),
    ...(input.substitutionReason ? { substitutionReason: input.substitutionReason } : {}),
    itemsChecked: input.itemsChecked.map((code) => ({
      code,
      label: planItems?.find((item) => item.code === code)?.label ?? code,
    })),
    summary: input.summary,
    findings,
    evidence: evidence.map(({ attachmentId, fileName, contentType, size }) => ({
      attachmentId,
      fileName,
      contentType,
      size,
    })),
    outcome: outcomeOf(findings),
    unitId: unit.id,
    unitPath: unit.path,
    publishedAt: at.toISOString(),
    publishBy,
    publishedLate: today > publishBy,
    recordedAt: at.toISOString(),
    recordedBy: principal.username,
  };

  const store = async (): Promise<Inspection> => {
    for (let attempt = 1; ; attempt += 1) {
      const [lastRead] = await getLastInspections([firm.uscc]);
      const recordedViolation = violation
        ? await violationWrites(
            firm.uscc,
            {
              at: at.toISOString(),
              source: 'inspection',
              caseId: id,
              number,
              substantiated: 'yes',
              serious: findings.some((finding) => finding.violation && finding.serious),
            },
            principal.username,
          )
        : undefined;
      const inspection: Inspection = {
        ...base,
        violationRecorded: recordedViolation !== undefined,
        regradeFlagged: recordedViolation?.flagged ?? false,
      };
      try {
        await saveInspection({
          inspection,
          cases,
          lastRead,
          enterpriseWrites: recordedViolation?.writes ?? [],
          deltas: [
            ...inspectionDeltas(inspection),
            ...cases.flatMap((enforcement) => caseDeltas(undefined, enforcement)),
          ],
          rectifications: rectifications.planned,
          ...(key ? { claim: key.claim(id) } : {}),
        });
        return inspection;
      } catch (error) {
        if (!(error instanceof InspectionsVersionConflictError) || attempt >= attempts) throw error;
      }
    }
  };

  let inspection: Inspection;
  try {
    inspection = await store();
  } catch (error) {
    const numbered = cases.map((enforcement, index) => ({ docket: dockets[index] as Docket, caseId: enforcement.id }));
    // Numbers that filed nothing are recorded as gaps — unless the transaction, giving no verdict, landed after all.
    const landed = numbered.length > 0 && (await recordDocketGaps(numbered, error, now().toISOString()));
    const stored = landed ? await getInspection(id) : undefined;
    if (!stored) {
      if (error instanceof InspectionRecordedError && input.drawId) {
        const other = await getDrawnFirmInspectionId(input.drawId, firm.uscc);
        if (other) return refuseRecorded(other, error);
      }
      throw error;
    }
    inspection = stored;
  }
  // The inspection is recorded whatever happens from here: a problem left planned shows as its case id without a
  // number, and the next request settles it — as this one settles what earlier ones left.
  const settled =
    rectifications.planned.length > 0
      ? await settleRectifications(id).catch((error: unknown) => {
          logger.error('rectification problems of an inspection left unsettled', { inspectionId: id, error });
          return undefined;
        })
      : undefined;
  await settleLeftovers();
  return { done: settled ?? inspection };
};

export const readInspections = async (query: unknown, principal: Principal): Promise<Inspection[]> => {
  requireReader(principal);
  const input = parseWith(inspectionsQuerySchema, query);
  const { from, to } = periodBounds(input.period ?? periodOf(bureauDate(now())));
  const inspections = await listInspections(from, to);
  return inspections.filter(
    (inspection) =>
      inspection.unitPath.includes(principal.unitId) &&
      (input.drawId === undefined || inspection.drawId === input.drawId),
  );
};
