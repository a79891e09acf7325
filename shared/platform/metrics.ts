import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * CloudWatch metrics in the embedded metric format (written to the log, no API calls): intake, case actions, colour
 * changes and notices sent or failed. Off on one machine and in tests (POWERTOOLS_METRICS_DISABLED).
 */
const metrics = new Metrics({ namespace: 'Greenline', serviceName: 'greenline' });

/** Counts one occurrence of `name`, with one dimension, published at once. */
export const countMetric = (name: string, dimension: readonly [string, string], value = 1): void => {
  if (value === 0) return;
  const single = metrics.singleMetric();
  single.addDimension(dimension[0], dimension[1]);
  single.addMetric(name, MetricUnit.Count, value);
};
