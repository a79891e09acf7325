/**
 * The surveys' items in the main table (access pattern → key). Pure key builders, tested offline.
 *
 * - a survey → pk `SURVEY#<id>`, sk `SURVEY`
 *   - surveys closed in a month, for the recount → gsi1pk `SURVEYS#<YYYY-MM>`, gsi1sk `<closedAt>#<id>`
 *   - pending surveys by their next reminder or expiry, for the sweep → gsi2pk `SURVEYDUE`, gsi2sk `<at>#<id>`
 *     (sparse: only pending surveys carry it)
 * - a token → pk `SURVEYTOKEN#<sha-256 of the token, hex>`, sk `TOKEN` (the token itself is never stored)
 * - the surveys of a case (its own, or of the result it rated) → pk `SURVEYLINK#<caseId>`, sk `<surveyId>`
 * - an operator unit's call list, due first → under the survey's partition, sk `CALL#<unitId>`,
 *   gsi1pk `CALLS#<unitId>`, gsi1sk `<callDueDate>#<id>`; one per unit on the complaint's intake path, while a call
 *   is due
 * - the counters of a unit and day → pk `SURVEYSTATS#<unitId>`, sk `DAY#<YYYY-MM-DD>` (the day the result closed;
 *   each unit's counters include the units below it, since a survey counts in every unit on its path)
 * - the settings → pk `SETTINGS`, sk `SURVEYS`
 */

export const surveyKey = (id: string) => ({ pk: `SURVEY#${id}`, sk: 'SURVEY' });
export const monthPartition = (closedDate: string) => `SURVEYS#${closedDate.slice(0, 7)}`;
export const duePartition = 'SURVEYDUE';
export const tokenKey = (tokenHash: string) => ({ pk: `SURVEYTOKEN#${tokenHash}`, sk: 'TOKEN' });
export const linkKey = (caseId: string, surveyId: string) => ({ pk: `SURVEYLINK#${caseId}`, sk: surveyId });
export const linkPartition = (caseId: string) => `SURVEYLINK#${caseId}`;
export const callKey = (surveyId: string, unitId: string) => ({ pk: `SURVEY#${surveyId}`, sk: `CALL#${unitId}` });
export const callPartition = (unitId: string) => `CALLS#${unitId}`;
export const counterKey = (unitId: string, date: string) => ({ pk: `SURVEYSTATS#${unitId}`, sk: `DAY#${date}` });
export const counterPartition = (unitId: string) => `SURVEYSTATS#${unitId}`;
export const daySortKey = (date: string) => `DAY#${date}`;
export const settingsKey = { pk: 'SETTINGS', sk: 'SURVEYS' };

/** The months a date range touches, `YYYY-MM`, oldest first. */
export const monthsBetween = (from: string, to: string): string[] => {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
};
