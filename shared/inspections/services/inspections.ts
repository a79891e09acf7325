/**
 * Recording an inspection (`POST /v1/inspections`) and listing them (`GET /v1/inspections`).
 *
 * One request: everything is checked first (the firm, the draw and that it drew the firm, the inspectors — in the pool,
 * active, without a declared tie to the firm — the items, the evidence files); then each finding that asks for a
 * rectification problem gets one through the rectification capability's own service (its own numbered case and
 * transaction: a problem is a case, and cases are stored only by the cases capability); then one transaction stores
 * the inspection with the drawn firm marked inspected, the firm's last inspection, the enforcement cases its findings
 * file, the violation on the firm's record (which flags an A or B firm for re-grading) and the counters. Should that
 * transaction fail after a problem was stored, the problem stands (its source reference names the inspection's
 * number); a retry of the request stores the inspection.
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
  newInspectionSchema,
  outcomeOf,
  publicationPolicy,
} from '#inspections/domain/inspection.ts';
import { periodBounds, periodOf } from '#inspections/domain/plan.ts';
import { getDraw, getLastInspections } from '#inspections/store/draws.ts';
import { InspectionsVersionConflictError } from '#inspections/store/errors.ts';
import { listInspectors } from '#inspections/store/plans.ts';
import { listInspections, saveInspection } from '#inspections/store/records.ts';
import { attachUploadsAs } from '#intake/services/attachments.ts';
import { now } from '#platform/clock.ts';
import { type FieldProblem, ForbiddenError, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate, bureauYear, startOfBureauDay } from '#platform/domain/time.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { createProblem } from '#rectification/services/create-problem.ts';
import { requireReader, requireRecorder } from './access.ts';

const attempts = 3;

/** Problems opened from findings need the ledger keeper's role (the rectification capability's rule). */
const rectificationRole = 'dispatcher';

export const recordInspection = async (body: unknown, principal: Principal): Promise<Inspection> => {
  requireRecorder(principal);
  const input = parseWith(newInspectionSchema, body);
  const at = now();
  const today = bureauDate(at);
  const [firm, draw, pool, unit, calendar] = await Promise.all([
    getEnterprise(input.uscc),
    input.drawId ? getDraw(input.drawId) : undefined,
    listInspectors(),
    getOrgUnit(principal.unitId),
    loadCalendar([bureauYear(at) - 1, bureauYear(at), bureauYear(at) + 1]),
  ]);

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

  const evidence = await attachUploadsAs(input.evidence, 'evidence');
  const id = ulid();
  const number = inspectionNumber(id, input.date);

  const findings: Finding[] = [];
  const cases: EnforcementCase[] = [];
  for (const [index, finding] of input.findings.entries()) {
    let rectification: { rectificationCaseId: string; rectificationNumber: string } | undefined;
    if (finding.rectification) {
      const request = finding.rectification;
      try {
        const problem = await createProblem(
          {
            source: draw ? 'random-inspection' : 'self-check',
            sourceReference: `检查记录 ${number}`,
            description: `${firm.name}：${finding.description}`,
            plan: { measures: request.measures, milestones: [] },
            departmentId: request.departmentId,
            band: request.band,
            ...(request.leadUsername ? { leadUsername: request.leadUsername } : {}),
            ...(request.responsibleUsername ? { responsibleUsername: request.responsibleUsername } : {}),
          },
          principal,
        );
        rectification = { rectificationCaseId: problem.id, rectificationNumber: problem.number };
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        throw new ValidationError(
          error.errors.map((problem) => ({
            path: `findings.${index}.rectification.${problem.path === 'plan.measures' ? 'measures' : problem.path}`,
            message: problem.message,
          })),
          { cause: error },
        );
      }
    }
    const enforcement: EnforcementCase | undefined = finding.enforcement
      ? {
          id: ulid(),
          uscc: firm.uscc,
          enterpriseName: firm.name,
          cause: finding.enforcement.cause,
          ...(finding.enforcement.docketNumber ? { docketNumber: finding.enforcement.docketNumber } : {}),
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
      ...(rectification ?? {}),
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

  for (let attempt = 1; ; attempt += 1) {
    const [lastRead] = await getLastInspections([firm.uscc]);
    const recorded = violation
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
      violationRecorded: recorded !== undefined,
      regradeFlagged: recorded?.flagged ?? false,
    };
    try {
      await saveInspection({
        inspection,
        cases,
        lastRead,
        enterpriseWrites: recorded?.writes ?? [],
        deltas: [
          ...inspectionDeltas(inspection),
          ...cases.flatMap((enforcement) => caseDeltas(undefined, enforcement)),
        ],
      });
      return inspection;
    } catch (error) {
      if (!(error instanceof InspectionsVersionConflictError) || attempt >= attempts) throw error;
    }
  }
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
