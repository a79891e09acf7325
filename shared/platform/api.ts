/** The platform's own routes: the health check and the OpenAPI document. */
import { z } from '#platform/domain/zod.ts';
import { type ApiRoute, ok } from './http/api-registry.ts';

export const healthStatusSchema = z
  .object({
    status: z.literal('ok'),
    time: z.iso.datetime({ offset: true }).describe('服务器时间 / server time'),
  })
  .meta({ id: 'HealthStatus', description: '服务状态 / service status' });

export type HealthStatus = z.output<typeof healthStatusSchema>;

/** Described only at the top: the document is its own schema. */
const openApiDocumentSchema = z
  .looseObject({
    openapi: z.string(),
    info: z.record(z.string(), z.unknown()),
    paths: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'OpenApiDocument', description: '本文档 / this document (OpenAPI 3.1)' });

export const platformApi = {
  health: {
    method: 'GET',
    path: '/v1/health',
    function: 'health',
    auth: 'public',
    summary: '健康检查',
    tags: ['system'],
    description: '服务是否可用，无需登录。/ Whether the service is up; no token needed.',
    response: ok('服务正常 / the service is up', healthStatusSchema),
    problems: [],
  },
  openApi: {
    method: 'GET',
    path: '/v1/openapi.json',
    function: 'get-openapi',
    auth: 'public',
    summary: 'OpenAPI 文档',
    tags: ['system'],
    description: '本 OpenAPI 3.1 文档，由校验请求的同一组 schema 生成。/ This OpenAPI 3.1 document.',
    response: ok('OpenAPI 3.1 文档 / the OpenAPI 3.1 document', openApiDocumentSchema),
    problems: [],
  },
} as const satisfies Record<string, ApiRoute>;
