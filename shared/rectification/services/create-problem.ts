import { ulid } from 'ulid';
import type { Case } from '#cases/domain/case.ts';
import { problemsOfAssignment } from '#cases/domain/workflow/steps.ts';
import { scopeUnitIds } from '#cases/domain/workflow.ts';
import { createNumberedCase, getCase } from '#cases/services/records.ts';
import { relayNow } from '#cases/services/relay-events.ts';
import { loadTimeContext } from '#deadlines/services/time-context.ts';
import { requireRole } from '#directory/domain/roles.ts';
import { requireInScope } from '#directory/domain/scope.ts';
import { overseenUnit } from '#directory/services/list-units.ts';
import { getOrgUnit, getUser } from '#directory/services/lookup.ts';
import { now } from '#platform/clock.ts';
import { type FieldProblem, orMissing, ValidationError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { countMetric } from '#platform/metrics.ts';
import {
  checkSourceComplaint,
  linkBack,
  problemCase,
  registrarRole,
  targetDateProblem,
} from '#rectification/domain/problem.ts';
import type { CreateProblemRequest } from '#rectification/domain/requests.ts';

const creatorOf = (principal: Principal) => ({ username: principal.username, role: registrarRole });

/**
 * `POST /v1/rectification-problems`: registers a problem as a case of kind `rectification` (GL-ZG-…), assigned to its
 * department at once when the lead official and the responsible person are given (and fit, as `assign` asks). A
 * problem from a complaint (`fromCaseId`) is stored in one transaction with the complaint naming it back.
 *
 * @throws ForbiddenError unless the caller keeps the ledger (a dispatcher), or the complaint is outside their scope.
 * @throws ValidationError naming each bad field (`departmentId`, `leadUsername`, `fromCaseId`, `targetDate` …).
 * @throws CaseVersionConflictError when the complaint changed meanwhile (409: try again).
 */
export const createProblem = async (request: CreateProblemRequest, principal: Principal): Promise<Case> => {
  requireRole(principal, [registrarRole], '只有信访办（整改台账管理）可以登记整改问题');
  const at = now();
  const named = request.leadUsername !== undefined && request.responsibleUsername !== undefined;
  const [unit, overseen, department, lead, responsible, complaint, time] = await Promise.all([
    getOrgUnit(principal.unitId),
    overseenUnit(principal),
    orMissing(getOrgUnit(request.departmentId)),
    named ? orMissing(getUser(request.leadUsername as string)) : undefined,
    named ? orMissing(getUser(request.responsibleUsername as string)) : undefined,
    request.fromCaseId ? orMissing(getCase(request.fromCaseId)) : undefined,
    loadTimeContext(at),
  ]);

  const problems: FieldProblem[] = [];
  // As with assigning: the departments of the unit the office serves (a petition office's parent) and below.
  if (department && !department.path.includes(overseen.id)) {
    problems.push({ path: 'departmentId', message: '责任单位不在您的管辖范围内' });
  }
  const assignment = problemsOfAssignment({ department, responsible, lead } as never);
  problems.push(...assignment.filter((problem) => named || problem.path === 'departmentId'));
  const late = request.targetDate ? targetDateProblem(request.targetDate, at) : undefined;
  if (late) problems.push({ path: 'targetDate', message: late });
  if (request.fromCaseId && !complaint) problems.push({ path: 'fromCaseId', message: '信访件不存在' });
  if (problems.length > 0 || !department) throw new ValidationError(problems);
  if (complaint) {
    checkSourceComplaint(complaint);
    requireInScope(scopeUnitIds(complaint), principal, '来源信访件不在您的管辖范围内');
  }

  const {
    departmentId: _department,
    leadUsername: _lead,
    responsibleUsername: _responsible,
    fromCaseId: _from,
    ...fields
  } = request;
  const built = problemCase({
    id: ulid(),
    fields,
    owners: {
      department: { id: department.id, name: department.name, path: department.path },
      ...(lead ? { leadOfficial: { name: lead.displayName, username: lead.username } } : {}),
      ...(responsible ? { responsiblePerson: { name: responsible.displayName, username: responsible.username } } : {}),
      assignable: named,
    },
    unit: { id: unit.id, path: unit.path },
    creator: creatorOf(principal),
    ...(complaint ? { fromCase: complaint } : {}),
    now: at,
    time,
    eventId: ulid(),
  });
  const stored = await createNumberedCase(
    built.case,
    built.history,
    built.event,
    [],
    complaint ? (problem) => [linkBack(complaint, problem, creatorOf(principal), at.toISOString())] : undefined,
  );
  countMetric('RectificationProblemCreated', ['source', request.source]);
  await relayNow([built.event]);
  return stored;
};
