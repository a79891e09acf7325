import { tableName } from '#config';
import { newUploadSchema } from '#domain/attachments.ts';
import { parseWith } from '#domain/validation.ts';
import { type AuthorizedEvent, principalFromEvent } from '#http/auth.ts';
import { httpHandler, jsonBody } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';
import { routeKey, routes } from '#http/routes.ts';
import { attachmentsBucket } from '#messaging/attachment-store.ts';
import { createUpload } from '#services/attachments.ts';
import { enforceRateLimits, publicLimits } from '#services/rate-limits.ts';

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
