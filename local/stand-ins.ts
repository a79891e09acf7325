import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import sesModule from 'aws-ses-v2-local';
import { type FauxqsServer, interceptLocalhostDns, startFauxqs } from 'fauxqs';
import { localRegion } from './aws-account.ts';
import { type Naming, type Provisioned, provision } from './provision.ts';

// aws-ses-v2-local is CommonJS with `exports.default`: Node's ESM interop hands over the exports object, Vite's
// interop the function itself.
type SesServer = typeof sesModule.default;
const sesExports = sesModule as unknown as SesServer | { default: SesServer };
const sesServer: SesServer = typeof sesExports === 'function' ? sesExports : sesExports.default;
const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Environment that makes the AWS SDK talk to the stand-ins and never look for real credentials. S3 is fauxqs too, with
 * path-style URLs: a presigned URL then reads `http://127.0.0.1:<port>/<bucket>/<key>`, which curl or a browser on
 * this machine reaches (`<bucket>.s3.localhost` resolves only inside this process: `interceptLocalhostDns` below).
 */
export const awsLocalEnv = (endpoints: {
  dynamodb: string;
  sqs: string;
  ses: string;
  s3: string;
}): Record<string, string> => ({
  AWS_REGION: localRegion,
  AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
  AWS_ENDPOINT_URL_SQS: endpoints.sqs,
  AWS_ENDPOINT_URL_SESV2: endpoints.ses,
  AWS_ENDPOINT_URL_S3: endpoints.s3,
  S3_FORCE_PATH_STYLE: 'true',
});

export interface StandIns {
  readonly fauxqs: FauxqsServer;
  readonly sqsEndpoint: string;
  readonly sesEndpoint: string;
  /** fauxqs again: it serves SQS and S3 on one port. */
  readonly s3Endpoint: string;
  readonly provisioned: Provisioned;
  /** Every variable a function needs to run against the stand-ins. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts fauxqs (SQS and S3) and the SES stand-in next to an already running DynamoDB Local, and creates the tables,
 * queues and buckets of the resource catalog (`shared/platform/catalog/`) in them. Ports 0 pick free ports (tests); `dataDir` keeps the queues and
 * stored objects across restarts.
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
  const s3Endpoint = sqsEndpoint;
  const s3 = new S3Client({
    endpoint: s3Endpoint,
    region: localRegion,
    credentials: localCredentials,
    forcePathStyle: true,
  });
  const provisioned = await provision({ dynamodb, sqs, s3 }, options.naming);
  dynamodb.destroy();
  sqs.destroy();
  s3.destroy();

  const env = {
    ...awsLocalEnv({ dynamodb: options.dynamodbEndpoint, sqs: sqsEndpoint, ses: sesEndpoint, s3: s3Endpoint }),
    POWERTOOLS_SERVICE_NAME: 'greenline',
    POWERTOOLS_DEV: 'false',
    // Metrics are embedded in logs for CloudWatch; on one machine they would only be noise.
    POWERTOOLS_METRICS_DISABLED: 'true',
    MAIL_FROM: 'noreply@greenline.local',
    ...provisioned.env,
    ...options.extraEnv,
  };

  return {
    fauxqs,
    sqsEndpoint,
    sesEndpoint,
    s3Endpoint,
    provisioned,
    env,
    stop: async () => {
      await fauxqs.stop();
      await new Promise<void>((resolve) => ses.close(() => resolve()));
    },
  };
};
