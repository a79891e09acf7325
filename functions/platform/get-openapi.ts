import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { httpHandler } from '#platform/http/handler.ts';
import { buildOpenApiDocument } from '#platform/http/openapi.ts';
import { jsonResponse } from '#platform/http/responses.ts';
import { routes } from '#platform/http/routes.ts';
import packageJson from '../../package.json' with { type: 'json' };

/** Built on the first request, then kept for the life of the execution environment: the inputs never change. */
let cached: APIGatewayProxyStructuredResultV2 | undefined;

export const handler = httpHandler(async () => {
  cached ??= jsonResponse(200, buildOpenApiDocument({ routes, version: packageJson.version }), {
    'cache-control': 'public, max-age=300',
  });
  return { ...cached, headers: { ...cached.headers } };
});
