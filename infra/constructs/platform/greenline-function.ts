import { resolve } from 'node:path';
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { bundleRuntimeEnvironment, nodejsFunctionBundling, repoRoot } from '#infra/bundling.ts';
import { buckets as bucketDefinitions } from '#platform/catalog/buckets.ts';
import { queues as queueDefinitions } from '#platform/catalog/catalog.ts';
import {
  type BucketAccess,
  type BucketKey,
  commonEnv,
  type FunctionDefinition,
  functionEntry,
  type QueueKey,
  type TableAccess,
  type TableKey,
  tableActions,
} from '#platform/catalog/definitions.ts';
import { tables as tableDefinitions } from '#platform/catalog/tables.ts';
import type { AttachmentStore } from './attachment-store.ts';
import type { Mail } from './mail.ts';

/** What a function may be connected to; `connect` picks the parts its definition names. */
export interface FunctionConnections {
  readonly tables: Readonly<Record<TableKey, ITable>>;
  readonly queues: Readonly<Record<QueueKey, IQueue>>;
  readonly mail: Mail;
  readonly buckets: Readonly<Record<BucketKey, AttachmentStore>>;
}

export interface GreenlineFunctionProps {
  readonly definition: FunctionDefinition;
  /** Deployment stage, part of the function's name (`greenline-<stage>-<name>`). */
  readonly stage: string;
  readonly logRetention: RetentionDays;
}

/**
 * The base of every Greenline Lambda: Node 24 on arm64, an ESM bundle built by the local esbuild with the options of
 * infra/bundling.ts (minified, with source maps, the AWS SDK bundled in, text in UTF-8), its own log group, X-Ray
 * tracing, the Powertools environment and a role that starts with nothing but writing to that log group. Tables,
 * queues and mail are added with {@link connect}, which sets the environment variable and grants access in the same
 * call.
 */
export class GreenlineFunction extends Construct {
  readonly definition: FunctionDefinition;
  readonly lambda: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: GreenlineFunctionProps) {
    super(scope, id);
    const { definition } = props;
    this.definition = definition;
    const functionName = `greenline-${props.stage}-${definition.name}`;

    this.logGroup = new LogGroup(this, 'LogGroup', { retention: props.logRetention });
    // An explicit role instead of AWSLambdaBasicExecutionRole: it may write to its own log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${functionName}`,
    });
    this.logGroup.grantWrite(this.role);

    this.lambda = new NodejsFunction(this, 'Function', {
      functionName,
      description: definition.description,
      entry: resolve(repoRoot, functionEntry(definition)),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: resolve(repoRoot, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      timeout: Duration.seconds(definition.timeoutSeconds),
      memorySize: definition.memoryMiB,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        [commonEnv.serviceName]: 'greenline',
        ...bundleRuntimeEnvironment,
      },
      bundling: nodejsFunctionBundling,
    });

    this.enableTracing();
  }

  /**
   * Active X-Ray tracing, with its permissions in a policy of their own rather than `tracing: Tracing.ACTIVE`: the
   * X-Ray actions take no resource but `*`, and keeping them apart lets that one finding be acknowledged without
   * hiding a future wildcard in the role's default policy. One managed policy in the root stack, attached to every
   * role in every capability's nested stack: a policy per function cost one CloudFormation resource each.
   */
  private enableTracing(): void {
    (this.lambda.node.defaultChild as CfnFunction).tracingConfig = { mode: 'Active' };
    const tracing = tracingPolicyOf(rootStackOf(this));
    this.role.addManagedPolicy(tracing);
    this.lambda.node.addDependency(tracing);
  }

  addEnvironment(name: string, value: string): void {
    this.lambda.addEnvironment(name, value);
  }

  /**
   * Grants and configures in one call exactly what the definition declares (Powertools' `bindTable`): each table's
   * name in its environment variable with only the DynamoDB actions its access names, on the table and each of its
   * indexes by name (not `<table ARN>/index/*`, which `ITable.grant` gives), each queue's URL with permission
   * to send, and, for a mailing function, the sender address and configuration set with `ses:SendEmail` limited to
   * that identity and set; each bucket's name with the access the definition names for it (see
   * {@link AttachmentStore.grant}).
   */
  connect(connections: FunctionConnections): void {
    for (const [key, access] of Object.entries(this.definition.tables ?? {}) as [TableKey, TableAccess][]) {
      const table = connections.tables[key];
      this.addEnvironment(tableDefinitions[key].envVar, table.tableName);
      this.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: tableActions(access).map((action) => `dynamodb:${action}`),
          resources: [
            table.tableArn,
            ...tableDefinitions[key].indexes.map((index) => `${table.tableArn}/index/${index.name}`),
          ],
        }),
      );
    }
    for (const key of Object.keys(this.definition.queues ?? {}) as QueueKey[]) {
      const queue = connections.queues[key];
      this.addEnvironment(queueDefinitions[key].envVar, queue.queueUrl);
      queue.grantSendMessages(this.lambda);
    }
    if (this.definition.mail === 'send') {
      const { mail } = connections;
      this.addEnvironment(commonEnv.mailFrom, mail.mailFrom);
      this.addEnvironment(commonEnv.sesConfigurationSet, mail.configurationSet.configurationSetName);
      mail.grantSend(this.lambda);
    }
    for (const [key, access] of Object.entries(this.definition.buckets ?? {}) as [BucketKey, BucketAccess][]) {
      const store = connections.buckets[key];
      this.addEnvironment(bucketDefinitions[key].envVar, store.bucket.bucketName);
      store.grant(this.role, access);
    }
  }
}

/** The stack that holds `scope`, or the stack above it when that is a nested stack. */
const rootStackOf = (scope: Construct): Stack => {
  let stack = Stack.of(scope);
  while (stack.nestedStackParent) stack = stack.nestedStackParent;
  return stack;
};

/** The app stack's one X-Ray policy (see `enableTracing`), made by the first function that needs it. */
const tracingPolicyOf = (stack: Stack): ManagedPolicy => {
  const id = 'XRayTracingPolicy';
  const existing = stack.node.tryFindChild(id);
  if (existing instanceof ManagedPolicy) return existing;
  const policy = new ManagedPolicy(stack, id, {
    description: 'X-Ray tracing of every Greenline function',
    statements: [
      new PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }),
    ],
  });
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions; this policy holds only them.',
  });
  return policy;
};
