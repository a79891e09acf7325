import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { buckets } from '#platform/catalog/buckets.ts';
import { type FunctionName, functions } from '#platform/catalog/catalog.ts';
import { commonEnv } from '#platform/catalog/definitions.ts';
import { routes } from '#platform/http/routes.ts';
import { Alarms } from './constructs/alarms.ts';
import { IntakeApi } from './constructs/api.ts';
import { AttachmentStore } from './constructs/attachment-store.ts';
import { DataStore } from './constructs/data-store.ts';
import { GreenlineFunction } from './constructs/greenline-function.ts';
import { Mail } from './constructs/mail.ts';
import { pascalCase } from './constructs/naming.ts';
import { Queues } from './constructs/queues.ts';
import { DeadlineSchedules } from './constructs/schedules.ts';

export interface GreenlineStackProps extends StackProps {
  /** `dev`, `prod` …: part of the names of functions, the user pool and the API. */
  readonly stage: string;
  /** Sender address of notices; its domain becomes the SES identity. */
  readonly mailFrom: string;
  /** Base URL of the pages emails link to; the API's URL when not given. */
  readonly publicBaseUrl?: string;
  /** Subscribed to the alarm topic when given. */
  readonly alarmEmail?: string;
}

/** China's Cybersecurity Law (art. 21) asks operators to keep network logs for at least six months. */
const logRetention = RetentionDays.SIX_MONTHS;

/**
 * Greenline in one stack, built from the resource catalog (`shared/platform/catalog/`) and the route table: every function definition becomes a
 * function, connected to the tables, queues and mail its definition names; API functions get routes, queue consumers
 * event sources and schedule targets schedules.
 */
export class GreenlineStack extends Stack {
  readonly dataStore: DataStore;
  readonly mail: Mail;
  readonly attachments: AttachmentStore;
  readonly alarms: Alarms;
  readonly functions: Readonly<Record<FunctionName, GreenlineFunction>>;
  readonly queues: Queues;
  readonly api: IntakeApi;
  readonly schedules: DeadlineSchedules;

  constructor(scope: Construct, id: string, props: GreenlineStackProps) {
    super(scope, id, props);
    const { stage } = props;

    this.dataStore = new DataStore(this, 'DataStore');
    this.mail = new Mail(this, 'Mail', { mailFrom: props.mailFrom });
    this.attachments = new AttachmentStore(this, 'Attachments', {
      definition: buckets.attachments,
      ...(props.publicBaseUrl ? { allowedOrigins: [new URL(props.publicBaseUrl).origin] } : {}),
    });
    this.alarms = new Alarms(this, 'Alarms', { email: props.alarmEmail });

    const functionScope = new Construct(this, 'Functions');
    const created = {} as Record<FunctionName, GreenlineFunction>;
    for (const definition of Object.values(functions)) {
      created[definition.name] = new GreenlineFunction(functionScope, pascalCase(definition.name), {
        definition,
        stage,
        logRetention,
      });
    }
    this.functions = created;

    this.queues = new Queues(this, 'Queues', { functions: this.functions, alarms: this.alarms });
    for (const fn of Object.values(this.functions)) {
      fn.connect({
        tables: this.dataStore.tables,
        queues: this.queues.queues,
        mail: this.mail,
        buckets: { attachments: this.attachments },
      });
    }
    this.api = new IntakeApi(this, 'Api', { stage, routes, functions: this.functions, logRetention });
    this.schedules = new DeadlineSchedules(this, 'Schedules', { functions: this.functions, alarms: this.alarms });

    const publicBaseUrl = props.publicBaseUrl ?? this.api.url;
    for (const fn of Object.values(this.functions)) fn.addEnvironment(commonEnv.publicBaseUrl, publicBaseUrl);

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.api.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', {
      value: this.api.userPoolClient.userPoolClientId,
      description: 'Audience of the ID tokens the API accepts',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
    new CfnOutput(this, 'MailDomain', {
      value: this.mail.domain,
      description: 'SES identity: publish its DKIM records in DNS before sending',
    });
  }
}
