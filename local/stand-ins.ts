import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import sesModule from 'aws-ses-v2-local';
import { type FauxqsServer, interceptLocalhostDns, startFauxqs } from 'fauxqs';
import { type Naming, type Provisioned, provision } from './provision.ts';

export const localRegion = 'ap-east-1';
// aws-ses-v2-local is CommonJS with `exports.default`: Node's ESM interop hands over the exports object, Vite's
// interop the function itself.
type SesServer = typeof sesModule.default;
const sesExports = sesModule as unknown as SesServer | { default: SesServer };
const sesServer: SesServer = typeof sesExports === 'function' ? sesExports : sesExports.default;
const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** Environment that makes the AWS SDK talk to the stand-ins and never look for real credentials. */
export const awsLocalEnv = (endpoints: { dynamodb: string; sqs: string; ses: string }): Record<string, string> => ({
  AWS_REGION: localRegion,
  AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
  AWS_ENDPOINT_URL_SQS: endpoints.sqs,
  AWS_ENDPOINT_URL_SESV2: endpoints.ses,
});

export interface StandIns {
  readonly fauxqs: FauxqsServer;
  readonly sqsEndpoint: string;
  readonly sesEndpoint: string;
  readonly provisioned: Provisioned;
  /** Every variable a function needs to run against the stand-ins. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts fauxqs (SQS) and the SES stand-in next to an already running DynamoDB Local, and creates the tables and
 * queues of `infra/resources.ts` in them. Ports 0 pick free ports (tests); `dataDir` keeps the queues across restarts.
 */
export const startStandIns = async (options: {
  dynamodbEndpoint: string;
  sqsPort: number;
  sesPort: number;
  naming: Naming;
  fauxqsDataDir?: string;
  extraEnv?: Record<string, string>;
}): Promise<StandIns> => {
  // fauxqs names queues `http://sqs.<region>.localhost:<port>/…` and the SDK sends to the queue URL's host: make
  // `*.localhost` resolve to 127.0.0.1 in this process (the processes that use the stand-ins are this one).
  interceptLocalhostDns();
  const fauxqs = await startFauxqs({
    port: options.sqsPort,
    logger: false,
    defaultRegion: localRegion,
    ...(options.fauxqsDataDir ? { dataDir: options.fauxqsDataDir } : {}),
  });
  const ses = await sesServer({ port: options.sesPort, host: '127.0.0.1' });
  const sqsEndpoint = `http://127.0.0.1:${fauxqs.port}`;
  const sesEndpoint = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;

  const dynamodb = new DynamoDBClient({
    endpoint: options.dynamodbEndpoint,
    region: localRegion,
    credentials: localCredentials,
  });
  const sqs = new SQSClient({ endpoint: sqsEndpoint, region: localRegion, credentials: localCredentials });
  const provisioned = await provision({ dynamodb, sqs }, options.naming);
  dynamodb.destroy();
  sqs.destroy();

  const env = {
    ...awsLocalEnv({ dynamodb: options.dynamodbEndpoint, sqs: sqsEndpoint, ses: sesEndpoint }),
    POWERTOOLS_SERVICE_NAME: 'greenline',
    POWERTOOLS_DEV: 'false',
    MAIL_FROM: 'noreply@greenline.local',
    ...provisioned.env,
    ...options.extraEnv,
  };

  return {
    fauxqs,
    sqsEndpoint,
    sesEndpoint,
    provisioned,
    env,
    stop: async () => {
      await fauxqs.stop();
      await new Promise<void>((resolve) => ses.close(() => resolve()));
    },
  };
};
