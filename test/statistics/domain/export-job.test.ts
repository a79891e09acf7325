import { describe, expect, it } from 'vitest';
import {
  caseExportRequestSchema,
  type ExportJob,
  exportFileName,
  exportObjectKey,
  jobAsSeen,
} from '#statistics/domain/export-job.ts';

describe('an export request', () => {
  it('takes a format and the filters of GET /v1/cases', () => {
    const parsed = caseExportRequestSchema.parse({
      format: 'xlsx',
      filter: { unit: 'east', state: 'closed', receivedFrom: '2026-01-01', channel: 'hotline' },
    });

    expect(parsed).toEqual({
      format: 'xlsx',
      filter: { unit: 'east', state: 'closed', receivedFrom: '2026-01-01', channel: 'hotline' },
    });
    expect(caseExportRequestSchema.parse({ format: 'csv' })).toEqual({ format: 'csv', filter: {} });
  });

  it('refuses paging, unknown filters and formats', () => {
    expect(caseExportRequestSchema.safeParse({ format: 'xlsx', filter: { cursor: 'x' } }).success).toBe(false);
    expect(caseExportRequestSchema.safeParse({ format: 'xlsx', filter: { limit: 5 } }).success).toBe(false);
    expect(caseExportRequestSchema.safeParse({ format: 'xlsx', filter: { complainant: '李' } }).success).toBe(false);
    expect(caseExportRequestSchema.safeParse({ format: 'pdf' }).success).toBe(false);
  });
});

describe('an export job', () => {
  const job: ExportJob = {
    id: '01KEXPORTAAAAAAAAAAAAAAAAA',
    format: 'xlsx',
    filter: {},
    requestedBy: { username: 'supervisor', roles: ['supervisor'], unitId: 'city' },
    fileName: 'x.xlsx',
    status: 'running',
    createdAt: '2026-12-07T01:30:00.000Z',
    attempt: 1,
  };

  it('has one file key, and a file name saying what, whose and when (Beijing time)', () => {
    expect(exportObjectKey(job, 'exports/')).toBe('exports/01KEXPORTAAAAAAAAAAAAAAAAA.xlsx');
    expect(exportFileName('城东分局', 'csv', new Date('2026-12-07T01:30:00.000Z'))).toBe(
      '督办事项台账_城东分局_20261207-0930.csv',
    );
  });

  it('shows as failed once a day has passed unfinished, and as it is before', () => {
    expect(jobAsSeen(job, new Date('2026-12-07T12:00:00.000Z')).status).toBe('running');
    expect(jobAsSeen(job, new Date('2026-12-08T02:00:00.000Z'))).toMatchObject({
      status: 'failed',
      error: expect.any(String),
    });
    expect(jobAsSeen({ ...job, status: 'done' }, new Date('2026-12-10T00:00:00.000Z')).status).toBe('done');
  });
});
