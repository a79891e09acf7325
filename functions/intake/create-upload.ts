import { intakeApi } from '#intake/api.ts';
import { createUpload } from '#intake/services/attachments.ts';
import { attachmentsBucket } from '#platform/adapters/attachment-store.ts';
import { tableName } from '#platform/config.ts';
import { routeKey } from '#platform/http/api-registry.ts';
import { type AuthorizedEvent, principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { enforceRateLimits, publicLimits } from '#platform/http/rate-limits.ts';
import { parseBody } from '#platform/http/request.ts';
import { jsonResponse } from '#platform/http/responses.ts';

tableName('main');
attachmentsBucket();

const publicRouteKey = routeKey(intakeApi.createPublicUpload);

/** The public web form's route takes no token; on the official route the uploader is the signed-in official. */
const uploaderOf = (event: AuthorizedEvent): string =>
  event.routeKey === publicRouteKey ? 'public' : principalFromEvent(event).username;

export const handler = httpHandler(async (event) => {
  const uploadedBy = uploaderOf(event);
  if (uploadedBy === 'public') {
    await enforceRateLimits('public-upload', event.requestContext.http.sourceIp, publicLimits.createUpload);
  }
  // Both routes take the same body.
  const upload = parseBody(intakeApi.createUpload, event);
  const ticket = await createUpload(upload, uploadedBy);
  return jsonResponse(201, ticket);
});
