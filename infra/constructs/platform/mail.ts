import { Stack } from 'aws-cdk-lib';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import {
  CloudWatchDimensionSource,
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailProps {
  /** The sender address, e.g. `noreply@greenline.example.cn`; its domain becomes the SES identity. */
  readonly mailFrom: string;
}

/**
 * Outgoing mail: the SES domain identity of the sender address (Easy DKIM) and a configuration set that requires TLS,
 * keeps reputation metrics, suppresses bounced and complaining addresses and counts sending events in CloudWatch.
 */
export class Mail extends Construct {
  readonly mailFrom: string;
  readonly domain: string;
  readonly identity: EmailIdentity;
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    const domain = /^[^@\s]+@([^@\s]+\.[^@\s]+)$/.exec(props.mailFrom)?.[1];
    if (!domain) throw new Error(`greenline:mailFrom must be an email address, got "${props.mailFrom}"`);
    this.mailFrom = props.mailFrom;
    this.domain = domain;

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      // Notices carry case details: never hand them to a receiving server in clear text.
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('CloudWatch', {
      destination: EventDestination.cloudWatchDimensions([
        { name: 'notice', source: CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: 'notice' },
      ]),
      events: [
        EmailSendingEvent.SEND,
        EmailSendingEvent.REJECT,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.DELIVERY_DELAY,
        EmailSendingEvent.RENDERING_FAILURE,
      ],
    });

    this.identity = new EmailIdentity(this, 'Identity', {
      identity: Identity.domain(domain),
      configurationSet: this.configurationSet,
    });
  }

  get configurationSetArn(): string {
    return Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }

  /** `ses:SendEmail` (SES v2) through this identity and configuration set, from the configured sender only. */
  grantSend(grantee: IGrantable): Grant {
    return Grant.addToPrincipal({
      grantee,
      actions: ['ses:SendEmail'],
      resourceArns: [this.identity.emailIdentityArn, this.configurationSetArn],
      conditions: { StringEquals: { 'ses:FromAddress': this.mailFrom } },
    });
  }
}
