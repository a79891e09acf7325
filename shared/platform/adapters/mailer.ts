import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mailFrom, sesConfigurationSet } from '#platform/config.ts';
import { EmailSendError } from './errors.ts';

export interface Email {
  /** One recipient per message: each send is recorded and retried on its own. */
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

let client: SESv2Client | undefined;
const ses = () => {
  client ??= new SESv2Client({});
  return client;
};

export const sendEmail = async (email: Email): Promise<string> => {
  const configurationSet = sesConfigurationSet();
  try {
    const result = await ses().send(
      new SendEmailCommand({
        FromEmailAddress: mailFrom(),
        Destination: { ToAddresses: [email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' } },
          },
        },
        ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
      }),
    );
    return result.MessageId ?? '';
  } catch (error) {
    throw new EmailSendError(`邮件未能发送给 ${email.to}`, { cause: error });
  }
};
