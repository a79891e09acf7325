/** The one-machine runtime (`node local/start.ts`) as a child process, for end-to-end tests. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { freePort } from '../../local/free-port.ts';

export const root = join(import.meta.dirname, '..', '..');

export interface RuntimePorts {
  readonly api: number;
  readonly dynamodb: number;
  readonly sqs: number;
  readonly ses: number;
}

export interface Running {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly startupMs: number;
}

export const freePorts = async (): Promise<RuntimePorts> => ({
  api: await freePort(),
  dynamodb: await freePort(),
  sqs: await freePort(),
  ses: await freePort(),
});

/** Starts `node local/start.ts` on `ports` with its data in `dataDir`, and waits for its ready line. */
export const startRuntime = async (dataDir: string, ports: RuntimePorts): Promise<Running> => {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['local/start.ts'], {
    cwd: root,
    env: {
      ...process.env,
      GREENLINE_DATA_DIR: dataDir,
      PORT: String(ports.api),
      DYNAMODB_PORT: String(ports.dynamodb),
      SQS_PORT: String(ports.sqs),
      SES_PORT: String(ports.ses),
      LOG_LEVEL: 'WARN',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 60 s:\n${output}`)), 60_000);
    const onData = () => {
      if (output.includes('Greenline is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before it was ready:\n${output}`));
    });
  });
  return { child, output: () => output, startupMs: performance.now() - startedAt };
};

/** Sends SIGINT (Ctrl-C) and resolves to the exit code. */
export const interrupt = async (running: Running): Promise<number | null> => {
  const exited = new Promise<number | null>((resolve) => running.child.once('exit', (code) => resolve(code)));
  running.child.kill('SIGINT');
  return exited;
};

export const javaOnPort = (port: number): string =>
  spawnSync('pgrep', ['-f', `DynamoDBLocal.jar.* -port ${port}( |$)`], { encoding: 'utf8' }).stdout.trim();

export const localToken = async (api: string, username: string): Promise<string> => {
  const response = await fetch(`${api}/local/token`, { method: 'POST', body: JSON.stringify({ username }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
};

/** Only if a test failed half-way: stops our own child (by its id) and the JVM on our port, and removes the data. */
export const cleanUp = async (running: Running | undefined, ports: RuntimePorts, dataDir: string): Promise<void> => {
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    if (running.child.exitCode === null) running.child.kill('SIGKILL');
  }
  for (const pid of javaOnPort(ports.dynamodb).split('\n').filter(Boolean)) process.kill(Number(pid), 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
};
