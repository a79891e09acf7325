import { getCase, recordPersonalDataAccess } from '#cases/services/records.ts';
import { requireRole } from '#directory/domain/roles.ts';
import { now } from '#platform/clock.ts';
import { ForbiddenError, NotFoundError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { addDays, bureauDate } from '#platform/domain/time.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { followUpQuerySchema } from '#surveys/domain/requests.ts';
import type { Survey } from '#surveys/domain/survey.ts';
import { type CallListEntry, findSurvey, listCalls } from '#surveys/store/surveys.ts';

const callers = ['operator', 'dispatcher'] as const;
const onlyCallers = '只有接线员和信访办可以进行电话回访';

/** The caller's call list: the calls due by today (and, if asked, the next 30 days), the longest due first. */
export const listFollowUps = async (query: unknown, principal: Principal): Promise<CallListEntry[]> => {
  requireRole(principal, callers, onlyCallers);
  const { upcoming } = parseWith(followUpQuerySchema, query);
  const today = bureauDate(now());
  return listCalls(principal.unitId, upcoming ? addDays(today, 30) : today);
};

export const callableSurvey = async (id: string, principal: Principal): Promise<Survey> => {
  requireRole(principal, callers, onlyCallers);
  const survey = await findSurvey(id);
  if (survey?.channel !== 'phone') throw new NotFoundError('电话回访不存在');
  if (!survey.intakePath.includes(principal.unitId)) throw new ForbiddenError('该回访不在您的职责范围内');
  return survey;
};

/** The number to call, shown on a click that is recorded as an access to personal data. */
export const revealContact = async (
  id: string,
  principal: Principal,
): Promise<{ readonly phone: string; readonly name?: string }> => {
  const survey = await callableSurvey(id, principal);
  const complainant = (await getCase(survey.caseId)).complaint?.complainant;
  if (!complainant?.phone) throw new NotFoundError('该事项没有投诉人电话');
  await recordPersonalDataAccess({
    caseId: survey.caseId,
    username: principal.username,
    roles: principal.roles,
    at: now().toISOString(),
    purpose: '电话回访：查看投诉人电话',
  });
  return { phone: complainant.phone, ...(complainant.name ? { name: complainant.name } : {}) };
};
