/**
 * `npm run sweep`: runs the nightly check (`nightly-check`) now, in a running `npm start`, and prints its result.
 */
const port = process.env.PORT || '3000';
const url = `http://127.0.0.1:${port}/local/sweep`;

const connectionRefused = (error: unknown): boolean => {
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
  return cause?.code === 'ECONNREFUSED' || Boolean(cause?.errors?.some((inner) => inner.code === 'ECONNREFUSED'));
};

let response: Response;
try {
  response = await fetch(url, { method: 'POST' });
} catch (error) {
  if (connectionRefused(error)) {
    console.error(`Nothing is listening on http://127.0.0.1:${port}: start Greenline first with npm start`);
  } else {
    console.error(`Could not reach ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}

const text = await response.text();
let body: unknown = text;
try {
  body = JSON.parse(text);
} catch {
  // Not JSON: print as it came.
}
if (response.ok) {
  console.log(typeof body === 'string' ? body : JSON.stringify(body, null, 2));
} else {
  console.error(`The nightly check failed (HTTP ${response.status}):`);
  console.error(typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  process.exit(1);
}
