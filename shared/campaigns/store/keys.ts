/**
 * The campaigns' items in the main table (access pattern → key). Pure key builders.
 *
 * Under the campaign's partition pk `CAMPAIGN#<id>`, so the campaign page is one Query of a partition bounded by one
 * campaign's size (tasks + tasks × weeks + weeks items; seed 003: 25 + 25 × 11 + 11):
 * - the campaign, with its plan, phases, leading group, reporting rule and its tasks (each with its case id) →
 *   sk `CAMPAIGN`; `status` `creating` until every task's case is stored, then `ready`
 * - a task whose case is stored → sk `TASK#<number, 3 digits>`: written in the very transaction that stores the case,
 *   so "this task's case exists" is one item, and a retry never stores it twice (conditional put)
 * - the week's report of a task (its first note; later notes of the week count on it) → sk `REPORT#<week>#<number>`
 * - the week's counters (first reports filed, of them late) → sk `TALLY#<week>`
 * The notes themselves, longer texts read only by the progress list → pk `CAMPAIGN#<id>#NOTES`,
 * sk `<week>#<number>#<noteId>` (a week's notes by one begins_with).
 *
 * The campaigns of the bureau, newest first, for the list → pk `CAMPAIGNS`, sk `<createdAt>#<id>`: one listing entry per
 * campaign, written when it becomes ready. One partition: a bureau runs a handful of campaigns a year.
 *
 * A campaign's name within its unit → pk `CAMPAIGNNAME#<unitId>#<name>`, sk `CLAIM`: claimed with the campaign in one
 * transaction, so a unit has one campaign of a name, and a retried creation finds the campaign it started.
 */

const padNumber = (number: number) => String(number).padStart(3, '0');

export const campaignPartition = (id: string) => `CAMPAIGN#${id}`;
export const campaignKey = (id: string) => ({ pk: campaignPartition(id), sk: 'CAMPAIGN' });
export const taskKey = (id: string, number: number) => ({ pk: campaignPartition(id), sk: `TASK#${padNumber(number)}` });
export const reportKey = (id: string, week: string, number: number) => ({
  pk: campaignPartition(id),
  sk: `REPORT#${week}#${padNumber(number)}`,
});
export const tallyKey = (id: string, week: string) => ({ pk: campaignPartition(id), sk: `TALLY#${week}` });

export const notesPartition = (id: string) => `CAMPAIGN#${id}#NOTES`;
export const noteKey = (id: string, week: string, number: number, noteId: string) => ({
  pk: notesPartition(id),
  sk: `${week}#${padNumber(number)}#${noteId}`,
});
/** The sort-key prefix of a week's notes (and of one task's, given its number). */
export const notesPrefix = (week: string, number?: number) =>
  number === undefined ? `${week}#` : `${week}#${padNumber(number)}#`;

export const listPartition = 'CAMPAIGNS';
export const listKey = (createdAt: string, id: string) => ({ pk: listPartition, sk: `${createdAt}#${id}` });

export const nameClaimKey = (unitId: string, name: string) => ({ pk: `CAMPAIGNNAME#${unitId}#${name}`, sk: 'CLAIM' });
