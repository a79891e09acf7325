/**
 * `npm run api-types`: the console's API types (`web/src/api/schema.gen.ts`) generated from the OpenAPI document the
 * API serves at `/v1/openapi.json` — built here in process from the same route table, so no server is needed — in the
 * shape `openapi-fetch` reads (`paths` → method → `parameters`, `requestBody`, `responses`), as openapi-typescript
 * emits it. openapi-typescript itself needs TypeScript 5's compiler API, which TypeScript 7 (this project's) does not
 * have; json-schema-to-typescript turns the document's JSON Schemas into types without it.
 *
 * `npm test` regenerates the file in memory and fails when the committed one differs (`test/web/api-types.test.ts`).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { buildOpenApiDocument, type JsonSchema } from '#platform/http/openapi.ts';
import { routes } from '#platform/http/routes.ts';
import packageJson from '../../package.json' with { type: 'json' };

export const generatedPath = join(import.meta.dirname, '..', 'src', 'api', 'schema.gen.ts');

type Schema = Record<string, unknown>;

const object = (properties: Record<string, unknown>, required: string[] = []): Schema => ({
  type: 'object',
  additionalProperties: false,
  properties,
  required,
});
const never: Schema = { tsType: 'never' };

/** `#/components/schemas/X` → `#/$defs/X`: the component schemas become named types of one root schema. */
const localRefs = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(localRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, inner]) => !(key === 'title' && typeof inner === 'string'))
      .map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string'
          ? inner.replace('#/components/schemas/', '#/$defs/')
          : localRefs(inner),
      ]),
  );
};

interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

const parameterGroup = (parameters: readonly Parameter[], place: Parameter['in']): Schema | undefined => {
  const own = parameters.filter((parameter) => parameter.in === place);
  if (own.length === 0) return undefined;
  return object(
    Object.fromEntries(own.map((parameter) => [parameter.name, parameter.schema])),
    own.filter((parameter) => parameter.required).map((parameter) => parameter.name),
  );
};

const operationSchema = (operation: Schema): Schema => {
  const parameters = (operation.parameters ?? []) as Parameter[];
  const groups = Object.fromEntries(
    (['query', 'header', 'path'] as const).map((place) => [place, parameterGroup(parameters, place) ?? never]),
  );
  const requiredGroups = (['query', 'header', 'path'] as const).filter((place) =>
    parameters.some((parameter) => parameter.in === place && parameter.required),
  );
  const responses = Object.fromEntries(
    Object.entries(operation.responses as Record<string, Schema>).map(([status, response]) => {
      if (typeof response.$ref === 'string') {
        return [
          status,
          object(
            {
              content: object({ 'application/problem+json': { $ref: '#/$defs/Problem' } }, [
                'application/problem+json',
              ]),
            },
            ['content'],
          ),
        ];
      }
      const content = response.content as Record<string, { schema: JsonSchema }> | undefined;
      return [
        status,
        content
          ? object(
              {
                content: object(
                  Object.fromEntries(Object.entries(content).map(([type, media]) => [type, media.schema])),
                  Object.keys(content),
                ),
              },
              ['content'],
            )
          : object({ content: never }),
      ];
    }),
  );
  const body = operation.requestBody as
    | { required?: boolean; content: Record<string, { schema: JsonSchema }> }
    | undefined;
  return object(
    {
      parameters: object({ ...groups, cookie: never }, requiredGroups),
      requestBody: body
        ? object(
            {
              content: object(
                Object.fromEntries(Object.entries(body.content).map(([type, media]) => [type, media.schema])),
                Object.keys(body.content),
              ),
            },
            ['content'],
          )
        : never,
      responses: object(responses, Object.keys(responses)),
    },
    ['parameters', 'responses', ...(body?.required ? ['requestBody'] : [])],
  );
};

/** The generated module's text. */
export const generateApiTypes = async (): Promise<string> => {
  const document = buildOpenApiDocument({ routes, version: packageJson.version });
  const operations: Record<string, Schema> = {};
  const paths: Record<string, Schema> = {};
  for (const [path, item] of Object.entries(document.paths)) {
    const methods: Record<string, Schema> = {};
    for (const [method, operation] of Object.entries(item)) {
      const id = (operation as { operationId: string }).operationId;
      operations[id] = operationSchema(operation as unknown as Schema);
      methods[method] = { tsType: `operations['${id}']` };
    }
    paths[path] = object(methods, Object.keys(methods));
  }
  const root = localRefs({
    title: 'Api',
    ...object({ paths: object(paths, Object.keys(paths)), operations: object(operations, Object.keys(operations)) }, [
      'paths',
      'operations',
    ]),
    $defs: {
      ...Object.fromEntries(
        Object.entries(document.components.schemas).map(([name, schema]) => [name, { ...schema, title: name }]),
      ),
    },
  }) as Schema;
  // Named component schemas keep their names; localRefs dropped every other title (zod copies descriptions into titles).
  for (const [name, schema] of Object.entries(root.$defs as Record<string, Schema>)) schema.title = name;
  const body = await compile(root as JSONSchema, 'Api', {
    bannerComment: '',
    additionalProperties: false,
    unreachableDefinitions: true,
    strictIndexSignatures: true,
    format: true,
    style: { singleQuote: true, printWidth: 120 },
    declareExternallyReferenced: true,
  });
  // Status codes as number keys (`200:`), as openapi-typescript emits them: openapi-fetch matches numeric statuses.
  const numericStatuses = body.replace(/^(\s+)'(\d{3})':/gm, '$1$2:');
  return [
    '/* Generated by `npm run api-types` from the OpenAPI document (/v1/openapi.json). Do not edit. */',
    numericStatuses.trim(),
    "export type paths = Api['paths'];",
    "export type operations = Api['operations'];",
    '',
  ].join('\n');
};

if (import.meta.main) {
  writeFileSync(generatedPath, await generateApiTypes());
  console.log(`wrote ${generatedPath}`);
}
