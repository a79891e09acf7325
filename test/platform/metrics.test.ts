import { afterAll, beforeAll, expect, it, vi } from 'vitest';

let countMetric: (name: string, dimension: readonly [string, string], value?: number) => void;
const written: string[] = [];

beforeAll(async () => {
  vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  ({ countMetric } = await import('#platform/metrics.ts'));
});
afterAll(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

it('writes a count in the embedded metric format, under the Greenline namespace, with its dimension', () => {
  countMetric('NoticeSent', ['type', 'case-assigned'], 2);
  countMetric('NoticeSent', ['type', 'case-closed'], 0);

  const records = written.map((line) => JSON.parse(line));
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    _aws: { CloudWatchMetrics: [{ Namespace: 'Greenline', Metrics: [{ Name: 'NoticeSent', Unit: 'Count' }] }] },
    type: 'case-assigned',
    NoticeSent: 2,
  });
});
