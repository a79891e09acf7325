/**
 * What a capability declares about each of its routes, in one object: what API Gateway needs (method, path, function,
 * auth, summary) and what the OpenAPI document says (tags, description, parameters, request body, response, problems).
 * Request schemas are the zod schemas the functions parse with; response schemas are zod schemas too, tied to the
 * services' TypeScript types by {@link schemaFor}. `routes.ts` composes every capability's `api.ts`; `openapi.ts`
 * builds the document from them.
 *
 * @example
 * ```ts
 * export const casesApi = {
 *   getHistory: {
 *     method: 'GET',
 *     path: '/v1/cases/{id}/history',
 *     function: 'get-history',
 *     auth: 'official',
 *     summary: '办理历史',
 *     tags: ['cases'],
 *     description: '督办事项的办理历史。/ The history of a case.',
 *     pathParameters: { id: caseIdParameter },
 *     response: ok('办理历史 / the history', z.array(historyEntrySchema)),
 *     problems: [400, 403, 404],
 *   },
 * } as const satisfies Record<string, ApiRoute>;
 * ```
 */

import type { FunctionName } from '#platform/catalog/catalog.ts';
import { z } from '#platform/domain/zod.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * `public` routes need no token; `official` routes need a signed token (the Cognito JWT authorizer in AWS, the
 * local issuer on one machine). Roles and org-unit scope are checked again inside each function.
 */
export type RouteAuth = 'public' | 'official';

/** What API Gateway and the local server need of a route. */
export interface RouteDefinition {
  readonly method: HttpMethod;
  /** API Gateway path pattern, with `{name}` for a path parameter. */
  readonly path: string;
  readonly function: FunctionName;
  readonly auth: RouteAuth;
  readonly summary: string;
}

/** The route key API Gateway puts into `event.routeKey`, e.g. `GET /v1/cases/{id}`. */
export const routeKey = (route: Pick<RouteDefinition, 'method' | 'path'>): string => `${route.method} ${route.path}`;

export const apiTags = {
  system: '系统 / System',
  complaints: '信访件登记 / Complaint intake',
  public: '公众投诉与查询（无需登录）/ Complaints from the public (no token)',
  attachments: '附件上传 / Attachment uploads',
  cases: '督办事项办理 / Case handling',
  admin: '系统管理 / Administration',
  deadlines: '时限与四色台账 / Deadlines and the four-colour ledger',
  directory: '组织机构与人员 / Organisation and people',
  surveys: '回访与满意度 / Follow-up surveys and satisfaction',
  statistics: '统计与核对 / Statistics and reconciliation',
  campaigns: '专项行动 / Campaigns',
  rectification: '整改问题 / Rectification problems',
  enterprises: '企业名录 / Enterprise register',
  grading: '绩效分级 / Performance grading',
  inspections: '双随机抽查与执法 / Random inspections and enforcement',
} as const;
export type ApiTag = keyof typeof apiTags;

/** Problem statuses the functions answer with (`problem.ts`). */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 415 | 422 | 429 | 500;

export interface ApiParameter<S extends z.ZodType = z.ZodType> {
  readonly description: string;
  /** The schema the function parses the value with (its input side is documented). */
  readonly schema: S;
  readonly example?: unknown;
}

export interface ApiHeader<S extends z.ZodType = z.ZodType> extends ApiParameter<S> {
  readonly required?: boolean;
}

export interface ApiBody<S extends z.ZodType = z.ZodType> {
  readonly description: string;
  /** Give it `.meta({ id })` to put it under `components.schemas` by that name. */
  readonly schema: S;
  /** False when the function accepts a request without a body. */
  readonly required?: boolean;
}

/** A body whose schema depends on a path parameter: one schema per value, each under `components.schemas`. */
export interface ApiBodyVariants {
  readonly description: string;
  /** The path parameter whose value picks the variant. */
  readonly selector: string;
  /** Component name of a variant: `${componentPrefix}${value}`. */
  readonly componentPrefix: string;
  /** False when the function accepts a request without a body. */
  readonly required?: boolean;
  readonly variants: Readonly<Record<string, { readonly schema: z.ZodType; readonly description: string }>>;
}

export interface ApiResponseHeader {
  readonly description: string;
  readonly schema: z.ZodType;
}

export interface ApiResponse<S extends z.ZodType = z.ZodType> {
  readonly status: 200 | 201 | 202 | 204;
  readonly description: string;
  /** What the body is (its output side is documented); shared schemas carry `.meta({ id })`. */
  readonly schema?: S;
  readonly headers?: Readonly<Record<string, ApiResponseHeader>>;
  /** A file instead of JSON (see {@link fileDownload}): the media types the body may have, the request picks one. */
  readonly files?: readonly string[];
}

/** What the OpenAPI document says about a route. */
export interface ApiOperation {
  readonly tags: readonly ApiTag[];
  /** Longer than the route's summary; English after the Chinese is welcome. */
  readonly description: string;
  /** One entry per `{name}` of the path. */
  readonly pathParameters?: Readonly<Record<string, ApiParameter>>;
  /** The zod object the query string is validated with: each property becomes a query parameter. */
  readonly query?: z.ZodObject;
  /** Request headers the function reads, by lower-case name. */
  readonly headers?: Readonly<Record<string, ApiHeader>>;
  readonly body?: ApiBody | ApiBodyVariants;
  readonly response: ApiResponse;
  /** Problems the route answers besides 401 (every official route) and 500 (every route), which are added. */
  readonly problems: readonly ProblemStatus[];
}

/** A route with its documentation, as each capability's `api.ts` declares it. */
export interface ApiRoute extends RouteDefinition, ApiOperation {}

/** Whether `route` carries its documentation (a bare route is still listed in the document, generically). */
export const isDocumented = (route: RouteDefinition): route is ApiRoute => 'response' in route && 'tags' in route;

/** A response that has a body. */
export type ApiResponseWithBody<S extends z.ZodType> = ApiResponse<S> & { readonly schema: S };

/** Schema helpers for documented fields: the description is what the OpenAPI document shows. */
export const text = (description: string) => z.string().describe(description);
export const instant = (description: string) => z.iso.datetime({ offset: true }).describe(description);
export const count = (description: string, minimum = 0) => z.int().min(minimum).describe(description);
export const flag = (description: string) => z.boolean().describe(description);

/** A 200 answer with a body of `schema`. */
export const ok = <S extends z.ZodType>(description: string, schema: S): ApiResponseWithBody<S> => ({
  status: 200,
  description,
  schema,
});

/** A 201 answer with a body of `schema`. */
export const created = <S extends z.ZodType>(
  description: string,
  schema: S,
  headers?: ApiResponse['headers'],
): ApiResponseWithBody<S> => ({
  status: 201,
  description,
  schema,
  ...(headers ? { headers } : {}),
});

/**
 * A 200 answer carrying a file of one of `mediaTypes` (the request picks which), with a `Content-Disposition` that
 * names it; the function answers with `fileResponse` (responses.ts).
 *
 * @example
 * response: fileDownload('统计表 / the table', ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']),
 */
export const fileDownload = (description: string, mediaTypes: readonly string[]): ApiResponse => ({
  status: 200,
  description,
  files: mediaTypes,
  headers: {
    'content-disposition': {
      description: "附件及其文件名（RFC 6266，中文名在 `filename*=UTF-8''…`）/ attachment and its file name",
      schema: z.string(),
    },
  },
});

/** The `Location` header of a 201 answer. */
export const locationHeader: NonNullable<ApiResponse['headers']> = {
  location: { description: '新资源的地址 / where the new resource is', schema: z.string() },
};

/** A JSON request body validated by `schema`. */
export const jsonRequest = <S extends z.ZodType>(description: string, schema: S): ApiBody<S> => ({
  description,
  schema,
});

/** An enum's values with their labels (`registered` 已登记；`accepted` 已受理 …), to describe it. */
export const describeEnum = (labels: Readonly<Record<string, string>>): string =>
  Object.entries(labels)
    .map(([value, label]) => `\`${value}\` ${label}`)
    .join('；');

/**
 * The enum of a label table's keys (`stateLabels`, `colourLabels` …): the compiler keeps the table complete, so the
 * documented enum cannot miss a value of the type.
 */
export const enumOf = <K extends string>(labels: Readonly<Record<K, string>>) =>
  z.enum(Object.keys(labels) as [K, ...K[]]).describe(describeEnum(labels));

/**
 * An object with one property per key of a label table, each of schema `value`: `ColourCounts` documented as
 * `red`, `yellow`, `blue`, `green` rather than as a map, and complete whenever the table is.
 */
export const objectKeyedBy = <K extends string, V extends z.ZodType>(labels: Readonly<Record<K, string>>, value: V) =>
  z.object(Object.fromEntries(Object.keys(labels).map((key) => [key, value])) as Record<K, V>);

// Compile-time ties between a response schema and the TypeScript type a service returns.

/** `T` without `readonly`, deeply: zod's output types are mutable, the services' types read-only. */
type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

type Same<A, B> = (<X>() => X extends Mutable<A> ? 1 : 2) extends <X>() => X extends Mutable<B> ? 1 : 2 ? true : false;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** Every value of `A` is a `B`; both name the same properties and require the same ones. */
type Narrows<A, B> = [Mutable<A>] extends [Mutable<B>]
  ? Same<keyof A, keyof B> extends true
    ? Same<RequiredKeys<A>, RequiredKeys<B>>
    : false
  : false;

type Verdict<Agrees extends boolean> = Agrees extends true
  ? unknown
  : { readonly 'the response schema does not describe this type': never };

/**
 * Ties a response schema to the type the service returns: compiles only when the schema's output type is `T`
 * (`readonly` aside), so neither can gain, lose or change a field without the other.
 *
 * @example
 * ```ts
 * export const uploadTicketSchema = schemaFor<UploadTicket>()(z.object({ … }).meta({ id: 'UploadTicket' }));
 * ```
 */
export const schemaFor =
  <T>() =>
  <S extends z.ZodType>(schema: S & Verdict<Same<z.output<S>, T>>): S =>
    schema;

/**
 * As {@link schemaFor}, for a type looser than what the API promises (`channel?: string` where the schema names the
 * channels): every value the schema admits must be a `T`, with the same properties, the same ones required.
 */
export const narrowSchemaFor =
  <T>() =>
  <S extends z.ZodType>(schema: S & Verdict<Narrows<z.output<S>, T>>): S =>
    schema;
