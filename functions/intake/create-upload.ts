import { newUploadSchema } from '#intake/domain/attachments.ts';
import { createUpload } from '#intake/services/attachments.ts';
import { attachmentsBucket } from '#platform/adapters/attachment-store.ts';
import { tableName } from '#platform/config.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { type AuthorizedEvent, principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler, jsonBody } from '#platform/http/handler.ts';
import { enforceRateLimits, publicLimits } from '#platform/http/rate-limits.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { routeKey, routes } from '#platform/http/routes.ts';

tableName('main');
attachmentsBucket();

const publicRouteKeys = new Set(
  routes.filter((route) => route.function === 'create-upload' && route.auth === 'public').map(routeKey),
);

/** The public web form's route takes no token; on the official route the uploader is the signed-in official. */
const uploaderOf = (event: AuthorizedEvent): string =>
  publicRouteKeys.has(event.routeKey) ? 'public' : principalFromEvent(event).username;

export const handler = httpHandler(async (event) => {
  const uploadedBy = uploaderOf(event);
  if (uploadedBy === 'public') {
    await enforceRateLimits('public-upload', event.requestContext.http.sourceIp, publicLimits.createUpload);
  }
  const upload = parseWith(newUploadSchema, jsonBody(event));
  const ticket = await createUpload(upload, uploadedBy);
  return jsonResponse(201, ticket);
});
