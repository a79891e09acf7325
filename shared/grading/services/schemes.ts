/** Reading and loading grading schemes: every official reads them; administrators load new versions. */
import { requireRole } from '#directory/domain/roles.ts';
import { schemeVersionQuerySchema } from '#grading/domain/requests.ts';
import { type GradingScheme, schemeInputSchema, slugSchema } from '#grading/domain/scheme.ts';
import { SchemeNotFoundError } from '#grading/store/errors.ts';
import {
  getCurrentScheme,
  getSchemeVersion,
  listCurrentSchemes,
  listSchemeVersions,
  saveScheme,
} from '#grading/store/schemes.ts';
import { now } from '#platform/clock.ts';
import { ConflictError } from '#platform/domain/errors.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';

const readers = ['operator', 'dispatcher', 'handler', 'lead', 'supervisor', 'admin'] as const;

/** A version of a scheme as the version list shows it. */
export interface SchemeVersionSummary {
  readonly version: number;
  readonly name: string;
  readonly example: boolean;
  readonly savedAt: string;
  readonly savedBy: string;
}

export interface SchemeWithVersions {
  readonly scheme: GradingScheme;
  /** Every version of the industry's scheme, newest first. */
  readonly versions: readonly SchemeVersionSummary[];
}

const summaryOf = (scheme: GradingScheme): SchemeVersionSummary => ({
  version: scheme.version,
  name: scheme.name,
  example: scheme.example,
  savedAt: scheme.savedAt,
  savedBy: scheme.savedBy,
});

/** The scheme in force of every industry. */
export const listSchemes = async (principal: Principal): Promise<GradingScheme[]> => {
  requireRole(principal, readers, '无权查看评分方案');
  return listCurrentSchemes();
};

/** The scheme of `version` (default: in force) of `industry`, with the list of its versions. */
export const readScheme = async (
  industry: string,
  query: unknown,
  principal: Principal,
): Promise<SchemeWithVersions> => {
  requireRole(principal, readers, '无权查看评分方案');
  const { version } = parseWith(schemeVersionQuerySchema, query);
  const scheme = version === undefined ? await getCurrentScheme(industry) : await getSchemeVersion(industry, version);
  if (!scheme) {
    throw new SchemeNotFoundError(
      version === undefined ? `没有 ${industry} 行业的评分方案` : `${industry} 行业评分方案没有第 ${version} 版`,
    );
  }
  return { scheme, versions: (await listSchemeVersions(industry)).map(summaryOf) };
};

/**
 * Loads a new version of `industry`'s scheme (administrators only). Assessments keep the version they were made
 * under; new ones use the new version. `basedOn`, when given, must be the version in force (409 otherwise).
 */
export const loadScheme = async (industry: string, body: unknown, principal: Principal): Promise<GradingScheme> => {
  requireRole(principal, ['admin'], '只有系统管理员可以载入评分方案');
  const id = parseWith(slugSchema, industry);
  const { basedOn, ...input } = parseWith(schemeInputSchema, body);
  const current = await getCurrentScheme(id);
  const replaces = current?.version ?? 0;
  if (basedOn !== undefined && basedOn !== replaces) {
    throw new ConflictError(`现行方案为第 ${replaces} 版，您修改的是第 ${basedOn} 版，请刷新后重试`);
  }
  const scheme: GradingScheme = {
    ...input,
    industry: id,
    version: replaces + 1,
    savedAt: now().toISOString(),
    savedBy: principal.username,
  };
  return saveScheme(scheme, replaces);
};

/** The scheme an assessment is made under: the version given, or the one in force. */
export const schemeForAssessment = async (industry: string, version?: number): Promise<GradingScheme> => {
  const scheme = version === undefined ? await getCurrentScheme(industry) : await getSchemeVersion(industry, version);
  if (!scheme) {
    throw new SchemeNotFoundError(
      version === undefined
        ? `没有 ${industry} 行业的评分方案，请先由管理员载入`
        : `${industry} 行业评分方案没有第 ${version} 版`,
    );
  }
  return scheme;
};
