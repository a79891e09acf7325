import { App, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { beforeAll, describe, expect, it } from 'vitest';
import { noticeConsumerConcurrency } from '#infra/constructs/notices.ts';
import { Alarms } from '#infra/constructs/platform/alarms.ts';
import { GreenlineApi } from '#infra/constructs/platform/api.ts';
import { GreenlineFunction } from '#infra/constructs/platform/greenline-function.ts';
import { Mail } from '#infra/constructs/platform/mail.ts';
import { GreenlineStack } from '#infra/stack.ts';
import { type FunctionName, functions, queues, schedules } from '#platform/catalog/catalog.ts';
import {
  commonEnv,
  type QueueKey,
  type TableAccess,
  type TableDefinition,
  type TableKey,
  tableActions,
} from '#platform/catalog/definitions.ts';
import { tables } from '#platform/catalog/tables.ts';
import { officialRoles } from '#platform/domain/principal.ts';
import { claimNames } from '#platform/http/auth.ts';
import { type RouteDefinition, routeKey, routes } from '#platform/http/routes.ts';
import { flatTemplate, resourceCounts } from './template.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the synthesized template's JSON freely.
type Json = any;
type Resource = { Type: string; Properties: Record<string, Json>; DeletionPolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const stage = 'test';
const mailFrom = 'noreply@greenline.example.cn';
const noBundling = { 'aws:cdk:bundling-stacks': [] };

let template: Template;
let resources: Record<string, Resource>;
let counts: Record<string, number>;
let stack: GreenlineStack;

beforeAll(() => {
  const app = new App({ context: noBundling });
  stack = new GreenlineStack(app, 'Greenline', { stage, mailFrom });
  template = flatTemplate(stack);
  resources = template.toJSON().Resources;
  counts = resourceCounts(stack);
});

const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
/** Greenline's own functions: not the handler of the console's BucketDeployment, which CDK brings. */
const isGreenlineFunction = ([, fn]: [string, Resource]) =>
  String(fn.Properties.FunctionName ?? '').startsWith(`greenline-${stage}-`);
const greenlineFunctions = () => ofType('AWS::Lambda::Function').filter(isGreenlineFunction);
const getAtt = (logicalId: string, attribute = 'Arn') => ({ 'Fn::GetAtt': [logicalId, attribute] });

const functionId = (name: FunctionName): string => {
  const found = ofType('AWS::Lambda::Function').find(
    ([, fn]) => fn.Properties.FunctionName === `greenline-${stage}-${name}`,
  );
  if (!found) throw new Error(`No function ${name}`);
  return found[0];
};
const functionProps = (name: FunctionName) => resources[functionId(name)]?.Properties ?? {};

/** Every IAM statement that applies to the function's role, from all policies attached to it. */
const statementsOf = (name: FunctionName): Statement[] => {
  const roleId = functionProps(name).Role['Fn::GetAtt'][0];
  return ofType('AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties.Roles).includes(`"Ref":"${roleId}"`))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Statement[]);
};
const actionsOf = (name: FunctionName): string[] =>
  statementsOf(name).flatMap((statement) => [statement.Action].flat());

/** The logical id of the catalog queue `key` (EventQueues builds it at `Queues/<Key>/Queue`). */
const queueId = (key: QueueKey): string => {
  const prefix = `Queues${key.charAt(0).toUpperCase()}${key.slice(1)}Queue`;
  const found = ofType('AWS::SQS::Queue').find(([id]) => id.startsWith(prefix));
  if (!found) throw new Error(`no queue ${key} in the template`);
  return found[0];
};
const tableId = (definition: TableDefinition): string => {
  const found = ofType('AWS::DynamoDB::Table').find(
    ([, table]) =>
      JSON.stringify(table.Properties.KeySchema) ===
      JSON.stringify([
        { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
        ...(definition.sortKey ? [{ AttributeName: definition.sortKey.name, KeyType: 'RANGE' }] : []),
      ]),
  );
  if (!found) throw new Error(`No table with the keys of ${definition.key}`);
  return found[0];
};

describe('the stack as a whole', () => {
  it('keeps each capability in a nested stack, every stack within CloudFormation’s 500 resources', () => {
    // ~4 resources a function in its capability's stack (function, role, policy, log group), 3 a route in this one
    // (integration, route, permission).
    for (const [path, count] of Object.entries(counts)) expect(count, path).toBeLessThanOrEqual(500);
    const functionsByStack = Object.groupBy(Object.values(stack.functions), (fn) => Stack.of(fn).node.path);
    expect(functionsByStack.Greenline).toBeUndefined();
    for (const path of Object.keys(functionsByStack)) expect(counts).toHaveProperty([path]);
  });

  it('has one X-Ray policy shared by every function', () => {
    const tracing = ofType('AWS::IAM::ManagedPolicy').filter(([, policy]) =>
      JSON.stringify(policy.Properties.PolicyDocument).includes('xray:PutTraceSegments'),
    );
    expect(tracing).toHaveLength(1);
    for (const [, fn] of greenlineFunctions()) {
      const role = resources[fn.Properties.Role['Fn::GetAtt'][0]];
      expect(role?.Properties.ManagedPolicyArns).toContainEqual({ Ref: tracing[0]?.[0] });
    }
  });
});

describe('data store', () => {
  it.each(Object.values(tables))('table $key has the keys, indexes and TTL of resources.ts', (definition) => {
    const table = resources[tableId(definition)];

    expect(table?.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      ...(definition.timeToLiveAttribute && {
        TimeToLiveSpecification: { AttributeName: definition.timeToLiveAttribute, Enabled: true },
      }),
    });
    const indexes = (table?.Properties.GlobalSecondaryIndexes ?? []) as Array<Record<string, unknown>>;
    expect(indexes.map((index) => index.IndexName)).toEqual(definition.indexes.map((index) => index.name));
    for (const index of indexes) expect(index.Projection).toEqual({ ProjectionType: 'ALL' });
  });

  it('protects every table: PITR, deletion protection, encryption, retained on stack deletion', () => {
    const all = ofType('AWS::DynamoDB::Table');

    expect(all).toHaveLength(Object.keys(tables).length);
    for (const [, table] of all) {
      expect(table.Properties).toMatchObject({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      });
      expect(table.DeletionPolicy).toBe('Retain');
    }
  });
});

describe('queues', () => {
  const queueIdByArn = (arn: unknown): string => (arn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const sourceQueues = () => ofType('AWS::SQS::Queue').filter(([, queue]) => queue.Properties.RedrivePolicy);

  it.each(Object.values(queues))('queue $key redrives to a DLQ after maxReceiveCount receives', (definition) => {
    // By its logical id: two queues may well share their figures (exports and reconciliations do).
    const [, queue] = sourceQueues().find(([id]) => id === queueId(definition.key)) ?? [];

    expect(queue?.Properties).toMatchObject({
      RedrivePolicy: { maxReceiveCount: definition.maxReceiveCount, deadLetterTargetArn: expect.anything() },
      VisibilityTimeout: definition.visibilityTimeoutSeconds,
      MessageRetentionPeriod: definition.retentionDays * 86_400,
    });
  });

  it.each(Object.values(queues))('queue $key feeds its consumer, which reports batch item failures', (definition) => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId(definition.consumer) },
      BatchSize: definition.batchSize,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('caps send-notice at 2 concurrent invocations, so a burst of notices cannot outrun SES’s sending rate', () => {
    // 2 is the least AWS allows; see noticeConsumerConcurrency for why no more.
    expect(noticeConsumerConcurrency).toBe(2);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: functionId('send-notice') },
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });

  it('every event source mapping reports batch item failures', () => {
    for (const [, mapping] of ofType('AWS::Lambda::EventSourceMapping')) {
      expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    }
  });

  it('every dead-letter queue, of queues and of schedules, has an alarm on its first message with an action', () => {
    const deadLetterIds = new Set([
      ...sourceQueues().map(([, queue]) => queueIdByArn(queue.Properties.RedrivePolicy.deadLetterTargetArn)),
      ...ofType('AWS::Scheduler::Schedule').map(([, schedule]) =>
        queueIdByArn(schedule.Properties.Target.DeadLetterConfig.Arn),
      ),
    ]);
    expect(deadLetterIds.size).toBeGreaterThanOrEqual(Object.keys(queues).length + 1);

    for (const id of deadLetterIds) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: getAtt(id, 'QueueName') }],
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Threshold: 1,
        AlarmActions: Match.arrayWith([{ Ref: Match.stringLikeRegexp('AlarmsTopic') }]),
      });
    }
  });

  it('encrypts every queue and refuses requests without TLS', () => {
    for (const [id, queue] of ofType('AWS::SQS::Queue')) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('the alarm topic is encrypted and refuses publishers without TLS', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('HTTP API', () => {
  const deployedRoutes = () => ofType('AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties);

  it.each(routes.map((route) => ({ ...route, key: routeKey(route) })))(
    '$key is deployed with authorization $auth, integrated with $function',
    (route: RouteDefinition & { key: string }) => {
      const deployed = deployedRoutes().find((candidate) => candidate.RouteKey === route.key);

      expect(deployed?.AuthorizationType).toBe(route.auth === 'public' ? 'NONE' : 'JWT');
      const integrationId = deployed?.Target['Fn::Join'][1][1].Ref;
      expect(resources[integrationId]?.Properties.IntegrationUri).toEqual(getAtt(functionId(route.function)));
    },
  );

  it('throttles each public route on its own', () => {
    const stage = ofType('AWS::ApiGatewayV2::Stage')[0]?.[1] as Resource;
    const publicKeys = routes.filter((route) => route.auth === 'public').map(routeKey);
    expect(Object.keys(stage.Properties.RouteSettings).sort()).toEqual(publicKeys.sort());
    for (const key of publicKeys) {
      expect(stage.Properties.RouteSettings[key]).toEqual({ ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 });
    }
  });

  it('answers no cross-origin browser by default: the console calls it on its own origin, through /v1/*', () => {
    const api = ofType('AWS::ApiGatewayV2::Api')[0]?.[1] as Resource;

    expect(api.Properties.CorsConfiguration).toBeUndefined();
  });

  it('answers CORS preflights from exactly the public base URL’s origin when one is given', () => {
    const stack = new GreenlineStack(new App({ context: noBundling }), 'Greenline', {
      stage,
      mailFrom,
      publicBaseUrl: 'https://greenline.example.cn/',
    });

    flatTemplate(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['https://greenline.example.cn'],
        AllowHeaders: Match.arrayWith(['authorization', 'content-type', 'idempotency-key', 'x-tracking-secret']),
      }),
    });
  });

  it('deploys exactly the routes of the route table, and none under /local', () => {
    const keys = deployedRoutes().map((route) => route.RouteKey as string);

    expect(keys.sort()).toEqual(routes.map(routeKey).sort());
    expect(keys.filter((key) => / \/local(\/|$)/.test(key))).toEqual([]);
  });

  it('refuses to deploy a /local route', () => {
    const stack = new Stack(new App({ context: noBundling }), 'Local');
    const fn = new GreenlineFunction(stack, 'Health', {
      definition: functions.health,
      stage,
      logRetention: RetentionDays.ONE_DAY,
    });
    const localRoute: RouteDefinition = {
      method: 'POST',
      path: '/local/token',
      function: 'health',
      auth: 'public',
      summary: 'local token issuer',
    };

    expect(
      () =>
        new GreenlineApi(stack, 'Api', {
          stage,
          routes: [localRoute],
          functions: { health: fn } as Record<FunctionName, GreenlineFunction>,
          logRetention: RetentionDays.ONE_DAY,
        }),
    ).toThrow(/local-only/);
  });

  it('official routes use a JWT authorizer that accepts ID tokens of the user pool client', () => {
    const [userPoolId] = ofType('AWS::Cognito::UserPool')[0] ?? [];
    const [clientId] = ofType('AWS::Cognito::UserPoolClient')[0] ?? [];

    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: getAtt(userPoolId ?? '', 'ProviderURL'), Audience: [{ Ref: clientId }] },
    });
  });

  it('the default stage throttles and writes access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
    });
  });

  it('outputs the console URL, the API URL, user pool id and client id', () => {
    const outputs = template.toJSON().Outputs as Record<string, unknown>;

    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining(['ConsoleUrl', 'ApiUrl', 'UserPoolId', 'UserPoolClientId']),
    );
  });
});

describe('user pool', () => {
  it('has a group for every official role', () => {
    const groups = ofType('AWS::Cognito::UserPoolGroup').map(([, group]) => group.Properties.GroupName);

    expect(groups.sort()).toEqual([...officialRoles].sort());
  });

  it('is admin-only, with a strong password policy, optional MFA and the unit attribute behind custom:unit', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'OPTIONAL',
      DeletionProtection: 'ACTIVE',
      Policies: {
        PasswordPolicy: Match.objectLike({
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      Schema: Match.arrayWith([
        Match.objectLike({ Name: claimNames.unit.replace('custom:', ''), AttributeDataType: 'String' }),
      ]),
    });
  });

  it('does not let users rewrite their own unit through the client', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      WriteAttributes: [],
      GenerateSecret: Match.absent(),
    });
  });
});

describe('functions', () => {
  it('one function per definition, with its timeout and memory', () => {
    for (const definition of Object.values(functions)) {
      expect(functionProps(definition.name)).toMatchObject({
        Timeout: definition.timeoutSeconds,
        MemorySize: definition.memoryMiB,
      });
    }
    expect(greenlineFunctions()).toHaveLength(Object.keys(functions).length);
    // The one other function: BucketDeployment's handler, which uploads the console.
    expect(ofType('AWS::Lambda::Function').filter((fn) => !isGreenlineFunction(fn))).toHaveLength(1);
  });

  it('every function runs Node 24 on arm64, traced, with its own log group and the common environment', () => {
    for (const [, fn] of greenlineFunctions()) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
      const env = fn.Properties.Environment.Variables;
      expect(env).toMatchObject({ [commonEnv.serviceName]: 'greenline', NODE_OPTIONS: '--enable-source-maps' });
      expect(env[commonEnv.publicBaseUrl]).toBeDefined();
      const logGroup = resources[fn.Properties.LoggingConfig.LogGroup.Ref];
      expect(logGroup?.Properties.RetentionInDays).toBeGreaterThanOrEqual(180);
    }
  });

  it.each(Object.values(functions))('$name gets the environment and access of exactly its definition', (definition) => {
    const env = functionProps(definition.name).Environment.Variables as Record<string, unknown>;
    const actions = actionsOf(definition.name);
    const declaredTables = Object.entries(definition.tables ?? {}) as [TableKey, TableAccess][];
    const declaredQueues = Object.keys(definition.queues ?? {}) as QueueKey[];

    for (const [key] of declaredTables) expect(env[tables[key].envVar]).toBeDefined();
    for (const key of declaredQueues) expect(env[queues[key].envVar]).toBeDefined();
    for (const [key, access] of declaredTables) {
      const onTable = statementsOf(definition.name)
        .filter((statement) => JSON.stringify(statement.Resource).includes(tableId(tables[key])))
        .flatMap((statement) => [statement.Action].flat());
      expect([...new Set(onTable)].sort(), key).toEqual(tableActions(access).map((action) => `dynamodb:${action}`));
    }
    const undeclared = (Object.keys(tables) as TableKey[]).filter((key) => !definition.tables?.[key]);
    for (const key of undeclared) {
      expect(JSON.stringify(statementsOf(definition.name)), key).not.toContain(tableId(tables[key]));
    }
    expect(actions.includes('sqs:SendMessage')).toBe(declaredQueues.length > 0);
    for (const key of Object.keys(queues) as QueueKey[]) {
      const onQueue = statementsOf(definition.name)
        .filter((statement) => JSON.stringify(statement.Resource).includes(queueId(key)))
        .flatMap((statement) => [statement.Action].flat());
      expect(onQueue.includes('sqs:SendMessage'), key).toBe(declaredQueues.includes(key));
    }
    expect(actions.some((action) => action.startsWith('ses:'))).toBe(definition.mail === 'send');
    expect(env[commonEnv.mailFrom] !== undefined).toBe(definition.mail === 'send');
  });

  it('least privilege: get-case cannot send to queues, health cannot touch DynamoDB', () => {
    expect(actionsOf('get-case')).not.toContain('sqs:SendMessage');
    expect(actionsOf('health').filter((action) => action.startsWith('dynamodb:'))).toEqual([]);
  });

  it.each([
    'get-ledger',
    'get-time-limit-policies',
    'get-calendar-year',
    'get-openapi',
    'health',
    'get-me',
    'list-units',
    'list-users',
  ] as const)('%s only shows data: no write action at all', (name) => {
    const writes = actionsOf(name).filter((action) =>
      /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)$|^sqs:SendMessage|^ses:|^s3:Put/.test(action),
    );
    expect(writes).toEqual([]);
  });

  it('a reader that records who read gets that one write action, not read-write', () => {
    const writes = actionsOf('get-case').filter((action) => /^dynamodb:(Put|Update|Delete|BatchWrite)/.test(action));
    expect(writes).toEqual(['dynamodb:PutItem']);
  });

  it('links emails to the console’s distribution by default', () => {
    const [distributionId] = ofType('AWS::CloudFront::Distribution')[0] ?? [];

    for (const [, fn] of greenlineFunctions()) {
      expect(fn.Properties.Environment.Variables[commonEnv.publicBaseUrl]).toEqual({
        'Fn::Join': ['', ['https://', getAtt(distributionId ?? '', 'DomainName')]],
      });
    }
  });

  it('links emails to the public base URL when one is given', () => {
    const app = new App({ context: noBundling });
    const publicBaseUrl = 'https://greenline.example.cn/';
    const stack = new GreenlineStack(app, 'Greenline', { stage, mailFrom, publicBaseUrl });
    const all = Object.values(flatTemplate(stack).findResources('AWS::Lambda::Function')) as Resource[];

    for (const fn of all.filter((candidate) => candidate.Properties.FunctionName)) {
      expect(fn.Properties.Environment.Variables[commonEnv.publicBaseUrl]).toBe(publicBaseUrl);
    }
  });

  it('uses no AWS managed policies (only the stack’s own X-Ray policy)', () => {
    const own = new Set(ofType('AWS::IAM::ManagedPolicy').map(([id]) => id));
    for (const [, role] of ofType('AWS::IAM::Role')) {
      for (const arn of role.Properties.ManagedPolicyArns ?? []) expect(own.has(arn.Ref)).toBe(true);
    }
  });
});

describe('schedules', () => {
  it.each(Object.values(schedules))('$name invokes $target with a ScheduledInvocation', (definition) => {
    const [, schedule] =
      ofType('AWS::Scheduler::Schedule').find(
        ([, candidate]) => candidate.Properties.Target.Arn['Fn::GetAtt'][0] === functionId(definition.target),
      ) ?? [];

    expect(schedule?.Properties).toMatchObject({
      ScheduleExpression: definition.expression,
      ScheduleExpressionTimezone: definition.timezone,
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: { RetryPolicy: expect.any(Object), DeadLetterConfig: { Arn: expect.any(Object) } },
    });
    expect(JSON.parse(schedule?.Properties.Target.Input)).toEqual({
      schedule: definition.name,
      scheduledTime: '<aws.scheduler.scheduled-time>',
    });
  });

  it('the nightly check runs at 01:00 Beijing time and targets sweep-deadlines', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 1 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: Match.objectLike({ Arn: getAtt(functionId('sweep-deadlines')) }),
    });
  });
});

describe('mail', () => {
  it('verifies the sender domain and sends through a configuration set', () => {
    const [configurationSetId] = ofType('AWS::SES::ConfigurationSet')[0] ?? [];

    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'greenline.example.cn',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configurationSetId } },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: configurationSetId },
    });
  });

  it('send-notice may send only from the configured address, through that identity and set', () => {
    const ses = statementsOf('send-notice').filter((statement) => [statement.Action].flat().includes('ses:SendEmail'));

    expect(ses).toHaveLength(1);
    expect(ses[0]?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': mailFrom } });
    expect(JSON.stringify(ses[0]?.Resource)).toMatch(/:identity\/.*:configuration-set\//);
  });

  it('rejects a sender that is not an email address', () => {
    const stack = new Stack(new App(), 'Mail');

    expect(() => new Mail(stack, 'Mail', { mailFrom: 'greenline.example.cn' })).toThrow(/email address/);
  });
});

describe('alarms', () => {
  it('subscribes the alarm email when one is given', () => {
    const stack = new Stack(new App(), 'Alarms');
    new Alarms(stack, 'Alarms', { email: 'ops@greenline.example.cn' });

    flatTemplate(stack).hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@greenline.example.cn',
    });
  });
});
