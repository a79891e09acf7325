/**
 * The API client: openapi-fetch typed by `schema.gen.ts` (generated from `/v1/openapi.json`), same origin, with the
 * signed-in official's token on every request. A 401 on an official route ends the session.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import { clearSession, currentToken } from '../auth/session.ts';
import type { paths } from './schema.gen.ts';

const withToken: Middleware = {
  onRequest({ request }) {
    const token = currentToken();
    if (token && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('authorization')) clearSession();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(withToken);

export type * as Api from './schema.gen.ts';
export type { paths } from './schema.gen.ts';
