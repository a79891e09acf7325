import { dynamo } from '#platform/dynamodb/client.ts';

/** One DynamoDB call of the code under test, as the document client sent it. */
export interface DynamoCall {
  readonly command: string;
  readonly input: Record<string, unknown>;
  readonly startedAt: number;
  readonly endedAt: number;
  /** The error's name when DynamoDB refused the call (a cancelled transaction, a failed condition). */
  readonly error?: string;
}

/** What happens to a call after DynamoDB answered it: nothing, an error instead of the answer, or no answer at all. */
export type AfterCall = (call: { command: string; input: Record<string, unknown> }) => 'pass' | 'throw' | 'hang';

export interface DynamoWatch {
  readonly calls: DynamoCall[];
  /** Lets calls held by `hang` go on (with an error), so a test leaves nothing pending. */
  release(): void;
  stop(): void;
}

let watches = 0;

/**
 * Watches the document client every store uses (the process's `dynamo()`): records each call with its timing, and can
 * make a call's answer get lost after DynamoDB carried it out — as when a function crashes or times out between its
 * transaction and its answer.
 */
export const watchDynamo = (after: AfterCall = () => 'pass'): DynamoWatch => {
  const name = `dynamo-watch-${++watches}`;
  const calls: DynamoCall[] = [];
  const held: (() => void)[] = [];
  dynamo().middlewareStack.add(
    (next, context) => async (args) => {
      const command = String(context.commandName ?? 'unknown');
      const input = args.input as Record<string, unknown>;
      const startedAt = performance.now();
      let output: Awaited<ReturnType<typeof next>>;
      try {
        output = await next(args);
      } catch (error) {
        calls.push({ command, input, startedAt, endedAt: performance.now(), error: (error as Error).name });
        throw error;
      }
      calls.push({ command, input, startedAt, endedAt: performance.now() });
      const fate = after({ command, input });
      if (fate === 'throw') throw new Error(`the answer to ${command} was lost (test fault)`);
      if (fate === 'hang') {
        await new Promise<void>((resolve) => held.push(resolve));
        throw new Error(`the function was stopped during ${command} (test fault)`);
      }
      return output;
    },
    { step: 'initialize', name },
  );
  return {
    calls,
    release: () => {
      for (const resolve of held.splice(0)) resolve();
    },
    stop: () => {
      dynamo().middlewareStack.remove(name);
      for (const resolve of held.splice(0)) resolve();
    },
  };
};

/**
 * The longest chain of calls each of which started after the one before it ended: how many DynamoDB round trips a
 * request waits for one after another (calls in parallel count once).
 */
export const sequentialCalls = (calls: readonly DynamoCall[]): number => {
  const ordered = [...calls].sort((a, b) => a.endedAt - b.endedAt);
  const chain = new Map<DynamoCall, number>();
  for (const call of ordered) {
    const before = ordered.filter((other) => other.endedAt <= call.startedAt).map((other) => chain.get(other) ?? 0);
    chain.set(call, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...chain.values());
};

/** Whether a transaction writes an item whose pk starts with `prefix`. */
export const transactionWrites = (call: DynamoCall, prefix: string): boolean =>
  ((call.input.TransactItems ?? []) as Record<string, { Item?: { pk?: string }; Key?: { pk?: string } }>[]).some(
    (item) => Object.values(item).some((write) => String(write.Item?.pk ?? write.Key?.pk ?? '').startsWith(prefix)),
  );
