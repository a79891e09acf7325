import { getOrgUnit } from '#directory/services/lookup.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate, bureauDateTimeLabel } from '#platform/domain/time.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { progressReportQuerySchema, reportFormats } from '#statistics/domain/exports-query.ts';
import { dateLabel, progressReport, reportMarkdown } from '#statistics/domain/progress-report.ts';
import { safeFileName } from '#statistics/domain/tables.ts';
import type { ExportedFile } from './export-stats.ts';
import { readStats } from './read-stats.ts';
import { reportDocx } from './report-files.ts';

/**
 * `城东分局监察大队`: a unit as a report's title names it — its own name at the top of the tree, below it the names of
 * the units above it (the root left out) and its own, so two branches' 监察大队 are told apart.
 */
const unitTitleOf = async (unitId: string): Promise<string> => {
  const unit = await getOrgUnit(unitId);
  if (unit.path.length <= 1) return unit.name;
  const above = await Promise.all(unit.path.slice(1, -1).map(async (id) => (await getOrgUnit(id)).name));
  return [...above, unit.name].join('');
};

/**
 * The progress report of a unit and period (default: the caller's, this year to today) as Markdown or Word: the
 * figures of `readStats` read twice — by department for the table, the totals and the enforcement figures, by kind
 * for the complaints' own figures — and worded by the domain (domain/progress-report.ts). Who may ask for which unit is `readStats`'s
 * business.
 */
export const readProgressReport = async (query: unknown, principal: Principal): Promise<ExportedFile> => {
  const { format, ...period } = parseWith(progressReportQuerySchema, query);
  const [byDepartment, byKind] = await Promise.all([
    readStats({ ...period, groupBy: 'department' }, principal),
    readStats({ ...period, groupBy: 'kind' }, principal),
  ]);
  const at = now();
  const report = progressReport({
    unitTitle: await unitTitleOf(byDepartment.unitId),
    byDepartment,
    byKind: byKind.rows,
    enforcement: byDepartment.enforcement,
    today: bureauDate(at),
    generatedAt: bureauDateTimeLabel(at).replace(/^(\d+)\/(\d+)\/(\d+)/, (_, year, month, day) =>
      dateLabel(`${year}-${month}-${day}`),
    ),
  });
  const body = format === 'docx' ? await reportDocx(report) : Buffer.from(reportMarkdown(report), 'utf8');
  return {
    body,
    contentType: reportFormats[format].contentType,
    fileName: safeFileName(`${report.title}.${reportFormats[format].extension}`),
  };
};
