import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { type StandIns, startStandIns } from '../../local/stand-ins.ts';

export interface LocalAws extends StandIns {
  readonly prefix: string;
}

/**
 * Real stand-ins for one test file: fauxqs and the SES stand-in on free ports, and tables and queues under a prefix of
 * its own in the shared DynamoDB Local, so files run in parallel. Sets process.env for the functions under test: import
 * them after this resolves.
 */
export const startLocalAws = async (extraEnv: Record<string, string> = {}): Promise<LocalAws> => {
  const prefix = `t${randomBytes(4).toString('hex')}`;
  const standIns = await startStandIns({
    dynamodbEndpoint: inject('dynamodbEndpoint'),
    sqsPort: 0,
    sesPort: 0,
    naming: {
      table: (key) => `${prefix}-${key}`,
      queue: (key) => `${prefix}-${key}`,
      deadLetterQueue: (key) => `${prefix}-${key}-dlq`,
    },
    extraEnv: { PUBLIC_BASE_URL: 'http://127.0.0.1:3000', ...extraEnv },
  });
  Object.assign(process.env, standIns.env);
  return { ...standIns, prefix };
};

export interface StoredEmail {
  readonly from: string;
  readonly destination: { to: string[]; cc: string[]; bcc: string[] };
  readonly subject: string;
  readonly body: { text?: string; html?: string };
  readonly at: number;
}

/** The emails the SES stand-in holds (`GET /store`). */
export const storedEmails = async (sesEndpoint: string): Promise<StoredEmail[]> => {
  const response = await fetch(`${sesEndpoint}/store`);
  const store = (await response.json()) as { emails: StoredEmail[] };
  return store.emails;
};
