/**
 * The rectification problems (整改问题) opened from an inspection's findings, exactly once each.
 *
 * A problem is a case, and cases are stored only by the cases capability, each in its own numbered transaction — so a
 * problem cannot be written in the inspection's transaction. Instead, as help plans do (`#grading/services/
 * help-plans.ts`) and ledger imports (`#rectification/services/import-ledger.ts`): the problem is checked and planned
 * first, its case id fixed, and the inspection's transaction stores the finding naming that id together with the
 * planned problem; then {@link settleRectifications} stores each planned case under its id with the plan marked
 * `stored` in the case's own transaction (`storePlannedCases`), and writes the case numbers on the findings. A crash
 * or a failure in between leaves the inspection with its problems planned, never a problem without its inspection or
 * twice: whoever settles next (the same request's retry, or any later inspection being recorded — see
 * {@link settleLeftovers}) stores each missing case once.
 */
import { ulid } from 'ulid';
import type { ActionContext } from '#cases/domain/workflow/steps.ts';
import { problemsOfAssignment } from '#cases/domain/workflow/steps.ts';
import { storePlannedCases } from '#cases/services/planned-cases.ts';
import { getCase } from '#cases/services/records.ts';
import { relayNow } from '#cases/services/relay-events.ts';
import type { TimeContext } from '#deadlines/domain/deadlines.ts';
import { overseenUnit } from '#directory/services/list-units.ts';
import { getOrgUnit, getUser } from '#directory/services/lookup.ts';
import type { FindingInput, Inspection, PlannedRectification } from '#inspections/domain/inspection.ts';
import {
  getInspectionWithLinks,
  linkRectificationNumbers,
  listUnsettledInspections,
  storedLinkCompanion,
} from '#inspections/store/rectification-links.ts';
import { now } from '#platform/clock.ts';
import { type FieldProblem, orMissing } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { logger } from '#platform/logger.ts';
import { countMetric } from '#platform/metrics.ts';
import type { RectificationSource } from '#rectification/domain/details.ts';
import { problemCase, registrarRole } from '#rectification/domain/problem.ts';

/** What each problem is to be: the inspection's number and firm, whether it was drawn. */
export interface ProblemOrigin {
  readonly source: RectificationSource;
  readonly inspectionNumber: string;
  readonly firmName: string;
}

/**
 * Checks the problems `findings` ask for as registering one checks it (`#rectification/services/create-problem.ts`:
 * the department in the caller's overseen unit and a department; lead and responsible person, when both are given,
 * fit for assigning at once) and plans each under a new case id. Problems are named `findings.<i>.rectification.<field>`.
 */
export const planRectifications = async (
  findings: readonly FindingInput[],
  origin: ProblemOrigin,
  principal: Principal,
): Promise<{ planned: PlannedRectification[]; problems: FieldProblem[] }> => {
  const asked = findings.flatMap((finding, index) =>
    finding.rectification ? [{ index, finding, request: finding.rectification }] : [],
  );
  if (asked.length === 0) return { planned: [], problems: [] };
  const overseen = await overseenUnit(principal);
  const checked = await Promise.all(
    asked.map(async ({ index, finding, request }) => {
      const named = request.leadUsername !== undefined && request.responsibleUsername !== undefined;
      const [department, lead, responsible] = await Promise.all([
        orMissing(getOrgUnit(request.departmentId)),
        named ? orMissing(getUser(request.leadUsername as string)) : undefined,
        named ? orMissing(getUser(request.responsibleUsername as string)) : undefined,
      ]);
      const problems: FieldProblem[] = [];
      if (department && !department.path.includes(overseen.id)) {
        problems.push({ path: 'departmentId', message: '责任单位不在您的管辖范围内' });
      }
      problems.push(
        ...problemsOfAssignment({ department, responsible, lead } as ActionContext).filter(
          (problem) => named || problem.path === 'departmentId',
        ),
      );
      const planned: PlannedRectification | undefined = department
        ? {
            finding: index,
            caseId: ulid(),
            fields: {
              source: origin.source,
              sourceReference: `检查记录 ${origin.inspectionNumber}`,
              description: `${origin.firmName}：${finding.description}`,
              plan: { measures: request.measures, milestones: [] },
              band: request.band,
            },
            owners: {
              department: { id: department.id, name: department.name, path: department.path },
              ...(lead ? { leadOfficial: { name: lead.displayName, username: lead.username } } : {}),
              ...(responsible
                ? { responsiblePerson: { name: responsible.displayName, username: responsible.username } }
                : {}),
              assignable: named,
            },
          }
        : undefined;
      return {
        planned,
        problems: problems.map((problem) => ({
          path: `findings.${index}.rectification.${problem.path}`,
          message: problem.message,
        })),
      };
    }),
  );
  return {
    planned: checked.flatMap((each) => (each.planned ? [each.planned] : [])),
    problems: checked.flatMap((each) => each.problems),
  };
};

/**
 * Stores the case of each planned problem of inspection `id` that is not stored yet (under the id its finding names,
 * once, whoever runs this and however often), then writes the case numbers on the findings. Returns the inspection
 * as it then stands (undefined when there is none).
 */
export const settleRectifications = async (id: string): Promise<Inspection | undefined> => {
  const { inspection, links } = await getInspectionWithLinks(id);
  if (!inspection) return undefined;
  const planned = links.filter((link) => link.state === 'planned' && link.planned);
  const storedFindings = async () =>
    (await getInspectionWithLinks(id)).links.filter((link) => link.state !== 'planned').map((link) => link.finding);
  const { stored, events } = await storePlannedCases(
    planned.map((link) => {
      const plan = link.planned as PlannedRectification;
      return {
        key: link.finding,
        build: (at: Date, time: TimeContext) =>
          problemCase({
            id: plan.caseId,
            fields: plan.fields,
            owners: plan.owners,
            unit: { id: inspection.unitId, path: inspection.unitPath },
            creator: { username: inspection.recordedBy, role: registrarRole },
            now: at,
            time,
            eventId: ulid(),
          }),
        companion: () => storedLinkCompanion(inspection, link),
      };
    }),
    storedFindings,
  );
  for (const link of planned) {
    if (stored.has(link.finding) && link.planned) {
      countMetric('RectificationProblemCreated', ['source', link.planned.fields.source]);
    }
  }
  if (events.length > 0) await relayNow(events);

  const unlinked =
    planned.length > 0
      ? (await getInspectionWithLinks(id)).links.filter((link) => link.state === 'stored')
      : links.filter((link) => link.state === 'stored');
  const numbers = await Promise.all(
    unlinked.map(async (link) => ({
      finding: link.finding,
      number: stored.get(link.finding)?.number ?? (await getCase(link.caseId)).number,
    })),
  );
  await linkRectificationNumbers(id, numbers);
  if (numbers.length === 0) return inspection;
  return {
    ...inspection,
    findings: inspection.findings.map((finding, index) => {
      const number = numbers.find((each) => each.finding === index)?.number;
      return number ? { ...finding, rectificationNumber: number } : finding;
    }),
  };
};

/** Links younger than this are left to the request that made them (normally done within a second). */
const leftoverAgeMs = 60_000;

/**
 * Settles what earlier requests left unsettled (a failure, a timeout or a crash after the inspection was stored): a
 * few inspections at a time, from the sparse index of unsettled links — normally empty, so one small query. Never
 * throws: a failure is logged and left for the next request.
 */
export const settleLeftovers = async (limit = 5): Promise<void> => {
  try {
    const cutoff = new Date(now().getTime() - leftoverAgeMs).toISOString();
    for (const id of await listUnsettledInspections(cutoff, limit)) {
      await settleRectifications(id).catch((error: unknown) =>
        logger.error('rectification problems of an inspection left unsettled', { inspectionId: id, error }),
      );
    }
  } catch (error) {
    logger.error('unsettled rectification problems could not be read', { error });
  }
};
