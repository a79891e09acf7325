/**
 * GET /v1/reports/progress on the real stores: the report's figures are those of GET /v1/stats for the same unit and
 * period, in Markdown and in a Word file with a real table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '#platform/domain/principal.ts';
import type { Stats } from '#statistics/services/read-stats.ts';
import { demo } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aPrincipal, apiEvent, type HttpResult, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { zipPart } from '../support/files.ts';
import { aHandler, seedComplaints, seededPeriod } from '../support/seed.ts';

let aws: LocalAws;

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  await seedComplaints();
}, 60_000);
afterAll(() => aws.stop());

const report = async (query: Record<string, string>, principal: Principal = demo.supervisor): Promise<HttpResult> =>
  invoke(
    (await import('../../../functions/statistics/get-progress-report.ts')).handler,
    apiEvent({ method: 'GET', path: '/v1/reports/progress', routeKey: 'GET /v1/reports/progress', principal, query }),
  );

const readStats = async (unit: string, groupBy: Stats['groupBy']): Promise<Stats> => {
  const { readStats } = await import('#statistics/services/read-stats.ts');
  return readStats({ unit, ...seededPeriod, groupBy }, demo.supervisor);
};

const textOf = (response: HttpResult): string => Buffer.from(response.body ?? '', 'base64').toString('utf8');

describe('GET /v1/reports/progress (issue 11 acceptance: it reads as a bureau’s report)', () => {
  it('answers Markdown whose figures are those of the statistics', async () => {
    const [byDepartment, byKind] = await Promise.all([readStats('city', 'department'), readStats('city', 'kind')]);
    const complaints = byKind.rows.find((row) => row.key === 'complaint');
    if (!complaints) throw new Error('no complaint row');
    const { counts, closureRate, onTimeRate } = complaints;

    const response = await report({ unit: 'city', ...seededPeriod, format: 'md' });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers?.['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.headers?.['content-disposition']).toMatch(/^inline; /);
    const markdown = textOf(response);
    expect(markdown.split('\n')[0]).toBe('# 示范市生态环境局信访工作进展情况（2026年3月1日至2026年3月31日）');
    expect(markdown).toContain(
      `期间内，示范市生态环境局共收到群众信访件${counts.received}件，其中受理${counts.accepted}件、不予受理${counts.rejected}件`,
    );
    expect(counts).toMatchObject({ received: 6, accepted: 4, closed: 3 });
    expect(markdown).toContain(
      `已办结${counts.closed}件，办结率${closureRate.percent}（已办结${counts.closed}件÷受理${counts.accepted}件）`,
    );
    expect(markdown).toContain(`按期办结率${onTimeRate.percent}（按期办结${counts.closedOnTime}件÷`);
    expect(markdown).toContain(
      `群众满意度${byDepartment.satisfaction.satisfaction.percent}（满意及基本满意1件÷有效评价1件）`,
    );
    expect(markdown).toMatch(/截至\d{4}年\d+月\d+日，示范市生态环境局尚在办理的督办事项共\d+件/);
    for (const row of byDepartment.rows) {
      const label = row.label === '本级' ? '示范市生态环境局本级' : row.label;
      expect(markdown).toContain(
        `| ${label} | ${row.counts.received} | ${row.counts.accepted} | ${row.counts.closed} |`,
      );
    }
    expect(markdown).toContain(`| 合计 | ${byDepartment.counts.received} | ${byDepartment.counts.accepted} |`);
  });

  it('answers a Word file with the paragraph and a real table by department', async () => {
    const byDepartment = await readStats('city', 'department');

    const response = await report({ unit: 'city', ...seededPeriod, format: 'docx' });

    expect(response.headers?.['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const disposition = String(response.headers?.['content-disposition']);
    expect(disposition).toMatch(/^attachment; /);
    expect(decodeURIComponent(disposition.replace(/^.*filename\*=UTF-8''/, ''))).toBe(
      '示范市生态环境局信访工作进展情况（2026年3月1日至2026年3月31日）.docx',
    );
    const bytes = Buffer.from(response.body ?? '', 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const xml = await zipPart(bytes, 'word/document.xml');
    expect(xml).toContain('示范市生态环境局信访工作进展情况（2026年3月1日至2026年3月31日）');
    expect(xml).toContain('期间内，示范市生态环境局共收到群众信访件6件');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(byDepartment.rows.length + 2);
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('names a unit below the bureau by its branch, and opens with 今年以来 for this year to today', async () => {
    const response = await report({ unit: 'east-enforcement' }, demo.lead);

    const markdown = textOf(response);
    expect(markdown).toMatch(/^# 城东分局监察大队生态环境信访工作进展情况（\d{4}年1月1日至\d{4}年\d+月\d+日）/);
    expect(markdown).toContain('今年以来，城东分局监察大队共收到群众信访件');
  });

  it('refuses a handler, a unit outside the caller’s scope and a format it does not make', async () => {
    expect((await report({}, aHandler)).statusCode).toBe(403);
    expect((await report({ unit: 'west' }, aPrincipal('lead', 'east'))).statusCode).toBe(403);
    expect((await report({ format: 'pdf' })).statusCode).toBe(400);
  });
});
