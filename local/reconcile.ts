/**
 * `npm run reconcile`: recounts the statistics counters from the cases in a running `npm start` — asks for a
 * reconciliation (`POST /v1/admin/reconcile`, as the demo administrator), which the local runtime's queue poller hands
 * to the run-reconciliation worker, polls `GET /v1/admin/reconciliations/{id}` until it is done, and prints every
 * counter that differs. `npm run reconcile -- --repair --reason "…"` also repairs them; the reason is recorded with the
 * administrator's name.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { repair: { type: 'boolean', default: false }, reason: { type: 'string' }, user: { type: 'string' } },
});
const port = process.env.PORT || '3000';
const base = `http://127.0.0.1:${port}`;

const request = async (method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<Response> => {
  try {
    return await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    console.error(
      `Could not reach ${base} (${error instanceof Error ? error.message : String(error)}): start Greenline first with npm start`,
    );
    process.exit(1);
  }
};

const signedIn = await request('POST', '/local/token', { username: values.user ?? 'admin' });
if (!signedIn.ok) {
  console.error(`Could not sign in as ${values.user ?? 'admin'} (HTTP ${signedIn.status}): ${await signedIn.text()}`);
  process.exit(1);
}
const { token } = (await signedIn.json()) as { token: string };
const requested = await request(
  'POST',
  '/v1/admin/reconcile',
  { repair: values.repair, ...(values.reason ? { reason: values.reason } : {}) },
  token,
);

interface Reconciliation {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  error?: string;
  casesRead?: number;
  countersRead?: number;
  differences?: { unitId: string; bucket: string; name: string; stored: number; recounted: number }[];
  differencesFound?: number;
  enforcement?: {
    recordsRead: number;
    differences: { unitId: string; day: string; name: string; stored: number; recounted: number }[];
    differencesFound: number;
  };
  repaired?: boolean;
}

let body = (await requested.json()) as Reconciliation;
if (requested.status !== 202) {
  console.error(`Reconciliation refused (HTTP ${requested.status}):`, JSON.stringify(body, null, 2));
  process.exit(1);
}
const location = requested.headers.get('location') ?? `/v1/admin/reconciliations/${body.id}`;
console.log(`Reconciliation ${body.id} queued; waiting for the worker …`);
// The worker may take up to its 900 s timeout (and the poller a few seconds to hand it the job).
const deadline = Date.now() + 16 * 60_000;
while (body.status === 'queued' || body.status === 'running') {
  if (Date.now() > deadline) {
    console.error(`Reconciliation ${body.id} still ${body.status}: see GET ${location}`);
    process.exit(1);
  }
  await sleep(1000);
  const read = await request('GET', location, undefined, token);
  body = (await read.json()) as Reconciliation;
  if (!read.ok) {
    console.error(`Reading the reconciliation failed (HTTP ${read.status}):`, JSON.stringify(body, null, 2));
    process.exit(1);
  }
}
if (body.status === 'failed') {
  console.error(`Reconciliation ${body.id} failed: ${body.error ?? 'no reason given'}`);
  process.exit(1);
}
const differences = body.differences ?? [];
const enforcement = body.enforcement?.differences ?? [];
const found =
  (body.differencesFound ?? differences.length) + (body.enforcement?.differencesFound ?? enforcement.length);
console.log(
  `${body.casesRead} cases, ${body.countersRead} counter items and ${body.enforcement?.recordsRead ?? 0} enforcement ` +
    `records read; ${found} counters differ.`,
);
if (differences.length > 0) console.table(differences);
if (enforcement.length > 0) console.table(enforcement);
if (body.repaired) console.log('Repaired: each counter that differed now holds its recount.');
process.exit(found > 0 && !body.repaired ? 2 : 0);
