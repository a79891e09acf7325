/**
 * Builds the OpenAPI 3.1 document of the API from the route table (`routes.ts`), where each capability declares its
 * routes with their zod request and response schemas (`api.ts`). Pure: the same inputs give the same document;
 * `functions/platform/get-openapi.ts` serves it. Zod schemas with `.meta({ id })` become `components.schemas` entries
 * by that name.
 */

import { z } from '#platform/domain/zod.ts';
import {
  type ApiBody,
  type ApiBodyVariants,
  type ApiOperation,
  type ApiParameter,
  type ApiResponse,
  type ApiTag,
  apiTags,
  isDocumented,
  type ProblemStatus,
  type RouteDefinition,
} from './api-registry.ts';
import {
  gatewayErrorSchema,
  type ProblemResponseDefinition,
  problemResponseRef,
  problemResponses,
  problemSchema,
} from './problem-responses.ts';

/** A JSON Schema (2020-12) or OpenAPI 3.1 Schema Object. */
export type JsonSchema = { readonly [keyword: string]: unknown };

export const openApiVersion = '3.1.1';

/** The name of the bearer scheme under `components.securitySchemes`. */
export const securitySchemeName = 'idToken';

export interface OpenApiParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly description?: string;
  readonly schema: JsonSchema;
  readonly example?: unknown;
}

export interface OpenApiMediaType {
  readonly schema: JsonSchema;
  readonly example?: unknown;
}

export interface OpenApiResponse {
  readonly description: string;
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly schema: JsonSchema }>>;
  readonly content?: Readonly<Record<string, OpenApiMediaType>>;
}

export type OpenApiReference = { readonly $ref: string };

export interface OpenApiOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly security: ReadonlyArray<Readonly<Record<string, readonly string[]>>>;
  readonly parameters?: readonly OpenApiParameter[];
  readonly requestBody?: {
    readonly description: string;
    readonly required: boolean;
    readonly content: Readonly<Record<string, OpenApiMediaType>>;
  };
  readonly responses: Readonly<Record<string, OpenApiResponse | OpenApiReference>>;
}

export interface OpenApiDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly servers: ReadonlyArray<{ readonly url: string; readonly description: string }>;
  readonly tags: ReadonlyArray<{ readonly name: string; readonly description: string }>;
  readonly paths: Readonly<Record<string, Readonly<Record<string, OpenApiOperation>>>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, JsonSchema>>;
    readonly responses: Readonly<Record<string, OpenApiResponse>>;
    readonly securitySchemes: Readonly<Record<string, JsonSchema>>;
  };
}

const schemaRef = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** Rewrites `#/$defs/X` references (zod's, for schemas registered with an id) to `#/components/schemas/X`. */
const rewriteRefs = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string'
        ? inner.replace(/^#\/\$defs\//, '#/components/schemas/')
        : rewriteRefs(inner),
    ]),
  );
};

/** A `z.object()` that strips unknown keys: neither strict (`additionalProperties: false`) nor loose. */
const isStrippingObject = (schema: z.core.$ZodType): boolean =>
  schema._zod.def.type === 'object' && (schema._zod.def as z.core.$ZodObjectDef).catchall === undefined;

/**
 * What the document leaves out of a response schema zod generates: `additionalProperties: false` of an object that is
 * not strict (a response may gain a field; that is not a breaking change), the regular expression zod adds to a
 * `date-time` or `date` format, and the safe-integer bounds of `z.int()`: they would repeat on every field.
 */
const trimResponseSchema = (zodSchema: z.core.$ZodType, json: Record<string, unknown>): void => {
  if (isStrippingObject(zodSchema)) delete json.additionalProperties;
  if (json.format === 'date-time' || json.format === 'date') delete json.pattern;
  if (json.type === 'integer') {
    if (json.maximum === Number.MAX_SAFE_INTEGER) delete json.maximum;
    if (json.minimum === Number.MIN_SAFE_INTEGER) delete json.minimum;
  }
};

/** Collects the component schemas as operations are built. */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  constructor() {
    this.convert(problemSchema, 'output');
    this.convert(gatewayErrorSchema, 'output');
  }

  add(name: string, schema: JsonSchema): JsonSchema {
    const existing = this.schemas[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) {
      throw new Error(`two different schemas are both named ${name} in the OpenAPI document`);
    }
    this.schemas[name] = schema;
    return schemaRef(name);
  }

  /**
   * JSON Schema of a zod schema, its input side for requests and its output side for responses; schemas with an id
   * (`.meta({ id })`) go to `components.schemas` and are referred to. See {@link trimResponseSchema} for what the
   * output side leaves out.
   */
  convert(source: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
    const {
      $schema: _dialect,
      $defs,
      ...schema
    } = z.toJSONSchema(source, {
      target: 'draft-2020-12',
      io,
      override: ({ zodSchema, jsonSchema }) => {
        if (io === 'output') trimResponseSchema(zodSchema, jsonSchema as Record<string, unknown>);
      },
    }) as Record<string, unknown>;
    for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      this.add(name, rewriteRefs(definition) as JsonSchema);
    }
    return rewriteRefs(schema) as JsonSchema;
  }

  headers(headers: ApiResponse['headers']): OpenApiResponse['headers'] {
    return Object.fromEntries(
      Object.entries(headers ?? {}).map(([name, header]) => [
        name,
        { description: header.description, schema: this.convert(header.schema, 'output') },
      ]),
    );
  }
}

const problemResponse = (definition: ProblemResponseDefinition, components: Components): OpenApiResponse => ({
  description: definition.description,
  ...(definition.headers ? { headers: components.headers(definition.headers) } : {}),
  content: {
    'application/problem+json': { schema: schemaRef('Problem'), example: definition.example },
    ...(definition.gatewayMessage
      ? { 'application/json': { schema: schemaRef('GatewayError'), example: { message: definition.gatewayMessage } } }
      : {}),
  },
});

const pathParameterNames = (path: string): string[] =>
  [...path.matchAll(/\{([^}]+?)\+?\}/g)].map((match) => match[1] ?? '').filter(Boolean);

const camelCase = (name: string): string => name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

const pascalCase = (name: string): string => camelCase(name).replace(/^[a-z]/, (letter) => letter.toUpperCase());

const baseOperationId = (route: RouteDefinition): string =>
  `${camelCase(route.function)}${pascalCase(route.method.toLowerCase())}`;

/** `PublicAttachments` for `/v1/public/attachments`, `CasesById` for `/v1/cases/{id}`. */
const pathSuffix = (path: string): string =>
  path
    .split('/')
    .filter((segment) => segment && !/^v\d+$/.test(segment))
    .map((segment) => {
      const parameter = /^\{(.+?)\+?\}$/.exec(segment)?.[1];
      return parameter ? `By${pascalCase(parameter)}` : pascalCase(segment.replace(/[^A-Za-z0-9-]/g, '-'));
    })
    .join('');

/**
 * `operationId` of each route: the function's name in camelCase and the method (`getCaseGet`); when one function
 * serves the same method on several paths, the path follows (`createUploadPostPublicAttachments`).
 */
export const operationIds = (routes: readonly RouteDefinition[]): Map<RouteDefinition, string> => {
  const counts = new Map<string, number>();
  for (const route of routes) counts.set(baseOperationId(route), (counts.get(baseOperationId(route)) ?? 0) + 1);
  return new Map(
    routes.map((route) => {
      const base = baseOperationId(route);
      return [route, (counts.get(base) ?? 0) > 1 ? `${base}${pathSuffix(route.path)}` : base];
    }),
  );
};

const withoutDescription = (schema: JsonSchema): { description?: string; schema: JsonSchema } => {
  const { description, ...rest } = schema;
  return typeof description === 'string' ? { description, schema: rest } : { schema };
};

const pathParameter = (name: string, documented: ApiParameter | undefined, components: Components) => {
  const schema = documented ? components.convert(documented.schema, 'input') : { type: 'string' };
  return {
    name,
    in: 'path',
    required: true,
    ...(documented ? { description: documented.description } : {}),
    schema,
    ...(documented?.example === undefined ? {} : { example: documented.example }),
  } satisfies OpenApiParameter;
};

const queryParameters = (query: z.ZodObject, components: Components): OpenApiParameter[] => {
  const converted = components.convert(query, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(converted.properties ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: converted.required?.includes(name) ?? false,
    ...withoutDescription(property),
  }));
};

const isVariants = (body: ApiBody | ApiBodyVariants): body is ApiBodyVariants => 'variants' in body;

const requestBody = (body: ApiBody | ApiBodyVariants, components: Components): OpenApiOperation['requestBody'] => {
  if (isVariants(body)) {
    const variants = Object.entries(body.variants).map(([value, variant]) =>
      components.add(`${body.componentPrefix}${value}`, {
        title: `${body.selector} = ${value}`,
        description: variant.description,
        ...components.convert(variant.schema, 'input'),
      }),
    );
    return {
      description: body.description,
      required: body.required ?? true,
      // anyOf, not oneOf: several variants accept the same bodies (`{}` suits accept, sign …); the path picks one.
      content: { 'application/json': { schema: { anyOf: variants, description: `按 \`${body.selector}\` 选用` } } },
    };
  }
  return {
    description: body.description,
    required: body.required ?? true,
    content: { 'application/json': { schema: components.convert(body.schema, 'input') } },
  };
};

/** Problems of an undocumented route: what any route with its shape may answer. */
const genericProblems = (route: RouteDefinition): ProblemStatus[] => {
  const hasPath = pathParameterNames(route.path).length > 0;
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  return [
    ...(hasPath || hasBody ? ([400] as const) : []),
    ...(route.auth === 'official' ? ([403] as const) : []),
    ...(hasPath ? ([404] as const) : []),
    ...(hasBody ? ([415] as const) : []),
  ];
};

/** Every problem status of a route: its own, 401 for an official route, and 500 for any. */
export const problemStatusesOf = (route: RouteDefinition, doc: ApiOperation | undefined): ProblemStatus[] => {
  const statuses = new Set<ProblemStatus>([
    ...(doc ? doc.problems : genericProblems(route)),
    ...(route.auth === 'official' ? ([401] as const) : []),
    500,
  ]);
  return [...statuses].sort((a, b) => a - b);
};

const operationFor = (
  route: RouteDefinition,
  operationId: string,
  doc: ApiOperation | undefined,
  components: Components,
) => {
  const parameters: OpenApiParameter[] = [
    ...pathParameterNames(route.path).map((name) => pathParameter(name, doc?.pathParameters?.[name], components)),
    ...(doc?.query ? queryParameters(doc.query, components) : []),
    ...Object.entries(doc?.headers ?? {}).map(([name, header]) => ({
      name,
      in: 'header' as const,
      required: header.required ?? false,
      description: header.description,
      schema: components.convert(header.schema, 'input'),
      ...(header.example === undefined ? {} : { example: header.example }),
    })),
  ];
  const success: Record<string, OpenApiResponse> = doc
    ? {
        [doc.response.status]: {
          description: doc.response.description,
          ...(doc.response.headers ? { headers: components.headers(doc.response.headers) } : {}),
          ...(doc.response.schema
            ? { content: { 'application/json': { schema: components.convert(doc.response.schema, 'output') } } }
            : {}),
          ...(doc.response.files
            ? {
                content: Object.fromEntries(
                  doc.response.files.map((mediaType) => [mediaType, { schema: { type: 'string', format: 'binary' } }]),
                ),
              }
            : {}),
        },
      }
    : { '2XX': { description: '成功（响应尚未登记）/ success (response not documented yet)' } };
  const problems = Object.fromEntries(
    problemStatusesOf(route, doc).map((status) => [String(status), problemResponseRef(status)]),
  );
  return {
    operationId,
    summary: route.summary,
    description:
      doc?.description ?? '（尚未在其所属能力的 api.ts 中说明 / not yet documented in its capability’s api.ts）',
    ...(doc ? { tags: doc.tags } : {}),
    security: route.auth === 'official' ? [{ [securitySchemeName]: [] }] : [],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(doc?.body ? { requestBody: requestBody(doc.body, components) } : {}),
    responses: { ...success, ...problems },
  } satisfies OpenApiOperation;
};

export interface OpenApiOptions {
  /** The route table; a route without its documentation is listed generically. */
  readonly routes: readonly RouteDefinition[];
  /** The API's version (package.json's). */
  readonly version: string;
}

const description = [
  '生态环境局信访投诉督办系统的接口：登记信访件、派单、签收、办结、延期与复核。',
  '除公开接口外，请求须带 `Authorization: Bearer <ID 令牌>`（Cognito 用户池的 ID 令牌；本地运行时由 `POST /local/token` 签发）。',
  '所有错误均以 RFC 9457 `application/problem+json` 答复。',
  '',
  'The API of an ecology and environment bureau’s complaint-handling system: record complaints, assign, sign, close,',
  'extend and review cases. Official routes need `Authorization: Bearer <ID token>` (a Cognito user-pool ID token;',
  'on one machine, from `POST /local/token`). Every error is answered as RFC 9457 `application/problem+json`.',
].join('\n');

/**
 * The OpenAPI 3.1 document of `routes`, with what each declares about itself. A route without documentation (a bare
 * `RouteDefinition`) is still listed, with its summary, path parameters and the problems any route of its shape may
 * answer.
 *
 * @example
 * ```ts
 * const document = buildOpenApiDocument({ routes, version: '0.1.0' });
 * ```
 */
export const buildOpenApiDocument = (options: OpenApiOptions): OpenApiDocument => {
  const components = new Components();
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  const ids = operationIds(options.routes);
  for (const route of options.routes) {
    const pathItem = paths[route.path] ?? {};
    paths[route.path] = pathItem;
    pathItem[route.method.toLowerCase()] = operationFor(
      route,
      ids.get(route) ?? baseOperationId(route),
      isDocumented(route) ? route : undefined,
      components,
    );
  }
  const usedTags = new Set(options.routes.flatMap((route) => (isDocumented(route) ? route.tags : [])));
  return {
    openapi: openApiVersion,
    info: { title: 'Greenline 绿线督办 API', version: options.version, description },
    servers: [{ url: '/', description: '与本文档同源 / the origin serving this document' }],
    tags: (Object.keys(apiTags) as ApiTag[])
      .filter((tag) => usedTags.has(tag))
      .map((tag) => ({ name: tag, description: apiTags[tag] })),
    paths,
    components: {
      schemas: components.schemas,
      responses: Object.fromEntries(
        Object.values(problemResponses).map((definition) => [
          definition.component,
          problemResponse(definition, components),
        ]),
      ),
      securitySchemes: {
        [securitySchemeName]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'Cognito 用户池的 ID 令牌；本地运行时以 `POST /local/token {"username":"operator"}` 获取 / a Cognito user-pool ID ' +
            'token; on one machine, get one with `POST /local/token {"username":"operator"}`',
        },
      },
    },
  };
};
