import { App, type CfnElement, Stack } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { campaignsFunctions } from '#campaigns/resources.ts';
import { casesFunctions, casesSchedules } from '#cases/resources.ts';
import { deadlinesFunctions, deadlinesSchedules } from '#deadlines/resources.ts';
import { directoryFunctions } from '#directory/resources.ts';
import { enterprisesFunctions } from '#enterprises/resources.ts';
import { gradingFunctions, gradingSchedules } from '#grading/resources.ts';
import { Alarms } from '#infra/constructs/platform/alarms.ts';
import { type CapabilityFunctions, createFunctions } from '#infra/constructs/platform/capability.ts';
import { type FunctionConnections, GreenlineFunction } from '#infra/constructs/platform/greenline-function.ts';
import { createSchedules, FunctionSchedule, ScheduleDeadLetters } from '#infra/constructs/platform/schedules.ts';
import { exportConsumerConcurrency, reconciliationConsumerConcurrency } from '#infra/constructs/statistics.ts';
import { GreenlineStack } from '#infra/stack.ts';
import { inspectionsFunctions } from '#inspections/resources.ts';
import { intakeFunctions } from '#intake/resources.ts';
import { ledgerFunctions } from '#ledger/resources.ts';
import { noticesFunctions } from '#notices/resources.ts';
import { buckets } from '#platform/catalog/buckets.ts';
import { functions, queues, schedules } from '#platform/catalog/catalog.ts';
import type { Capability } from '#platform/catalog/definitions.ts';
import { platformFunctions } from '#platform/resources.ts';
import { rectificationFunctions } from '#rectification/resources.ts';
import { statisticsFunctions } from '#statistics/resources.ts';
import { surveysFunctions, surveysSchedules } from '#surveys/resources.ts';
import { flatTemplate } from './template.ts';

const noBundling = { 'aws:cdk:bundling-stacks': [] };

let stack: GreenlineStack;

beforeAll(() => {
  stack = new GreenlineStack(new App({ context: noBundling }), 'Greenline', {
    stage: 'test',
    mailFrom: 'noreply@greenline.example.cn',
  });
});

interface CapabilityEntry {
  readonly capability: Capability;
  readonly construct: Construct & { readonly functions: CapabilityFunctions<string> };
  /** What `shared/<capability>/resources.ts` declares. */
  readonly declaredFunctions: object;
  readonly declaredSchedules: object;
}

/** Each capability's construct on the stack, next to its declarations. */
const capabilities = (): CapabilityEntry[] => [
  { capability: 'platform', construct: stack.platform, declaredFunctions: platformFunctions, declaredSchedules: {} },
  {
    capability: 'cases',
    construct: stack.cases,
    declaredFunctions: casesFunctions,
    declaredSchedules: casesSchedules,
  },
  { capability: 'intake', construct: stack.intake, declaredFunctions: intakeFunctions, declaredSchedules: {} },
  {
    capability: 'deadlines',
    construct: stack.deadlines,
    declaredFunctions: deadlinesFunctions,
    declaredSchedules: deadlinesSchedules,
  },
  { capability: 'ledger', construct: stack.ledger, declaredFunctions: ledgerFunctions, declaredSchedules: {} },
  { capability: 'notices', construct: stack.notices, declaredFunctions: noticesFunctions, declaredSchedules: {} },
  {
    capability: 'directory',
    construct: stack.directory,
    declaredFunctions: directoryFunctions,
    declaredSchedules: {},
  },
  {
    capability: 'surveys',
    construct: stack.surveys,
    declaredFunctions: surveysFunctions,
    declaredSchedules: surveysSchedules,
  },
  {
    capability: 'statistics',
    construct: stack.statistics,
    declaredFunctions: statisticsFunctions,
    declaredSchedules: {},
  },
  {
    capability: 'campaigns',
    construct: stack.campaigns,
    declaredFunctions: campaignsFunctions,
    declaredSchedules: {},
  },
  {
    capability: 'rectification',
    construct: stack.rectification,
    declaredFunctions: rectificationFunctions,
    declaredSchedules: {},
  },
  {
    capability: 'inspections',
    construct: stack.inspections,
    declaredFunctions: inspectionsFunctions,
    declaredSchedules: {},
  },
  {
    capability: 'enterprises',
    construct: stack.enterprises,
    declaredFunctions: enterprisesFunctions,
    declaredSchedules: {},
  },
  {
    capability: 'grading',
    construct: stack.grading,
    declaredFunctions: gradingFunctions,
    declaredSchedules: gradingSchedules,
  },
];
const capabilityNames = [
  'platform',
  'cases',
  'intake',
  'deadlines',
  'ledger',
  'notices',
  'directory',
  'surveys',
  'statistics',
  'campaigns',
  'rectification',
  'inspections',
  'enterprises',
  'grading',
] as const;
const entryOf = (capability: Capability): CapabilityEntry => {
  const entry = capabilities().find((candidate) => candidate.capability === capability);
  if (!entry) throw new Error(`No construct for ${capability}`);
  return entry;
};

const functionsIn = (scope: Construct): GreenlineFunction[] =>
  scope.node.findAll().filter((construct) => construct instanceof GreenlineFunction);
const schedulesIn = (scope: Construct): FunctionSchedule[] =>
  scope.node.findAll().filter((construct) => construct instanceof FunctionSchedule);
const sorted = (names: Iterable<string>): string[] => [...names].sort();

describe('one construct per capability', () => {
  it.each(capabilityNames)('%s: its construct creates exactly the functions its resources.ts declares', (name) => {
    const { construct, declaredFunctions } = entryOf(name);
    const created = functionsIn(construct);

    expect(sorted(created.map((fn) => fn.definition.name))).toEqual(sorted(Object.keys(declaredFunctions)));
    expect(sorted(Object.keys(construct.functions))).toEqual(sorted(Object.keys(declaredFunctions)));
    // The catalog files the same functions under this capability.
    const catalogued = Object.values(functions).filter((definition) => definition.capability === name);
    expect(sorted(created.map((fn) => fn.definition.name))).toEqual(sorted(catalogued.map(({ name }) => name)));
    for (const fn of created) expect(fn.definition.capability).toBe(name);
  });

  it.each(capabilityNames)('%s: its construct creates exactly its schedules, each firing its own function', (name) => {
    const { construct, declaredSchedules } = entryOf(name);
    const created = schedulesIn(construct);
    const own = functionsIn(construct);

    expect(sorted(created.map((schedule) => schedule.definition.name))).toEqual(sorted(Object.keys(declaredSchedules)));
    for (const schedule of created) {
      expect(own).toContain(schedule.target);
      expect(schedule.target.definition.name).toBe(schedule.definition.target);
    }
  });

  it('together they build every function and schedule of the catalog once, composed by name on the stack', () => {
    const built = capabilities().flatMap(({ construct }) => functionsIn(construct).map((fn) => fn.definition.name));

    expect(sorted(built)).toEqual(sorted(Object.keys(functions)));
    expect(functionsIn(stack)).toHaveLength(built.length);
    expect(sorted(Object.keys(stack.functions))).toEqual(sorted(Object.keys(functions)));
    for (const [name, fn] of Object.entries(stack.functions)) expect(fn.definition.name).toBe(name);
    expect(sorted(schedulesIn(stack).map((schedule) => schedule.definition.name))).toEqual(
      sorted(Object.keys(schedules)),
    );
  });

  it('a schedule that names another capability’s function is refused', () => {
    const scope = new Stack(new App({ context: noBundling }), 'Schedules');
    // The platform's functions declare no table, queue, mail or bucket: nothing to connect.
    const platform = createFunctions(scope, platformFunctions, {
      stage: 'test',
      logRetention: RetentionDays.ONE_DAY,
      connections: {} as FunctionConnections,
    });
    const deadLetters = new ScheduleDeadLetters(scope, 'ScheduleDeadLetters', { alarms: new Alarms(scope, 'Alarms') });

    expect(() => createSchedules(scope, casesSchedules, platform, deadLetters)).toThrow(
      /outbox-relay names relay-outbox, which is not one of this capability's functions/,
    );
  });
});

describe('statistics: the case-ledger exports and the reconciliations', () => {
  // biome-ignore lint/suspicious/noExplicitAny: assertions walk the synthesized template's JSON freely.
  type Json = any;
  const template = () => flatTemplate(stack);
  const logicalId = (construct: Construct) => stack.resolve((construct.node.defaultChild as CfnElement).logicalId);
  const bucketId = () => logicalId(stack.attachments.bucket);
  const s3Statements = (name: 'export-cases' | 'get-case-export') => {
    const roleId = logicalId(stack.statistics.functions[name].role);
    return Object.values(template().findResources('AWS::IAM::Policy') as Record<string, Json>)
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"Ref":"${roleId}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[])
      .filter((statement) => [statement.Action].flat().some((action: string) => action.startsWith('s3:')));
  };
  const exportObjects = () => ({
    'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId(), 'Arn'] }, `/${buckets.attachments.exportPrefix}*`]],
  });

  it('export-cases consumes the exports queue one job at a time, at most 2 at once, reporting failed items', () => {
    template().hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(stack.statistics.functions['export-cases'].lambda) },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: exportConsumerConcurrency },
    });
    expect(queues.exports).toMatchObject({ consumer: 'export-cases', batchSize: 1, carries: [] });
    expect(queues.exports.visibilityTimeoutSeconds).toBe(6 * functions['export-cases'].timeoutSeconds);
  });

  it('the worker may only put (and abort) files under exports/, the reader only get them', () => {
    expect(s3Statements('export-cases')).toEqual([
      { Effect: 'Allow', Action: ['s3:PutObject', 's3:AbortMultipartUpload'], Resource: exportObjects() },
    ]);
    expect(s3Statements('get-case-export')).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: exportObjects() },
    ]);
    for (const name of ['export-cases', 'get-case-export'] as const) {
      const env = template().findResources('AWS::Lambda::Function', {
        Properties: { FunctionName: `greenline-test-${name}` },
      });
      expect(Object.values(env as Record<string, Json>)[0].Properties.Environment.Variables.ATTACHMENTS_BUCKET).toEqual(
        {
          Ref: bucketId(),
        },
      );
    }
  });

  it('run-reconciliation consumes the reconciliations queue one job at a time, the one function that may scan', () => {
    const dynamoActions = (name: 'reconcile-stats' | 'run-reconciliation') => {
      const roleId = logicalId(stack.statistics.functions[name].role);
      return Object.values(template().findResources('AWS::IAM::Policy') as Record<string, Json>)
        .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"Ref":"${roleId}"`))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[])
        .flatMap((statement) => [statement.Action].flat() as string[]);
    };
    template().hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(stack.statistics.functions['run-reconciliation'].lambda) },
      BatchSize: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: reconciliationConsumerConcurrency },
    });
    expect(queues.reconciliations).toMatchObject({ consumer: 'run-reconciliation', batchSize: 1, carries: [] });
    expect(queues.reconciliations.visibilityTimeoutSeconds).toBe(6 * functions['run-reconciliation'].timeoutSeconds);
    expect(dynamoActions('run-reconciliation')).toContain('dynamodb:Scan');
    expect(dynamoActions('reconcile-stats')).not.toContain('dynamodb:Scan');
    expect(dynamoActions('reconcile-stats')).toContain('sqs:SendMessage');
    expect(
      Object.values(functions).filter((definition) => {
        const main = definition.tables?.main;
        return typeof main === 'object' && main.scan;
      }),
    ).toEqual([functions['run-reconciliation']]);
  });

  it('export files expire from the attachments bucket after the days a job is kept', () => {
    const [bucket] = Object.values(
      template().findResources('AWS::S3::Bucket', { Properties: { CorsConfiguration: {} } }),
    );
    expect((bucket as Json).Properties.LifecycleConfiguration.Rules).toContainEqual(
      expect.objectContaining({
        Id: 'expire-exports',
        Prefix: buckets.attachments.exportPrefix,
        ExpirationInDays: buckets.attachments.exportExpiryDays,
        Status: 'Enabled',
      }),
    );
  });
});
