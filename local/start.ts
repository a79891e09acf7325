/**
 * `npm start`: Greenline on one machine. Starts DynamoDB Local, fauxqs (SQS) and the SES stand-in, creates the tables
 * and queues of the resource catalog (`shared/platform/catalog/`), seeds the demo organisation, and runs the same handlers as in AWS behind a
 * local API Gateway (HTTP API, JWT authorizer), SQS pollers and a scheduler. Ctrl-C stops everything.
 *
 * Environment: PORT (3000), DYNAMODB_PORT (8000), SQS_PORT (9324), SES_PORT (8005), GREENLINE_DATA_DIR (.greenline),
 * LOG_LEVEL (WARN), LOCAL_RETRY_DELAY_SECONDS (the consumer’s timeout, 30 s for send-notice; longer only).
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SQSClient } from '@aws-sdk/client-sqs';
import { localDeadLetterQueueName, localQueueName, localTableName } from '#platform/catalog/definitions.ts';
import { createJwtAuthorizer } from './authorizer.ts';
import { localRegion } from './aws-account.ts';
import { demoUnits, demoUsers } from './demo-organisation.ts';
import { type RunningDynamoDb, startDynamoDbLocal } from './dynamodb-local.ts';
import { loadFunctionHandler } from './functions.ts';
import { createLocalRoutes, type SignInUser } from './local-routes.ts';
import { localLog } from './log.ts';
import { createObjectStoreProxy } from './object-store-proxy.ts';
import { assertPortFree } from './ports.ts';
import { type QueuePoller, queueCounts, startQueuePoller } from './queue-poller.ts';
import { createScheduler, type Scheduler } from './scheduler.ts';
import { createLocalServer, type LocalServer } from './server.ts';
import { type StandIns, startStandIns } from './stand-ins.ts';
import { loadSigningKey } from './tokens.ts';
import { buildWebConsole, createStaticSite, watchWebSources } from './web-console.ts';

const startedAt = performance.now();
const root = resolve(import.meta.dirname, '..');

const portFrom = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    console.error(`${name}=${raw} is not a port number`);
    process.exit(1);
  }
  return port;
};

const ports = {
  api: portFrom('PORT', 3000),
  dynamodb: portFrom('DYNAMODB_PORT', 8000),
  sqs: portFrom('SQS_PORT', 9324),
  ses: portFrom('SES_PORT', 8005),
};
const dataDir = resolve(process.env.GREENLINE_DATA_DIR || join(root, '.greenline'));
const apiUrl = `http://127.0.0.1:${ports.api}`;
// Functions create their Powertools loggers at import: quiet unless asked.
process.env.POWERTOOLS_LOG_LEVEL = process.env.LOG_LEVEL ?? process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN';

let dynamodb: RunningDynamoDb | undefined;
let standIns: StandIns | undefined;
let server: LocalServer | undefined;
let scheduler: Scheduler | undefined;
let sqs: SQSClient | undefined;
const pollers: QueuePoller[] = [];
let stopping: Promise<void> | undefined;

/** Stops in reverse order of starting: nothing takes new work, work in hand finishes, then the stand-ins go. */
const stop = (): Promise<void> => {
  stopping ??= (async () => {
    const settle = async (what: string, step: () => Promise<void> | undefined) => {
      try {
        await step();
      } catch (error) {
        localLog.warn(`stopping ${what} failed`, { error });
      }
    };
    await Promise.all([
      settle('the HTTP server', () => server?.close()),
      settle('the scheduler', () => scheduler?.stop()),
      ...pollers.map((poller) => settle('a queue poller', () => poller.stop())),
    ]);
    sqs?.destroy();
    await settle('the stand-ins', () => standIns?.stop());
    await settle('DynamoDB Local', () => dynamodb?.stop());
  })();
  return stopping;
};

const onSignal = (signal: NodeJS.Signals) => {
  if (stopping && signal === 'SIGHUP') return;
  if (stopping) {
    console.log(`\n${signal} again: exiting at once`);
    process.exit(1);
  }
  console.log(`\n${signal}: stopping Greenline…`);
  void stop().then(() => {
    console.log('Greenline stopped.');
    process.exit(0);
  });
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
process.on('SIGHUP', onSignal);
// `npm start` runs this under `sh -c`; a SIGTERM sent to npm alone ends npm and sh but not us. Stop when orphaned.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent && !stopping) onSignal('SIGHUP');
}, 1000).unref();

const main = async () => {
  await assertPortFree(ports.api, 'API', 'PORT');
  await assertPortFree(ports.dynamodb, 'DynamoDB Local', 'DYNAMODB_PORT');
  await assertPortFree(ports.sqs, 'SQS', 'SQS_PORT');
  await assertPortFree(ports.ses, 'SES', 'SES_PORT');
  await mkdir(join(dataDir, 'dynamodb'), { recursive: true });
  await mkdir(join(dataDir, 'fauxqs'), { recursive: true });

  dynamodb = await startDynamoDbLocal({ port: ports.dynamodb, path: join(dataDir, 'dynamodb') });
  if (stopping) return;
  standIns = await startStandIns({
    dynamodbEndpoint: dynamodb.endpoint,
    sqsPort: ports.sqs,
    sesPort: ports.ses,
    naming: { table: localTableName, queue: localQueueName, deadLetterQueue: localDeadLetterQueueName },
    fauxqsDataDir: join(dataDir, 'fauxqs'),
    // Uploads are presigned against the API's origin, which passes them on to fauxqs (`local/object-store-proxy.ts`).
    extraEnv: { PUBLIC_BASE_URL: apiUrl, AWS_ENDPOINT_URL_S3: apiUrl },
  });
  if (stopping) return;
  // Functions read their configuration at import: the environment is complete before the first one is loaded.
  Object.assign(process.env, standIns.env);

  const [{ getUser }, seeded, webFolder] = await Promise.all([
    import('#directory/store/directory.ts'),
    seed(),
    buildWebConsole(),
  ]);
  const signingKey = await loadSigningKey(dataDir);
  sqs = new SQSClient({ endpoint: standIns.sqsEndpoint, region: localRegion });
  const sqsClient = sqs;
  const provisioned = Object.values(standIns.provisioned.queues);

  const site = createStaticSite(webFolder, { auth: { mode: 'local' } });
  watchWebSources(() => {
    buildWebConsole()
      .then((folder) => site.switchTo(folder))
      .catch((error) => localLog.error('web console build failed', { error }));
  });
  const bucket = standIns.env.ATTACHMENTS_BUCKET;
  scheduler = createScheduler({ loadHandler: loadFunctionHandler, statePath: join(dataDir, 'schedules.json') });
  const schedulerRef = scheduler;
  server = createLocalServer({
    loadHandler: loadFunctionHandler,
    authorizer: createJwtAuthorizer({ key: signingKey }),
    site,
    ...(bucket ? { objectStore: createObjectStoreProxy({ bucket, endpoint: standIns.s3Endpoint }) } : {}),
    localRoutes: createLocalRoutes({
      signingKey,
      findUser: getUser,
      users: signInUsers(),
      scheduler,
      queueCounts: () => queueCounts(sqsClient, provisioned),
      onClockSet: () => {
        schedulerRef.check().catch((error) => localLog.error('schedule check failed', { error }));
      },
    }),
  });
  await server.listen(ports.api);
  if (stopping) return;
  for (const queue of provisioned) {
    pollers.push(startQueuePoller({ sqs, queue, loadHandler: loadFunctionHandler }));
  }
  await scheduler.start();

  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
  console.log(`Greenline on one machine (data in ${dataDir})`);
  console.log(`  DynamoDB Local  ${dynamodb.endpoint}`);
  console.log(`  SQS (fauxqs)    ${standIns.sqsEndpoint}`);
  console.log(`  SES inbox       ${standIns.sesEndpoint}  (JSON: ${standIns.sesEndpoint}/store)`);
  console.log(`  Web console     ${apiUrl}/  (officials: ${apiUrl}/console)`);
  console.log(`  API             ${apiUrl}/v1  (local routes: ${apiUrl}/local)`);
  if (seeded) console.log(`  ${seeded}`);
  console.log(`  Sign in: curl -s -X POST ${apiUrl}/local/token -d '{"username":"operator"}'`);
  console.log(`Greenline is ready — ${apiUrl} (Ctrl-C to stop) [${seconds} s]`);
};

/** The demo users, offered by the console's local sign-in page. */
const signInUsers = (): SignInUser[] =>
  demoUsers.map(({ username, displayName, roles, unitId }) => ({
    username,
    displayName,
    roles,
    unitId,
    unitName: unitPathName(unitId),
  }));

/** `城东分局 监察大队`: a unit's name after its parents' below the root (two branches have a 监察大队 each). */
const unitPathName = (unitId: string): string => {
  const path = demoUnits.find((unit) => unit.id === unitId)?.path ?? [unitId];
  const names = path.map((id) => demoUnits.find((unit) => unit.id === id)?.name ?? id);
  return (names.length > 1 ? names.slice(1) : names).join(' ');
};

/** Seeds the demo organisation on first start (`local/seed.ts`, idempotent). */
const seed = async (): Promise<string | undefined> => {
  const { seedDemo } = await import('./seed.ts');
  const { created, addedUsers } = await seedDemo();
  if (created) return `Demo organisation seeded (users: ${addedUsers.join(', ')})`;
  return addedUsers.length > 0 ? `Demo users added: ${addedUsers.join(', ')}` : undefined;
};

main().catch(async (error: unknown) => {
  console.error(`Greenline could not start: ${error instanceof Error ? error.message : String(error)}`);
  if (!(error instanceof Error && error.name === 'PortInUseError')) console.error(error);
  await stop();
  process.exit(1);
});
