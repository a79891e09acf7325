import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignsApi } from '#campaigns/api.ts';
import { isoWeekOf, mondayOf } from '#campaigns/domain/weeks.ts';
import type { HistoryEntry } from '#cases/domain/case.ts';
import type { CaseView } from '#cases/domain/case-view.ts';
import { caseView } from '#cases/domain/case-view.ts';
import { actionNames } from '#cases/domain/workflow.ts';
import type { PolicySet } from '#deadlines/domain/time-limit-policies.ts';
import { enterprisesApi } from '#enterprises/api.ts';
import { gradingApi } from '#grading/api.ts';
import { exampleScheme } from '#grading/domain/example-scheme.ts';
import { inspectionsApi } from '#inspections/api.ts';
import { channels, pollutionCategories, urgencies } from '#intake/domain/complaint-input.ts';
import type { PublicReceipt } from '#intake/services/public-intake.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { bureauDate } from '#platform/domain/time.ts';
import { apiTags } from '#platform/http/api-registry.ts';
import {
  buildOpenApiDocument,
  type JsonSchema,
  type OpenApiDocument,
  type OpenApiOperation,
  type OpenApiParameter,
  type OpenApiResponse,
} from '#platform/http/openapi.ts';
import { problemFromError } from '#platform/http/problem.ts';
import { type RouteDefinition, routeKey, routes } from '#platform/http/routes.ts';
import { rectificationApi } from '#rectification/api.ts';
import { statisticsApi } from '#statistics/api.ts';
import { surveysApi } from '#surveys/api.ts';
import packageJson from '../../../package.json' with { type: 'json' };
import { aNewEnterprise, aSheet, makeUscc } from '../../enterprises/support/enterprises.ts';
import { exampleAnswers } from '../../grading/support/factories.ts';
import { apiClient, demo, demoAssignmentInput } from '../../support/api.ts';
import { aCase, demoAssignment } from '../../support/cases.ts';
import { seedDirectory } from '../../support/directory.ts';
import { aComplaint, aPrincipal, apiEvent, bodyOf, type HttpResult, invoke } from '../../support/factories.ts';
import { type LocalAws, startLocalAws } from '../../support/local-aws.ts';

const document = buildOpenApiDocument({ routes, version: '9.9.9' });

const operationOf = (doc: OpenApiDocument, route: Pick<RouteDefinition, 'method' | 'path'>): OpenApiOperation => {
  const operation = doc.paths[route.path]?.[route.method.toLowerCase()];
  if (!operation) throw new Error(`no operation for ${routeKey(route)}`);
  return operation;
};

/** Follows `$ref`s within the document. */
const resolve = <T = JsonSchema>(node: unknown, doc: OpenApiDocument = document): T => {
  let current = node as { $ref?: string };
  while (typeof current?.$ref === 'string') {
    const target = current.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], doc);
    if (target === undefined) throw new Error(`unresolved ${current.$ref}`);
    current = target as { $ref?: string };
  }
  return current as T;
};

const refsIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner),
  );
};

const pathParameterNames = (path: string) => [...path.matchAll(/\{([^}+]+)\+?\}/g)].map((match) => match[1]);

const bodySchemaOf = (route: Pick<RouteDefinition, 'method' | 'path'>) =>
  resolve<{ required?: string[]; properties: Record<string, JsonSchema>; additionalProperties?: unknown }>(
    operationOf(document, route).requestBody?.content['application/json']?.schema,
  );

/**
 * A validator for a schema of the document (by component name, or a schema node such as a response's), with the
 * components as `$defs` (`#/components/schemas/X` as `#/$defs/X`). `closed` forbids properties a schema does not name,
 * so a response field missing from the documentation fails.
 */
const validatorFor = (schema: string | JsonSchema, options: { closed?: boolean } = {}) => {
  const close = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(close);
    if (typeof value !== 'object' || value === null) return value;
    const copy = Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, close(inner)]));
    return copy.type === 'object' && copy.properties && copy.additionalProperties === undefined
      ? { ...copy, additionalProperties: false }
      : copy;
  };
  const asDefs = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('#/components/schemas/', '#/$defs/'));
  const defs = asDefs(document.components.schemas) as Record<string, unknown>;
  const root = typeof schema === 'string' ? { $ref: `#/$defs/${schema}` } : (asDefs(schema) as JsonSchema);
  const ajv = new Ajv2020({ strict: true, validateFormats: false, allErrors: true });
  return ajv.compile(
    options.closed ? { ...(close(root) as JsonSchema), $defs: close(defs) } : { ...root, $defs: defs },
  );
};

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with info, a relative server and the bearer scheme', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: 'Greenline 绿线督办 API', version: '9.9.9' });
    expect(document.info.description).toMatch(/problem\+json/);
    expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(document.components.securitySchemes.idToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
  });

  it.each(routes.map((route) => ({ ...route, key: routeKey(route) })))(
    '$key is declared with its documentation in its capability’s api.ts',
    (route) => {
      expect(
        route,
        `document ${route.key} beside its route (a few lines: tags, description, response, problems)`,
      ).toEqual(
        expect.objectContaining({
          tags: expect.any(Array),
          description: expect.any(String),
          response: expect.objectContaining({ status: expect.any(Number), description: expect.any(String) }),
          problems: expect.any(Array),
        }),
      );
    },
  );

  it('declares every route once, however the capabilities compose', () => {
    const keys = routes.map(routeKey);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it.each(routes.map((route) => ({ ...route, key: routeKey(route) })))(
    '$key is listed with its method, summary, security and path parameters',
    (route) => {
      const operation = operationOf(document, route);

      expect(operation.summary).toBe(route.summary);
      expect(operation.security).toEqual(route.auth === 'public' ? [] : [{ idToken: [] }]);
      const inPath = (operation.parameters ?? []).filter((parameter) => parameter.in === 'path');
      expect(inPath.map((parameter) => parameter.name).sort()).toEqual(pathParameterNames(route.path).sort());
      for (const parameter of inPath) expect(parameter).toMatchObject({ required: true, schema: expect.any(Object) });
      const documented = Object.keys(route.pathParameters ?? {});
      expect(documented.filter((name) => !pathParameterNames(route.path).includes(name))).toEqual([]);
      expect(Object.keys(operation.responses).some((status) => /^2/.test(status))).toBe(true);
      expect(operation.responses['500']).toBeDefined();
      if (route.auth === 'official') expect(operation.responses['401']).toBeDefined();
    },
  );

  it('gives every operation a distinct operationId', () => {
    const ids = routes.map((route) => operationOf(document, route).operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operationOf(document, { method: 'GET', path: '/v1/cases/{id}' }).operationId).toBe('getCaseGet');
  });

  it('declares every tag it uses', () => {
    const used = routes.flatMap((route) => operationOf(document, route).tags ?? []);
    const declared = document.tags.map((tag) => tag.name);
    expect(used.filter((tag) => !declared.includes(tag))).toEqual([]);
    expect(declared.every((tag) => tag in apiTags)).toBe(true);
  });

  it('resolves every $ref', () => {
    for (const ref of refsIn(document)) expect(() => resolve({ $ref: ref }), ref).not.toThrow();
  });

  it('survives a JSON round trip unchanged (no undefined, functions or cycles)', () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});

describe('POST /v1/complaints', () => {
  const route = { method: 'POST', path: '/v1/complaints' } as const;

  it('describes the body with the schema that validates it: required fields and enums', () => {
    const body = bodySchemaOf(route);

    expect(operationOf(document, route).requestBody?.required).toBe(true);
    expect(body.required).toEqual(expect.arrayContaining(['channel', 'place', 'category', 'description']));
    expect(body.required).not.toContain('urgency');
    expect(body.properties.channel).toMatchObject({ enum: [...channels] });
    expect(body.properties.category).toMatchObject({ enum: [...pollutionCategories] });
    expect(body.properties.urgency).toMatchObject({ enum: [...urgencies], default: 'normal' });
    expect(body.additionalProperties).toBe(false);
  });

  it('accepts a valid complaint and refuses an invalid one, as the zod schema does', () => {
    const validate = validatorFor('NewComplaint');

    expect(validate(aComplaint()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(aComplaint({ place: undefined }))).toBe(false);
    expect(validate(aComplaint({ channel: 'carrier-pigeon' }))).toBe(false);
    expect(validate(aComplaint({ extra: 1 }))).toBe(false);
  });

  it('documents the idempotency key, the Location of the new case and its problems', () => {
    const operation = operationOf(document, route);

    expect(operation.parameters).toContainEqual(
      expect.objectContaining({ name: 'idempotency-key', in: 'header', required: false }),
    );
    const created = resolve<OpenApiResponse>(operation.responses['201']);
    expect(created.headers?.location).toBeDefined();
    expect(created.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Case' });
    expect(Object.keys(operation.responses).sort()).toEqual(['201', '400', '401', '403', '409', '415', '422', '500']);
  });
});

describe('POST /v1/cases/{id}/actions/{action}', () => {
  const route = { method: 'POST', path: '/v1/cases/{id}/actions/{action}' } as const;
  const operation = operationOf(document, route);

  it('lists the actions as an enum and describes each', () => {
    const action = operation.parameters?.find((parameter) => parameter.name === 'action') as OpenApiParameter;

    expect(action.schema).toEqual({ type: 'string', enum: actionNames });
    for (const name of actionNames) expect(action.description).toContain(`\`${name}\``);
  });

  it('offers one body schema per action, each under components as Action_<name>', () => {
    const schema = operation.requestBody?.content['application/json']?.schema as { anyOf: { $ref: string }[] };

    expect(operation.requestBody?.required).toBe(false);
    expect(schema.anyOf).toEqual(actionNames.map((name) => ({ $ref: `#/components/schemas/Action_${name}` })));
    for (const name of actionNames) {
      expect(document.components.schemas[`Action_${name}`]).toMatchObject({
        title: `action = ${name}`,
        description: expect.stringContaining(`\`${name}\``),
        type: 'object',
      });
    }
    expect(document.components.schemas.Action_reject).toMatchObject({ required: ['reason'] });
    expect(document.components.schemas.Action_assign).toMatchObject({
      required: expect.arrayContaining(['departmentId', 'responsibleUsername', 'leadUsername']),
    });
  });

  it('validates action bodies as the zod schemas do', () => {
    expect(validatorFor('Action_reject')({ reason: '不属于本局职责' })).toBe(true);
    expect(validatorFor('Action_reject')({})).toBe(false);
    // The ceiling on days is the policies' business (a kind may allow more than 30); the floor is the schema's.
    expect(validatorFor('Action_request-extension')({ days: 0, reason: '需要监测' })).toBe(false);
    expect(validatorFor('Action_accept')({ version: 3 })).toBe(true);
  });

  it('answers problems for every refusal the workflow makes', () => {
    expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '415', '500']);
  });
});

describe('responses', () => {
  const problemStatuses = routes.flatMap((route) =>
    Object.entries(operationOf(document, route).responses)
      .filter(([status]) => Number(status) >= 400)
      .map(([status, response]) => ({ key: `${routeKey(route)} → ${status}`, status, response })),
  );

  it.each(problemStatuses)('$key is problem+json with the Problem schema', ({ status, response }) => {
    expect(response).toEqual({ $ref: expect.stringMatching(/^#\/components\/responses\//) });
    const resolved = resolve<OpenApiResponse>(response);
    const problemJson = resolved.content?.['application/problem+json'];
    expect(problemJson?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
    expect(problemJson?.example).toMatchObject({ status: Number(status) });
  });

  it('documents Problem as RFC 9457 with field errors and a correlation id', () => {
    const problem = resolve<{ required: string[]; properties: Record<string, JsonSchema> }>({
      $ref: '#/components/schemas/Problem',
    });

    expect(problem.required).toEqual(['type', 'title', 'status']);
    expect(Object.keys(problem.properties)).toEqual(['type', 'title', 'status', 'detail', 'errors', 'correlationId']);
    expect(resolve(problem.properties.errors?.items)).toMatchObject({ required: ['path', 'message'] });
  });

  it('gives examples that are real problems and match the Problem schema', () => {
    const validate = validatorFor('Problem', { closed: true });
    for (const response of Object.values(document.components.responses)) {
      const example = response.content?.['application/problem+json']?.example;
      expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate(problemFromError(new Error('boom'), 'req-1'))).toBe(true);
  });

  it('documents what API Gateway itself answers for 401 and 500', () => {
    for (const name of ['Unauthenticated', 'InternalServerError']) {
      expect(document.components.responses[name]?.content?.['application/json']?.schema).toEqual({
        $ref: '#/components/schemas/GatewayError',
      });
    }
  });

  it('describes a case as get-case answers it, naming every field', () => {
    const validate = validatorFor('Case', { closed: true });
    const history: HistoryEntry[] = [
      {
        caseId: '01KCASEAAAAAAAAAAAAAAAAAAA',
        sequence: 1,
        at: '2026-11-20T01:00:00.000Z',
        actor: 'operator',
        role: 'operator',
        action: 'register',
        fromState: null,
        toState: 'registered',
        changes: {},
      },
    ];
    const item = aCase({
      state: 'closed',
      assignment: demoAssignment,
      extensions: [
        {
          status: 'approved',
          days: 10,
          reason: '需要监测',
          requestedAt: '2026-11-22T01:00:00.000Z',
          requestedBy: 'handler',
          decidedAt: '2026-11-22T02:00:00.000Z',
          decidedBy: 'lead',
          decisionNote: '同意',
        },
      ],
      result: {
        text: '已整改',
        publicReply: '已责令整改',
        submittedAt: '2026-11-25T01:00:00.000Z',
        submittedBy: 'handler',
      },
      closedAt: '2026-11-26T01:00:00.000Z',
      duplicateCandidates: [{ caseId: '01KCASEBBBBBBBBBBBBBBBBBBB', number: 'GL-2026-000002', reasons: ['同一地址'] }],
    });
    const withAttachment = {
      ...item,
      complaint: {
        ...(item.complaint as NonNullable<typeof item.complaint>),
        attachments: [
          {
            attachmentId: '01KATTAAAAAAAAAAAAAAAAAAAA',
            fileName: '现场.jpg',
            contentType: 'image/jpeg' as const,
            size: 1024,
            key: 'attachments/01KATTAAAAAAAAAAAAAAAAAAAA',
          },
        ],
      },
    };

    for (const role of ['dispatcher', 'supervisor'] as const) {
      const view = caseView(withAttachment, aPrincipal(role, 'city'), history);
      expect(validate(JSON.parse(JSON.stringify(view))), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});

describe('a route without its documentation', () => {
  const extra: RouteDefinition = {
    method: 'POST',
    path: '/v1/things/{thingId}/parts',
    function: 'health',
    auth: 'official',
    summary: '未登记的接口',
  };
  const doc = buildOpenApiDocument({ routes: [...routes, extra], version: '0.0.0' });

  it('is still listed, with its summary, path parameters and generic problems', () => {
    const operation = operationOf(doc, extra);

    expect(operation.summary).toBe('未登记的接口');
    expect(operation.security).toEqual([{ idToken: [] }]);
    expect(operation.parameters).toEqual([
      expect.objectContaining({ name: 'thingId', in: 'path', required: true, schema: { type: 'string' } }),
    ]);
    expect(Object.keys(operation.responses).sort()).toEqual(['2XX', '400', '401', '403', '404', '415', '500']);
  });
});

describe('GET /v1/openapi.json', () => {
  const get = async () => {
    const { handler } = await import('../../../functions/platform/get-openapi.ts');
    return invoke(handler, apiEvent({ method: 'GET', path: '/v1/openapi.json', routeKey: 'GET /v1/openapi.json' }));
  };

  it('answers the document as JSON without a token, versioned as package.json', async () => {
    const response = await get();

    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toMatch(/^application\/json/);
    const served = bodyOf<OpenApiDocument>(response);
    expect(served.openapi).toMatch(/^3\.1\./);
    expect(served.info.version).toBe(packageJson.version);
    expect(Object.keys(served.paths)).toEqual(expect.arrayContaining(routes.map((route) => route.path)));
  });

  it('answers the same document again from its cache', async () => {
    const first = await get();
    const second = await get();

    expect(second.body).toBe(first.body);
  });
});

describe('real responses', () => {
  let aws: LocalAws;
  let api: ReturnType<typeof apiClient>;
  const handlers: Record<string, unknown> = {};
  const admin = aPrincipal('admin', 'city');
  /** An assigned case (history, assignment, deadlines) and a registered one to act on. */
  let assigned: CaseView;
  let registered: CaseView;
  let receipt: PublicReceipt;
  let clientCounter = 0;

  /** Calls the function of `method path`, as API Gateway would. */
  const call = (
    method: string,
    path: string,
    options: {
      principal?: Principal;
      pathParameters?: Record<string, string>;
      query?: Record<string, string>;
      headers?: Record<string, string>;
      body?: unknown;
    } = {},
  ): Promise<HttpResult> => {
    const route = routes.find((candidate) => candidate.method === method && candidate.path === path);
    if (!route) throw new Error(`no route ${method} ${path}`);
    const rawPath = Object.entries(options.pathParameters ?? {}).reduce(
      (filled, [name, value]) => filled.replace(`{${name}}`, value),
      path,
    );
    const event = apiEvent({ method, path: rawPath, routeKey: routeKey(route), ...options });
    event.requestContext.http.sourceIp = `198.51.100.${++clientCounter}`;
    return invoke(handlers[route.function], event);
  };

  const publicComplaint = () => {
    const { channel: _channel, ...complaint } = aComplaint();
    return complaint;
  };

  /** A transfer to the police on the assigned complaint, recorded today. */
  const recordSampleTransfer = () =>
    call('POST', '/v1/cases/{id}/transfers', {
      principal: demo.dispatcher,
      pathParameters: { id: assigned.id },
      body: {
        date: bureauDate(new Date()),
        body: 'police',
        bodyName: '市公安局城东分局',
        reference: '示环移〔2026〕1号',
        summary: '企业涉嫌非法倾倒危险废物，移送公安机关',
      },
    });

  /** One real request per route; every route with a documented success body must have one. */
  const samples: Readonly<Record<string, () => Promise<HttpResult>>> = {
    'GET /v1/health': () => call('GET', '/v1/health'),
    'GET /v1/openapi.json': () => call('GET', '/v1/openapi.json'),
    'POST /v1/complaints': () => call('POST', '/v1/complaints', { principal: demo.operator, body: aComplaint() }),
    'POST /v1/public/complaints': () => call('POST', '/v1/public/complaints', { body: publicComplaint() }),
    'GET /v1/public/complaints/{trackingCode}': () =>
      call('GET', '/v1/public/complaints/{trackingCode}', {
        pathParameters: { trackingCode: receipt.trackingCode },
        headers: { 'x-tracking-secret': receipt.trackingSecret },
      }),
    'POST /v1/attachments': () =>
      call('POST', '/v1/attachments', {
        principal: demo.operator,
        body: { fileName: '现场.jpg', contentType: 'image/jpeg', size: 2048 },
      }),
    'POST /v1/public/attachments': () =>
      call('POST', '/v1/public/attachments', {
        body: { fileName: '录音.m4a', contentType: 'audio/mp4', size: 4096 },
      }),
    'GET /v1/cases': () => call('GET', '/v1/cases', { principal: demo.dispatcher, query: { limit: '1' } }),
    'GET /v1/my-work': () => call('GET', '/v1/my-work', { principal: demo.handler }),
    'GET /v1/ledger': () => call('GET', '/v1/ledger', { principal: demo.supervisor, query: { unit: 'city' } }),
    'GET /v1/admin/time-limit-policies': () => call('GET', '/v1/admin/time-limit-policies', { principal: admin }),
    'PUT /v1/admin/time-limit-policies': async () => {
      const { current } = bodyOf<{ current: PolicySet }>(
        await call('GET', '/v1/admin/time-limit-policies', { principal: admin }),
      );
      return call('PUT', '/v1/admin/time-limit-policies', {
        principal: admin,
        body: { basedOn: current.version, policies: current.policies },
      });
    },
    'GET /v1/cases/{id}': () =>
      call('GET', '/v1/cases/{id}', { principal: demo.dispatcher, pathParameters: { id: assigned.id } }),
    'GET /v1/cases/{id}/access-log': () =>
      call('GET', '/v1/cases/{id}/access-log', { principal: demo.supervisor, pathParameters: { id: assigned.id } }),
    'POST /v1/cases/{id}/actions/{action}': () =>
      call('POST', '/v1/cases/{id}/actions/{action}', {
        principal: demo.dispatcher,
        pathParameters: { id: registered.id, action: 'accept' },
        body: { version: registered.version, note: '属实，受理' },
      }),
    'GET /v1/cases/{id}/transfers': () =>
      call('GET', '/v1/cases/{id}/transfers', { principal: demo.handler, pathParameters: { id: assigned.id } }),
    'POST /v1/cases/{id}/transfers': () => recordSampleTransfer(),
    'PATCH /v1/cases/{id}/transfers/{transferId}': async () => {
      const { transfer } = bodyOf<{ transfer: { id: string } }>(await recordSampleTransfer());
      return call('PATCH', '/v1/cases/{id}/transfers/{transferId}', {
        principal: demo.supervisor,
        pathParameters: { id: assigned.id, transferId: transfer.id },
        body: { outcome: '公安机关已立案侦查' },
      });
    },
    'GET /v1/me': () => call('GET', '/v1/me', { principal: demo.handler }),
    'GET /v1/directory/units': () => call('GET', '/v1/directory/units', { principal: demo.lead }),
    'GET /v1/directory/users': () =>
      call('GET', '/v1/directory/users', {
        principal: demo.lead,
        query: { unit: 'east-enforcement', role: 'handler' },
      }),
    'GET /v1/admin/calendar/{year}': () =>
      call('GET', '/v1/admin/calendar/{year}', { principal: admin, pathParameters: { year: '2026' } }),
    'PUT /v1/admin/calendar/{year}': () =>
      call('PUT', '/v1/admin/calendar/{year}', {
        principal: admin,
        pathParameters: { year: '2027' },
        body: { days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] },
      }),
    'GET /v1/surveys/{token}': () =>
      call('GET', '/v1/surveys/{token}', { pathParameters: { token: surveyTokens.shown } }),
    'POST /v1/surveys/{token}': () =>
      call('POST', '/v1/surveys/{token}', {
        pathParameters: { token: surveyTokens.answered },
        body: { satisfaction: 'basically-satisfied', solved: 'partly', comment: '基本解决了' },
      }),
    'GET /v1/surveys/summary': () =>
      call('GET', '/v1/surveys/summary', { principal: demo.supervisor, query: { recount: 'true' } }),
    'GET /v1/follow-ups': () => call('GET', '/v1/follow-ups', { principal: demo.operator }),
    'POST /v1/follow-ups/{id}': () =>
      call('POST', '/v1/follow-ups/{id}', {
        principal: demo.operator,
        pathParameters: { id: 'sample-phone' },
        body: { outcome: 'unreachable', note: '无人接听', version: 1 },
      }),
    'POST /v1/follow-ups/{id}/contact': () =>
      call('POST', '/v1/follow-ups/{id}/contact', { principal: demo.operator, pathParameters: { id: 'sample-call' } }),
    'GET /v1/cases/{id}/surveys': () =>
      call('GET', '/v1/cases/{id}/surveys', { principal: demo.dispatcher, pathParameters: { id: assigned.id } }),
    'POST /v1/cases/{id}/surveys/{surveyId}/invalidate': () =>
      call('POST', '/v1/cases/{id}/surveys/{surveyId}/invalidate', {
        principal: demo.supervisor,
        pathParameters: { id: assigned.id, surveyId: 'sample-rated' },
        body: { reason: '评价针对的是另一件事项', version: 2 },
      }),
    'GET /v1/admin/survey-settings': () => call('GET', '/v1/admin/survey-settings', { principal: admin }),
    'PUT /v1/admin/survey-settings': () =>
      call('PUT', '/v1/admin/survey-settings', {
        principal: admin,
        body: { reminderAfterDays: 3, expiryDays: 15, maxCallAttempts: 3 },
      }),
    'GET /v1/stats': () =>
      call('GET', '/v1/stats', { principal: demo.supervisor, query: { from: '2026-01-01', groupBy: 'department' } }),
    'POST /v1/admin/reconcile': () => call('POST', '/v1/admin/reconcile', { principal: admin, body: {} }),
    'GET /v1/admin/reconciliations/{id}': async () => {
      const { id } = bodyOf<{ id: string }>(await call('POST', '/v1/admin/reconcile', { principal: admin, body: {} }));
      // Done, as the run-reconciliation worker leaves it: the answer shows what the recount found.
      const { runReconciliation } = await import('#statistics/services/run-reconciliation.ts');
      await runReconciliation({ id }, { leaseMs: 60_000, lastDelivery: false });
      return call('GET', '/v1/admin/reconciliations/{id}', { principal: demo.supervisor, pathParameters: { id } });
    },
    'GET /v1/stats/export': () =>
      call('GET', '/v1/stats/export', { principal: demo.supervisor, query: { from: '2026-01-01', format: 'csv' } }),
    'GET /v1/reports/progress': () =>
      call('GET', '/v1/reports/progress', { principal: demo.supervisor, query: { format: 'docx' } }),
    'POST /v1/exports': () =>
      call('POST', '/v1/exports', {
        principal: demo.supervisor,
        body: { format: 'xlsx', filter: { state: 'assigned' } },
      }),
    'GET /v1/exports/{id}': async () => {
      const requested = await call('POST', '/v1/exports', { principal: demo.supervisor, body: { format: 'csv' } });
      return call('GET', '/v1/exports/{id}', {
        principal: demo.supervisor,
        pathParameters: { id: bodyOf<{ id: string }>(requested).id },
      });
    },
    'POST /v1/campaigns': () =>
      call('POST', '/v1/campaigns', { principal: demo.dispatcher, body: aCampaign('样例专项行动') }),
    'POST /v1/campaigns/import': () =>
      call('POST', '/v1/campaigns/import', {
        principal: demo.dispatcher,
        body: {
          ...aCampaign('导入的专项行动'),
          tasks: undefined,
          table: { text: '序号\t活动内容\t责任部门\t责任领导\t责任人\n1\t排查隐患\t科技计划科\t周伟\t\n2\t复查\t\t\t' },
        },
      }),
    'GET /v1/campaigns': () => call('GET', '/v1/campaigns', { principal: demo.lead }),
    'GET /v1/campaigns/{id}': async () =>
      call('GET', '/v1/campaigns/{id}', { principal: demo.supervisor, pathParameters: { id: await sampleCampaign() } }),
    'GET /v1/campaigns/{id}/progress': async () => {
      const id = await sampleCampaign();
      await call('POST', '/v1/campaigns/{id}/progress', {
        principal: demo.handler,
        pathParameters: { id },
        body: { taskNumber: 1, week: thisWeek(), note: '本周已完成排查' },
      });
      return call('GET', '/v1/campaigns/{id}/progress', { principal: demo.lead, pathParameters: { id } });
    },
    'POST /v1/campaigns/{id}/progress': async () =>
      call('POST', '/v1/campaigns/{id}/progress', {
        principal: demo.handler,
        pathParameters: { id: await sampleCampaign() },
        body: { taskNumber: 1, week: thisWeek(), note: '补充：本周进展顺利' },
      }),
    'POST /v1/rectification-problems': () =>
      call('POST', '/v1/rectification-problems', {
        principal: demo.dispatcher,
        body: {
          source: 'self-check',
          description: '样例：某企业废水排口未规范设置。',
          plan: { measures: '规范设置排口标识', milestones: [] },
          departmentId: 'east-enforcement',
          leadUsername: 'lead',
          responsibleUsername: 'handler',
          band: 'short-term',
        },
      }),
    'POST /v1/rectification-problems/import': () =>
      call('POST', '/v1/rectification-problems/import', {
        principal: demo.dispatcher,
        body: {
          rows: [
            {
              number: '1',
              source: '省级督察',
              description: '样例：危险废物贮存场所不规范。',
              department: 'east-enforcement',
              leader: 'lead',
              person: 'handler',
              measures: '规范贮存场所',
              deadline: '中期',
            },
          ],
        },
      }),
    'GET /v1/rectification-problems': () =>
      call('GET', '/v1/rectification-problems', { principal: demo.supervisor, query: { band: 'short-term' } }),
    'GET /v1/rectification-problems/export': () =>
      call('GET', '/v1/rectification-problems/export', { principal: demo.supervisor, query: { format: 'xlsx' } }),
    'GET /v1/rectification-problems/look-backs': () =>
      call('GET', '/v1/rectification-problems/look-backs', { principal: demo.supervisor }),
    'POST /v1/enterprises': () =>
      call('POST', '/v1/enterprises', {
        principal: demo.dispatcher,
        body: aNewEnterprise({ uscc: makeUscc('80000002'), name: '样例登记企业', grade: 'B' }),
      }),
    'GET /v1/enterprises': () =>
      call('GET', '/v1/enterprises', { principal: demo.operator, query: { q: '样例', limit: '1' } }),
    'GET /v1/enterprises/grade-counts': () => call('GET', '/v1/enterprises/grade-counts', { principal: demo.operator }),
    'GET /v1/enterprises/{uscc}': () =>
      call('GET', '/v1/enterprises/{uscc}', { principal: demo.lead, pathParameters: { uscc: grading.uscc } }),
    'PATCH /v1/enterprises/{uscc}': () =>
      call('PATCH', '/v1/enterprises/{uscc}', {
        principal: demo.dispatcher,
        pathParameters: { uscc: makeUscc('80000002') },
        body: { contacts: [{ name: '王工', phone: '0591-87654321' }], keyPolluter: true },
      }),
    'POST /v1/enterprises/import': async () =>
      call('POST', '/v1/enterprises/import', {
        principal: admin,
        body: {
          fileName: '名录.xlsx',
          content: await aSheet(
            ['统一社会信用代码', '企业名称', '行业代码', '行业名称', '地址', '乡镇（街道）'],
            [[makeUscc('80000003'), '样例导入企业', 'C3360', '金属表面处理', '城东街道 3 号', '城东街道']],
          ),
        },
      }),
    'GET /v1/positive-list': () =>
      call('GET', '/v1/positive-list', { principal: demo.lead, query: { candidates: 'true' } }),
    'POST /v1/positive-list': async () => {
      const uscc = makeUscc('80000004');
      await call('POST', '/v1/enterprises', {
        principal: demo.dispatcher,
        body: aNewEnterprise({ uscc, name: '样例清单企业', grade: 'A' }),
      });
      return call('POST', '/v1/positive-list', {
        principal: demo.supervisor,
        body: { uscc, reason: '绩效 A 级，近一年无查实的违法问题' },
      });
    },
    'POST /v1/positive-list/{uscc}/removal': async () => {
      const uscc = makeUscc('80000005');
      await call('POST', '/v1/enterprises', {
        principal: demo.dispatcher,
        body: aNewEnterprise({ uscc, name: '样例移出企业', grade: 'B', positiveList: 'listed' }),
      });
      return call('POST', '/v1/positive-list/{uscc}/removal', {
        principal: demo.supervisor,
        pathParameters: { uscc },
        body: { reason: '环境信用评价降级', serious: false },
      });
    },
    'GET /v1/grading/schemes': () => call('GET', '/v1/grading/schemes', { principal: demo.handler }),
    'GET /v1/grading/schemes/{industry}': () =>
      call('GET', '/v1/grading/schemes/{industry}', {
        principal: demo.handler,
        pathParameters: { industry: 'industrial-coating' },
        query: { version: '1' },
      }),
    'PUT /v1/grading/schemes/{industry}': () => {
      const { industry: _industry, version: _version, savedAt: _at, savedBy: _by, ...scheme } = exampleScheme;
      return call('PUT', '/v1/grading/schemes/{industry}', {
        principal: admin,
        pathParameters: { industry: 'sample-industry' },
        body: { ...scheme, alertMeasures: { B: '限产 30%（示例）' } },
      });
    },
    'POST /v1/grading/assessments': () =>
      call('POST', '/v1/grading/assessments', {
        principal: demo.handler,
        body: { uscc: grading.uscc, industry: 'industrial-coating', values: exampleAnswers({ monitoring: 'B' }) },
      }),
    'GET /v1/grading/assessments': () =>
      call('GET', '/v1/grading/assessments', { principal: demo.lead, query: { uscc: grading.uscc } }),
    'GET /v1/grading/assessments/{id}': () =>
      call('GET', '/v1/grading/assessments/{id}', { principal: demo.lead, pathParameters: { id: grading.draftId } }),
    'PATCH /v1/grading/assessments/{id}': () =>
      call('PATCH', '/v1/grading/assessments/{id}', {
        principal: demo.handler,
        pathParameters: { id: grading.draftId },
        body: { note: '已补充现场照片' },
      }),
    'POST /v1/grading/assessments/{id}/actions/{action}': () =>
      call('POST', '/v1/grading/assessments/{id}/actions/{action}', {
        principal: demo.supervisor,
        pathParameters: { id: grading.acceptedId, action: 'publish' },
        body: {},
      }),
    'GET /v1/inspection-plans': async () => {
      await sampleDraw();
      return call('GET', '/v1/inspection-plans', { principal: demo.handler });
    },
    'POST /v1/inspection-plans': () =>
      call('POST', '/v1/inspection-plans', { principal: demo.supervisor, body: anInspectionPlan('样例计划') }),
    'PATCH /v1/inspection-plans/{id}': async () => {
      const plan = bodyOf<{ id: string }>(
        await call('POST', '/v1/inspection-plans', {
          principal: demo.supervisor,
          body: anInspectionPlan('待修改计划'),
        }),
      );
      return call('PATCH', '/v1/inspection-plans/{id}', {
        principal: demo.supervisor,
        pathParameters: { id: plan.id },
        body: { name: '已修改计划', rates: { general: 10 }, version: 1 },
      });
    },
    'GET /v1/inspection-plans/inspectors': async () => {
      await sampleDraw();
      return call('GET', '/v1/inspection-plans/inspectors', { principal: demo.supervisor });
    },
    'PUT /v1/inspection-plans/inspectors/{username}': () =>
      call('PUT', '/v1/inspection-plans/inspectors/{username}', {
        principal: demo.supervisor,
        pathParameters: { username: 'handler3' },
        body: { certificateNumber: 'ZF-3501-0003', ties: [{ uscc: grading.uscc, reason: '近亲属任职（样例）' }] },
      }),
    'POST /v1/draws': async () => {
      await sampleDraw();
      const plan = bodyOf<{ id: string }>(
        await call('POST', '/v1/inspection-plans', { principal: demo.supervisor, body: anInspectionPlan('另一计划') }),
      );
      return call('POST', '/v1/draws', { principal: demo.supervisor, body: { planId: plan.id, seed: '样例种子 42' } });
    },
    'GET /v1/draws': async () => {
      await sampleDraw();
      return call('GET', '/v1/draws', { principal: demo.lead });
    },
    'GET /v1/draws/{id}': async () =>
      call('GET', '/v1/draws/{id}', { principal: demo.lead, pathParameters: { id: await sampleDraw() } }),
    'POST /v1/inspections': async () => {
      await sampleDraw();
      return call('POST', '/v1/inspections', {
        principal: demo.handler,
        body: {
          uscc: grading.uscc,
          date: bureauDate(new Date()),
          inspectors: ['handler', 'handler2'],
          itemsChecked: ['A1'],
          summary: '样例：现场检查未发现问题。',
          findings: [{ description: '样例：台账记录不全', violation: false }],
        },
      });
    },
    'GET /v1/inspections': () => call('GET', '/v1/inspections', { principal: demo.supervisor }),
    'POST /v1/enforcement-cases': () =>
      call('POST', '/v1/enforcement-cases', {
        principal: demo.handler,
        body: { uscc: grading.uscc, cause: '样例：超标排放', filedOn: bureauDate(new Date()) },
      }),
    'GET /v1/enforcement-cases': () =>
      call('GET', '/v1/enforcement-cases', { principal: demo.supervisor, query: { recount: 'true' } }),
    'POST /v1/enforcement-cases/{id}/steps': async () => {
      const filed = bodyOf<{ id: string }>(
        await call('POST', '/v1/enforcement-cases', {
          principal: demo.handler,
          body: { uscc: grading.uscc, cause: '样例：未批先建', filedOn: bureauDate(new Date()) },
        }),
      );
      return call('POST', '/v1/enforcement-cases/{id}/steps', {
        principal: demo.handler,
        pathParameters: { id: filed.id },
        body: {
          step: 'decide',
          on: bureauDate(new Date()),
          decisionNumber: '样例罚〔2026〕1号',
          penaltyYuan: 12_000.5,
          summary: '罚款',
          version: 1,
        },
      });
    },
    'GET /v1/public/inspections': async () => {
      await sampleDraw();
      return call('GET', '/v1/public/inspections', {});
    },
  };

  /** A plan for this quarter, and its draw over the register as it stands, two inspectors in the pool. */
  const anInspectionPlan = (name: string) => ({
    name,
    period: `${bureauDate(new Date()).slice(0, 4)}-Q${Math.floor((Number(bureauDate(new Date()).slice(5, 7)) - 1) / 3) + 1}`,
    items: [{ code: 'A1', label: '污染防治设施运行情况' }],
  });
  let draw: Promise<string> | undefined;
  const sampleDraw = () => {
    draw ??= (async () => {
      for (const [username, certificateNumber] of [
        ['handler', 'ZF-3501-0001'],
        ['handler2', 'ZF-3501-0002'],
      ] as const) {
        await call('PUT', '/v1/inspection-plans/inspectors/{username}', {
          principal: demo.supervisor,
          pathParameters: { username },
          body: { certificateNumber },
        });
      }
      const plan = bodyOf<{ id: string }>(
        await call('POST', '/v1/inspection-plans', { principal: demo.supervisor, body: anInspectionPlan('样例抽查') }),
      );
      const drawn = await call('POST', '/v1/draws', { principal: demo.supervisor, body: { planId: plan.id } });
      return bodyOf<{ id: string }>(drawn).id;
    })();
    return draw;
  };

  /** An enterprise with a draft and an accepted assessment, for the grading samples. */
  const grading = { uscc: makeUscc('80000001'), draftId: '', acceptedId: '' };
  const seedGrading = async () => {
    await call('POST', '/v1/enterprises', {
      principal: demo.dispatcher,
      body: aNewEnterprise({ uscc: grading.uscc, name: '样例分级企业' }),
    });
    const draft = (values: unknown) =>
      call('POST', '/v1/grading/assessments', {
        principal: demo.handler,
        body: { uscc: grading.uscc, industry: 'industrial-coating', values },
      });
    grading.draftId = bodyOf<{ id: string }>(await draft(exampleAnswers().slice(1))).id;
    grading.acceptedId = bodyOf<{ id: string }>(await draft(exampleAnswers({ 'vocs-treatment': 'D' }))).id;
    for (const [action, principal] of [
      ['submit', demo.handler],
      ['accept', demo.lead],
    ] as const) {
      await call('POST', '/v1/grading/assessments/{id}/actions/{action}', {
        principal,
        pathParameters: { id: grading.acceptedId, action },
      });
    }
  };

  /** This week (Asia/Shanghai), and a campaign running from last week for two months, its tasks in 城东分局. */
  const thisWeek = () => isoWeekOf(bureauDate(new Date()));
  const aCampaign = (name: string) => {
    const monday = mondayOf(bureauDate(new Date()));
    const from = new Date(Date.parse(`${monday}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.parse(`${monday}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
    return {
      name,
      plan: { text: '实施方案' },
      phases: [{ name: '重点推进阶段', from, to }],
      leadingGroup: { leaders: ['周伟'], office: '局办公室' },
      tasks: [
        { number: 1, title: '排查隐患', department: 'east-enforcement', leader: 'lead', person: 'handler' },
        { number: 2, title: '复查', remark: '沿用上一项' },
      ],
    };
  };
  let campaign: Promise<string> | undefined;
  const sampleCampaign = () => {
    campaign ??= call('POST', '/v1/campaigns', { principal: demo.dispatcher, body: aCampaign('周报样例') }).then(
      (response) => bodyOf<{ campaign: { id: string } }>(response).campaign.id,
    );
    return campaign;
  };

  /** Surveys of `assigned`, stored as the surveys worker stores them: their tokens are known here. */
  const surveyTokens = { shown: '', answered: '' };
  const seedSurveys = async () => {
    const { createSurvey, defaultSurveySettings } = await import('#surveys/domain/survey.ts');
    const { saveSurvey } = await import('#surveys/store/surveys.ts');
    const { issueToken } = await import('#surveys/services/tokens.ts');
    const { recordAnswer } = await import('#surveys/services/record-answer.ts');
    const at = new Date();
    const today = bureauDate(at);
    const survey = (id: string, contact: { email?: string; phone?: string }) =>
      createSurvey({
        id,
        caseId: assigned.id,
        resultCaseId: assigned.id,
        unitPath: ['city', 'east', 'east-enforcement'],
        intakePath: ['city', 'city-petition'],
        closedAt: at.toISOString(),
        closedDate: today,
        contact,
        subject: {
          caseNumber: assigned.number,
          category: 'noise',
          town: '城东街道',
          publicReply: '经查属实，已责令整改。',
        },
        callDueDate: today,
        now: at,
        settings: defaultSurveySettings,
      });
    for (const [id, key] of [
      ['sample-shown', 'shown'],
      ['sample-answered', 'answered'],
    ] as const) {
      const token = issueToken();
      surveyTokens[key] = token.token;
      await saveSurvey(undefined, survey(id, { email: 'wang@example.cn' }), {
        tokenHash: token.hash,
        linkedCases: [assigned.id],
      });
    }
    for (const id of ['sample-phone', 'sample-call']) {
      await saveSurvey(undefined, survey(id, { phone: '13912345678' }), { linkedCases: [assigned.id] });
    }
    await saveSurvey(undefined, survey('sample-rated', { email: 'wang@example.cn' }), { linkedCases: [assigned.id] });
    await recordAnswer('sample-rated', { satisfaction: 'satisfied', solved: 'yes' }, { via: 'email' });
  };

  beforeAll(async () => {
    aws = await startLocalAws();
    await seedDirectory();
    const modules: Record<string, () => Promise<{ handler: unknown }>> = {
      health: () => import('../../../functions/platform/health.ts'),
      'get-openapi': () => import('../../../functions/platform/get-openapi.ts'),
      'submit-complaint': () => import('../../../functions/intake/submit-complaint.ts'),
      'submit-public-complaint': () => import('../../../functions/intake/submit-public-complaint.ts'),
      'track-complaint': () => import('../../../functions/intake/track-complaint.ts'),
      'create-upload': () => import('../../../functions/intake/create-upload.ts'),
      'list-cases': () => import('../../../functions/cases/list-cases.ts'),
      'get-my-work': () => import('../../../functions/cases/get-my-work.ts'),
      'get-case': () => import('../../../functions/cases/get-case.ts'),
      'get-access-log': () => import('../../../functions/cases/get-access-log.ts'),
      'act-on-case': () => import('../../../functions/cases/act-on-case.ts'),
      'case-transfers': () => import('../../../functions/cases/case-transfers.ts'),
      'get-ledger': () => import('../../../functions/ledger/get-ledger.ts'),
      'get-time-limit-policies': () => import('../../../functions/deadlines/get-time-limit-policies.ts'),
      'put-time-limit-policies': () => import('../../../functions/deadlines/put-time-limit-policies.ts'),
      'get-calendar-year': () => import('../../../functions/deadlines/get-calendar-year.ts'),
      'put-calendar-year': () => import('../../../functions/deadlines/put-calendar-year.ts'),
      'get-me': () => import('../../../functions/directory/get-me.ts'),
      'list-units': () => import('../../../functions/directory/list-units.ts'),
      'list-users': () => import('../../../functions/directory/list-users.ts'),
      ...Object.fromEntries(
        Object.values(surveysApi).map((route) => [
          route.function,
          () => import(`../../../functions/surveys/${route.function}.ts`),
        ]),
      ),
      ...Object.fromEntries(
        Object.values(statisticsApi).map((route) => [
          route.function,
          () => import(`../../../functions/statistics/${route.function}.ts`),
        ]),
      ),
      ...Object.fromEntries(
        Object.values(campaignsApi).map((route) => [
          route.function,
          () => import(`../../../functions/campaigns/${route.function}.ts`),
        ]),
      ),
      ...Object.fromEntries(
        Object.values(rectificationApi).map((route) => [
          route.function,
          () => import(`../../../functions/rectification/${route.function}.ts`),
        ]),
      ),
      ...Object.fromEntries(
        Object.values(inspectionsApi).map((route) => [
          route.function,
          () => import(`../../../functions/inspections/${route.function}.ts`),
        ]),
      ),
      ...Object.fromEntries(
        [...Object.values(enterprisesApi), ...Object.values(gradingApi)].map((route) => [
          route.function,
          () =>
            import(
              `../../../functions/${route.path.startsWith('/v1/grading') ? 'grading' : 'enterprises'}/${route.function}.ts`
            ),
        ]),
      ),
    };
    for (const [name, load] of Object.entries(modules)) handlers[name] = (await load()).handler;
    api = apiClient();
    assigned = await api.submit(
      aComplaint({ complainant: { name: '王先生', phone: '13912345678', anonymous: false } }),
    );
    await api.act(assigned.id, 'accept', demo.dispatcher);
    await api.act(assigned.id, 'assign', demo.dispatcher, demoAssignmentInput);
    registered = await api.submit(aComplaint({ category: 'water' }));
    receipt = bodyOf<PublicReceipt>(await call('POST', '/v1/public/complaints', { body: publicComplaint() }));
    await seedSurveys();
    await seedGrading();
  });
  afterAll(() => aws.stop());

  const documented = routes.flatMap((route) => {
    const [status, response] = Object.entries(operationOf(document, route).responses).find(([code]) =>
      code.startsWith('2'),
    ) ?? ['', undefined];
    const schema = (response as OpenApiResponse | undefined)?.content?.['application/json']?.schema;
    return schema ? [{ key: routeKey(route), status: Number(status), schema }] : [];
  });

  /** Routes that answer with a file (`fileDownload`): their media types instead of a JSON schema. */
  const files = routes.flatMap((route) => {
    const [status, response] = Object.entries(operationOf(document, route).responses).find(([code]) =>
      code.startsWith('2'),
    ) ?? ['', undefined];
    const content = (response as OpenApiResponse | undefined)?.content ?? {};
    return route.response.files
      ? [{ key: routeKey(route), status: Number(status), mediaTypes: Object.keys(content) }]
      : [];
  });

  it('covers every route of the route table', () => {
    expect([...documented, ...files].map((entry) => entry.key).sort()).toEqual(routes.map(routeKey).sort());
  });

  it.each(files)(
    '$key answers a file of a documented media type, with its name',
    async ({ key, status, mediaTypes }) => {
      const sample = samples[key];
      expect(sample, `add a real request for ${key} to the samples`).toBeDefined();

      const response = await (sample as () => Promise<HttpResult>)();

      expect(response.statusCode, response.body).toBe(status);
      expect(mediaTypes).toContain(response.headers?.['content-type']);
      expect(response.headers?.['content-disposition']).toMatch(/filename\*=UTF-8''.+/);
      expect(response.isBase64Encoded).toBe(true);
      expect(Buffer.from(response.body ?? '', 'base64').length).toBeGreaterThan(0);
    },
  );

  it.each(documented)(
    '$key answers what its documentation says, naming every field',
    async ({ key, status, schema }) => {
      const sample = samples[key];
      expect(sample, `add a real request for ${key} to the samples`).toBeDefined();

      const response = await (sample as () => Promise<HttpResult>)();

      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers?.['content-type']).toMatch(/^application\/json/);
      const validate = validatorFor(schema, { closed: true });
      expect(validate(bodyOf(response)), JSON.stringify(validate.errors)).toBe(true);
    },
  );
});
