import { CfnOutput, NestedStack, Stack, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { buckets } from '#platform/catalog/buckets.ts';
import type { FunctionName } from '#platform/catalog/catalog.ts';
import { commonEnv } from '#platform/catalog/definitions.ts';
import { routes } from '#platform/http/routes.ts';
import { Campaigns } from './constructs/campaigns.ts';
import { CaseWorkflow } from './constructs/cases.ts';
import { DeadlineSchedule } from './constructs/deadlines.ts';
import { Directory } from './constructs/directory.ts';
import { Enterprises } from './constructs/enterprises.ts';
import { Grading } from './constructs/grading.ts';
import { Inspections } from './constructs/inspections.ts';
import { Intake } from './constructs/intake.ts';
import { Ledger } from './constructs/ledger.ts';
import { NoticeFanOut } from './constructs/notices.ts';
import { Alarms } from './constructs/platform/alarms.ts';
import { GreenlineApi } from './constructs/platform/api.ts';
import { AttachmentStore } from './constructs/platform/attachment-store.ts';
import type { CapabilityProps } from './constructs/platform/capability.ts';
import { DataStore } from './constructs/platform/data-store.ts';
import { EventQueues } from './constructs/platform/event-queues.ts';
import type { GreenlineFunction } from './constructs/platform/greenline-function.ts';
import { Mail } from './constructs/platform/mail.ts';
import { ScheduleDeadLetters } from './constructs/platform/schedules.ts';
import { PlatformEndpoints } from './constructs/platform.ts';
import { Rectification } from './constructs/rectification.ts';
import { Statistics } from './constructs/statistics.ts';
import { Surveys } from './constructs/surveys.ts';
import { WebConsole } from './constructs/web-console.ts';

export interface GreenlineStackProps extends StackProps {
  /** `dev`, `prod` …: part of the names of functions, the user pool and the API. */
  readonly stage: string;
  /** Sender address of notices; its domain becomes the SES identity. */
  readonly mailFrom: string;
  /**
   * Base URL of the pages emails link to, when the console is reached at another origin than its distribution (a
   * bureau domain in front of it): that origin may then sign in and upload too. The distribution's URL when not given.
   */
  readonly publicBaseUrl?: string;
  /** Subscribed to the alarm topic when given. */
  readonly alarmEmail?: string;
}

/**
 * `greenline-<stage>-attachments-<account>-<region>`: unique in S3 (the account and region), and within its 63
 * characters for stages of up to 13.
 */
const attachmentsBucketName = (stack: Stack, stage: string): string => {
  if (!/^[a-z0-9][a-z0-9-]{0,12}$/.test(stage)) {
    throw new Error(`Stage "${stage}" must be 1–13 lower-case letters, digits or hyphens: it names an S3 bucket`);
  }
  return `greenline-${stage}-attachments-${stack.account}-${stack.region}`;
};

/** China's Cybersecurity Law (art. 21) asks operators to keep network logs for at least six months. */
const logRetention = RetentionDays.SIX_MONTHS;

/**
 * Greenline: the platform's shared resources (`infra/constructs/platform/`), then one construct per capability
 * (`infra/constructs/<capability>.ts`, built from `shared/<capability>/resources.ts`), each with its own functions,
 * schedules and queues, every function connected to the tables, queues and mail it declares; and the one HTTP API over
 * the functions of every capability.
 *
 * Each capability sits in a nested stack of its own (`<Capability>Stack`): a function costs about four CloudFormation
 * resources (function, role, policy, log group) and CloudFormation holds 500 a stack, which twelve capabilities in one
 * stack had reached. The shared resources, the API with its routes and the console stay in this stack; CDK passes what
 * a capability uses (table names, queue URLs …) in as parameters and the functions' ARNs the routes name out as
 * outputs.
 */
export class GreenlineStack extends Stack {
  readonly dataStore: DataStore;
  readonly mail: Mail;
  readonly attachments: AttachmentStore;
  readonly alarms: Alarms;
  readonly scheduleDeadLetters: ScheduleDeadLetters;
  readonly platform: PlatformEndpoints;
  readonly eventQueues: EventQueues;
  readonly notices: NoticeFanOut;
  readonly surveys: Surveys;
  readonly statistics: Statistics;
  readonly campaigns: Campaigns;
  readonly rectification: Rectification;
  readonly inspections: Inspections;
  readonly cases: CaseWorkflow;
  readonly intake: Intake;
  readonly deadlines: DeadlineSchedule;
  readonly ledger: Ledger;
  readonly directory: Directory;
  readonly enterprises: Enterprises;
  readonly grading: Grading;
  /** Every capability's functions by name, as the API's routes name them. */
  readonly functions: Readonly<Record<FunctionName, GreenlineFunction>>;
  readonly api: GreenlineApi;
  readonly webConsole: WebConsole;

  /** A nested stack for one capability's construct. */
  private capabilityStack(capability: string): NestedStack {
    return new NestedStack(this, `${capability}Stack`, { description: `Greenline ${capability}` });
  }

  constructor(scope: Construct, id: string, props: GreenlineStackProps) {
    super(scope, id, props);
    const { stage } = props;

    this.dataStore = new DataStore(this, 'DataStore');
    this.mail = new Mail(this, 'Mail', { mailFrom: props.mailFrom });
    const publicOrigin = props.publicBaseUrl ? new URL(props.publicBaseUrl).origin : undefined;
    this.attachments = new AttachmentStore(this, 'Attachments', {
      definition: buckets.attachments,
      // Named, so the console's content security policy can name its origin without a reference back (WebConsole).
      bucketName: attachmentsBucketName(this, stage),
    });
    this.alarms = new Alarms(this, 'Alarms', { email: props.alarmEmail });
    this.scheduleDeadLetters = new ScheduleDeadLetters(this, 'ScheduleDeadLetters', { alarms: this.alarms });
    const shared = { tables: this.dataStore.tables, mail: this.mail, buckets: { attachments: this.attachments } };

    // The queues come first: any capability may send to any of them.
    this.eventQueues = new EventQueues(this, 'Queues', { alarms: this.alarms });
    const capability: CapabilityProps = {
      stage,
      logRetention,
      connections: { ...shared, queues: this.eventQueues.queues },
    };
    this.notices = new NoticeFanOut(this.capabilityStack('Notices'), 'Notices', {
      ...capability,
      queues: this.eventQueues,
    });
    const scheduleDeadLetters = this.scheduleDeadLetters;

    this.platform = new PlatformEndpoints(this.capabilityStack('Platform'), 'Platform', capability);
    this.cases = new CaseWorkflow(this.capabilityStack('Cases'), 'Cases', { ...capability, scheduleDeadLetters });
    this.intake = new Intake(this.capabilityStack('Intake'), 'Intake', capability);
    this.deadlines = new DeadlineSchedule(this.capabilityStack('Deadlines'), 'Deadlines', {
      ...capability,
      scheduleDeadLetters,
    });
    this.ledger = new Ledger(this.capabilityStack('Ledger'), 'Ledger', capability);
    this.directory = new Directory(this.capabilityStack('Directory'), 'Directory', capability);
    this.surveys = new Surveys(this.capabilityStack('Surveys'), 'Surveys', {
      ...capability,
      queues: this.eventQueues,
      scheduleDeadLetters,
    });
    this.statistics = new Statistics(this.capabilityStack('Statistics'), 'Statistics', capability);
    this.campaigns = new Campaigns(this.capabilityStack('Campaigns'), 'Campaigns', capability);
    this.rectification = new Rectification(this.capabilityStack('Rectification'), 'Rectification', capability);
    this.inspections = new Inspections(this.capabilityStack('Inspections'), 'Inspections', capability);
    this.enterprises = new Enterprises(this.capabilityStack('Enterprises'), 'Enterprises', capability);
    this.grading = new Grading(this.capabilityStack('Grading'), 'Grading', { ...capability, scheduleDeadLetters });

    // The type demands every function of the catalog: a capability left out of the stack fails to compile.
    this.functions = {
      ...this.platform.functions,
      ...this.cases.functions,
      ...this.intake.functions,
      ...this.deadlines.functions,
      ...this.ledger.functions,
      ...this.directory.functions,
      ...this.notices.functions,
      ...this.surveys.functions,
      ...this.statistics.functions,
      ...this.campaigns.functions,
      ...this.rectification.functions,
      ...this.inspections.functions,
      ...this.enterprises.functions,
      ...this.grading.functions,
    };
    this.api = new GreenlineApi(this, 'Api', {
      stage,
      routes,
      functions: this.functions,
      logRetention,
      // The console calls the API on its own origin (the distribution's /v1/*): cross-origin only from a bureau domain.
      ...(publicOrigin ? { allowedOrigins: [publicOrigin] } : {}),
    });
    this.webConsole = new WebConsole(this, 'Console', {
      stage,
      api: this.api,
      attachments: this.attachments,
      logRetention,
      ...(publicOrigin ? { otherOrigins: [publicOrigin] } : {}),
    });

    const publicBaseUrl = props.publicBaseUrl ?? this.webConsole.origin;
    for (const fn of Object.values(this.functions)) fn.addEnvironment(commonEnv.publicBaseUrl, publicBaseUrl);

    new CfnOutput(this, 'ConsoleUrl', {
      value: `${this.webConsole.origin}/`,
      description: 'The web console: public pages, and /console for officials (the API is under /v1 here too)',
    });
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
