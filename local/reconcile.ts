/**
 * `npm run reconcile`: recounts the statistics counters from the cases in a running `npm start`
 * (`POST /v1/admin/reconcile`, as the demo administrator) and prints every counter that differs.
 * `npm run reconcile -- --repair --reason "…"` also repairs them; the reason is recorded with the administrator's name.
 */
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { repair: { type: 'boolean', default: false }, reason: { type: 'string' }, user: { type: 'string' } },
});
const port = process.env.PORT || '3000';
const base = `http://127.0.0.1:${port}`;

const post = async (path: string, body: unknown, token?: string): Promise<Response> => {
  try {
    return await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch (error) {
    console.error(
      `Could not reach ${base} (${error instanceof Error ? error.message : String(error)}): start Greenline first with npm start`,
    );
    process.exit(1);
  }
};

const signedIn = await post('/local/token', { username: values.user ?? 'admin' });
if (!signedIn.ok) {
  console.error(`Could not sign in as ${values.user ?? 'admin'} (HTTP ${signedIn.status}): ${await signedIn.text()}`);
  process.exit(1);
}
const { token } = (await signedIn.json()) as { token: string };
const response = await post(
  '/v1/admin/reconcile',
  { repair: values.repair, ...(values.reason ? { reason: values.reason } : {}) },
  token,
);
const body = (await response.json()) as {
  casesRead?: number;
  countersRead?: number;
  differences?: { unitId: string; bucket: string; name: string; stored: number; recounted: number }[];
  repaired?: boolean;
};
if (!response.ok) {
  console.error(`Reconciliation failed (HTTP ${response.status}):`, JSON.stringify(body, null, 2));
  process.exit(1);
}
const differences = body.differences ?? [];
console.log(
  `${body.casesRead} cases and ${body.countersRead} counter items read; ${differences.length} counters differ.`,
);
if (differences.length > 0) console.table(differences);
if (body.repaired) console.log('Repaired: each counter that differed now holds its recount.');
process.exit(differences.length > 0 && !body.repaired ? 2 : 0);
