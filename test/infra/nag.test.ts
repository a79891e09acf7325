import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, expect, it } from 'vitest';
import { GreenlineStack } from '#infra/stack.ts';

interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

let app: App;

beforeAll(() => {
  app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new GreenlineStack(app, 'Greenline', { stage: 'test', mailFrom: 'noreply@greenline.example.cn' });
  Template.fromStack(stack); // synthesize first: aspects and lazy values settle before the rules read the tree
});

/** Findings as `rule at path`, so a failure names what to fix or acknowledge. */
const findingsOf = (checks: AwsSolutionsChecks): string[] =>
  checks
    .validateScope(app)
    .violations.flatMap((violation) =>
      violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
    );

const acknowledgements = (): Acknowledgement[] =>
  app.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({
          path: construct.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );

it('cdk-nag AwsSolutions reports no unacknowledged error or warning', () => {
  expect(findingsOf(new AwsSolutionsChecks())).toEqual([]);
});

it('every acknowledgement gives a written reason', () => {
  const all = acknowledgements();

  expect(all.length).toBeGreaterThan(0);
  for (const acknowledgement of all) {
    expect(acknowledgement.reason.trim().length, `${acknowledgement.id} at ${acknowledgement.path}`).toBeGreaterThan(
      40,
    );
  }
});

it('every acknowledgement answers a finding that the pack really reports there', () => {
  // The same pack with acknowledgements ignored (cdk-nag's private check, shadowed on this instance only).
  const unacknowledged = new AwsSolutionsChecks();
  Object.defineProperty(unacknowledged, 'isAcknowledged', { value: () => false });
  const findings = findingsOf(unacknowledged);

  const stale = acknowledgements().filter(
    ({ path, id }) =>
      !findings.some((finding) => finding.startsWith(`${id} at ${path}/`) || finding === `${id} at ${path}`),
  );
  expect(stale).toEqual([]);
});
