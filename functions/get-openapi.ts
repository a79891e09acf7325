import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiDocs } from '#http/api-docs.ts';
import { httpHandler } from '#http/handler.ts';
import { buildOpenApiDocument } from '#http/openapi.ts';
import { jsonResponse } from '#http/responses.ts';
import { routes } from '#http/routes.ts';
import packageJson from '../package.json' with { type: 'json' };

/** Built on the first request, then kept for the life of the execution environment: the inputs never change. */
let cached: APIGatewayProxyStructuredResultV2 | undefined;

export const handler = httpHandler(async () => {
  cached ??= jsonResponse(200, buildOpenApiDocument({ routes, docs: apiDocs, version: packageJson.version }), {
    'cache-control': 'public, max-age=300',
  });
  return { ...cached, headers: { ...cached.headers } };
});
