/**
 * Grading's items in the main table (access pattern → key). Pure key builders, tested offline.
 *
 * - a saved version of an industry's scheme → pk `GSCHEME#<industry>`, sk `V#<000001>` (never overwritten): "version
 *   n", and every version of an industry
 * - the version in force → pk `GSCHEME#<industry>`, sk `CURRENT` (conditioned on the version it replaces);
 *   every industry's scheme in force → gsi1pk `GSCHEMES`, gsi1sk `<industry>`
 * - an assessment → pk `ASSESS#<id>`, sk `ASSESS`
 *   - an enterprise's assessments, newest first → gsi1pk `ASSESS#ENT#<uscc>`, gsi1sk `<createdAt>#<id>`
 *   - assessments in a status (the review queue: submitted; accepted, to publish) → gsi2pk `ASSESS#STATUS#<status>`,
 *     gsi2sk `<updatedAt>#<id>`
 */
export const schemePartition = (industry: string) => `GSCHEME#${industry}`;
export const versionSortKey = (version: number) => `V#${String(version).padStart(6, '0')}`;
export const schemeVersionKey = (industry: string, version: number) => ({
  pk: schemePartition(industry),
  sk: versionSortKey(version),
});
export const currentSchemeKey = (industry: string) => ({ pk: schemePartition(industry), sk: 'CURRENT' });
export const currentSchemesPartition = 'GSCHEMES';

export const assessmentKey = (id: string) => ({ pk: `ASSESS#${id}`, sk: 'ASSESS' });
export const enterpriseAssessmentsPartition = (uscc: string) => `ASSESS#ENT#${uscc}`;
export const statusPartition = (status: string) => `ASSESS#STATUS#${status}`;
