/**
 * GET /v1/stats/export on the real stores: the statistics of a unit and period as CSV and Excel, every figure equal to
 * what GET /v1/stats answers for the same query.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '#platform/domain/principal.ts';
import type { Stats } from '#statistics/services/read-stats.ts';
import { demo } from '../../support/api.ts';
import { seedDirectory } from '../../support/directory.ts';
import { apiEvent, bodyOf, type HttpResult, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';
import { readWorkbook, rowValues } from '../support/files.ts';
import { aHandler, seedComplaints, seededPeriod } from '../support/seed.ts';

let aws: LocalAws;

beforeAll(async () => {
  aws = await startLocalAws();
  await seedDirectory();
  await seedComplaints();
}, 60_000);
afterAll(() => aws.stop());

const exportStats = async (
  query: Record<string, string>,
  principal: Principal = demo.supervisor,
): Promise<HttpResult> =>
  invoke(
    (await import('../../../functions/statistics/export-stats.ts')).handler,
    apiEvent({ method: 'GET', path: '/v1/stats/export', routeKey: 'GET /v1/stats/export', principal, query }),
  );

const readStats = async (groupBy: Stats['groupBy'] = 'department'): Promise<Stats> => {
  const { readStats } = await import('#statistics/services/read-stats.ts');
  return readStats({ unit: 'city', ...seededPeriod, groupBy }, demo.supervisor);
};

const bytesOf = (response: HttpResult): Buffer => {
  expect(response.isBase64Encoded).toBe(true);
  return Buffer.from(response.body ?? '', 'base64');
};

const fileNameOf = (response: HttpResult): string => {
  const disposition = String(response.headers?.['content-disposition'] ?? '');
  expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
  return decodeURIComponent(disposition.replace(/^.*filename\*=UTF-8''/, ''));
};

describe('GET /v1/stats/export', () => {
  it('answers a CSV in UTF-8 with BOM: one line per department and a 合计 line, as GET /v1/stats counts', async () => {
    const stats = await readStats();

    const response = await exportStats({ unit: 'city', ...seededPeriod, format: 'csv' });

    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers?.['content-type']).toBe('text/csv; charset=utf-8');
    expect(fileNameOf(response)).toBe('示范市生态环境局统计表_2026-03-01至2026-03-31_按单位.csv');
    const bytes = bytesOf(response);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^单位,收到,受理,不予受理,合并办理,办结,按期办结,超期办结,在办,在办超期,/);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([...stats.rows.map((row) => row.label), '合计']);
    const east = stats.rows.find((row) => row.label === '城东分局');
    expect(east?.counts.closed).toBe(3);
    expect(
      lines
        .find((line) => line.startsWith('城东分局,'))
        ?.split(',')
        .slice(1, 6)
        .map(Number),
    ).toEqual([
      east?.counts.received,
      east?.counts.accepted,
      east?.counts.rejected,
      east?.counts.merged,
      east?.counts.closed,
    ]);
    const total = lines.at(-1)?.split(',') ?? [];
    expect(total.slice(1, 6).map(Number)).toEqual([
      stats.counts.received,
      stats.counts.accepted,
      stats.counts.rejected,
      stats.counts.merged,
      stats.counts.closed,
    ]);
    expect(total[14]).toBe(stats.closureRate.percent);
    expect(total[19]).toBe(stats.satisfaction.satisfaction.percent);
  });

  it('answers an Excel workbook: Chinese headers in a frozen first row, numbers and rates as numbers, a 合计 row', async () => {
    const stats = await readStats();

    const response = await exportStats({ unit: 'city', ...seededPeriod });

    expect(response.headers?.['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(fileNameOf(response)).toMatch(/按单位\.xlsx$/);
    const workbook = await readWorkbook(bytesOf(response));
    const sheet = workbook.getWorksheet('统计表');
    if (!sheet) throw new Error('no sheet 统计表');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rowValues(sheet.getRow(1)).slice(0, 3)).toEqual(['单位', '收到', '受理']);
    expect(sheet.rowCount).toBe(stats.rows.length + 2);
    const total = sheet.getRow(sheet.rowCount);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(2).value).toBe(stats.counts.received);
    expect(total.getCell(15).value).toBe(stats.closureRate.value);
    expect(total.getCell(15).numFmt).toBe('0.0%');
    expect(workbook.getWorksheet('口径说明')?.getRow(2).getCell(2).value).toBe('示范市生态环境局');
  });

  it('groups by what `groupBy` says, and shows — where a rate has no denominator', async () => {
    const stats = await readStats('channel');

    const response = await exportStats({ unit: 'city', ...seededPeriod, groupBy: 'channel', format: 'csv' });

    const lines = bytesOf(response).toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]?.startsWith('来源渠道,')).toBe(true);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([...stats.rows.map((row) => row.label), '合计']);
    // Rows by channel keep no survey figures: 满意率 is —, not 0%.
    expect(lines[1]?.split(',')[19]).toBe('—');
  });

  it('refuses a handler and a format it does not make', async () => {
    expect((await exportStats({ unit: 'city', ...seededPeriod }, aHandler)).statusCode).toBe(403);
    const pdf = await exportStats({ unit: 'city', format: 'pdf' });
    expect(pdf.statusCode).toBe(400);
    expect(bodyOf(pdf)).toMatchObject({ errors: [expect.objectContaining({ path: 'format' })] });
  });
});
