/**
 * The import rules `npm test` enforces (`npm run deps`): the arrows point one way —
 * domain ← store ← services ← api.ts / functions — and nothing reaches back (see ../shared/engineering/style.md).
 *
 * Paths are relative to the folder cruised from (the repo root, or a fixture tree in test/platform/dependency-rules
 * that mirrors it), so local paths are anchored at `^` and packages are matched as `(^|/)node_modules/<name>/`.
 * Each rule's `comment` is printed with every violation of it: it says the rule and why.
 *
 * Parsing: TypeScript 7 (the Go compiler) ships no JavaScript compiler API that dependency-cruiser can load (it
 * accepts typescript >=2 <7 for its `tsc` parser), so swc (@swc/core) parses instead. swc keeps `import type` edges (marked `type-only`), so type imports
 * count for every rule here, cycles included. test/platform/dependency-rules.test.ts proves it with a type-only
 * cycle, so a silent fall-back to a parser that drops type imports fails the tests.
 */
import type { IConfiguration } from 'dependency-cruiser';

/** Any capability's pure layer, the platform's primitives (shared/platform/domain/) included. */
const domain = '^shared/[^/]+/domain/';

/** Packages that bind code to AWS or to the Lambda runtime. */
const awsAndLambdaPackages = '(^|/)node_modules/(@aws-sdk|@smithy|@aws-lambda-powertools|@middy|@types/aws-lambda)/';

/**
 * Pure packages the domain may import: zod (schemas are the domain's vocabulary) and chinese-days (the State Council
 * holiday table, data only, read in shared/deadlines/domain/holiday-library.ts). ulid is not here on purpose: an id
 * generator reads the clock and randomness, so ids are made in services and passed in, as the clock is. pure-rand is
 * here on purpose: a seeded generator is a pure function of its seed (no clock, no entropy), and the random inspection
 * draw (shared/inspections/domain/draw.ts) must be one, so that anyone can re-run it from its published seed.
 */
const purePackages = '(^|/)node_modules/(zod|chinese-days|pure-rand)/';

/** The compositions: each composes every capability's own declarations into one list. */
const compositions = '^shared/platform/(catalog/catalog|http/routes)[.]ts$';

/** Any capability folder other than the platform. */
const capability = '^shared/(?!platform/)[^/]+/';

const config: IConfiguration = {
  forbidden: [
    {
      name: 'domain-no-aws',
      severity: 'error',
      comment:
        'domain/ imports no AWS SDK, Powertools, middy or Lambda types. Why: the domain is pure rules, a function of ' +
        'its inputs, tested with plain vitest at thousands of cases a second; I/O belongs in store/ and services/, ' +
        'Lambda shapes in functions/.',
      from: { path: domain },
      to: { path: awsAndLambdaPackages },
    },
    {
      name: 'domain-only-pure-packages',
      severity: 'error',
      comment:
        'domain/ imports no package but zod, chinese-days and pure-rand, and no Node built-in. Why: the domain stays pure and ' +
        'portable (no fs, net, randomness or clock of its own); a new pure package is added to this list on purpose, ' +
        'in .dependency-cruiser.ts, with a reason.',
      from: { path: domain },
      to: {
        dependencyTypesNot: ['local'],
        couldNotResolve: false,
        pathNot: [purePackages, awsAndLambdaPackages],
      },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment:
        "domain/ imports only domain/ code: its own, other capabilities' domain/ and shared/platform/domain/. Not " +
        'store/, services/, api.ts, notices.ts, resources.ts, the rest of shared/platform (config, clock, DynamoDB, ' +
        'adapters, http), functions/, local/ or infra/. Why: everything outside domain/ does I/O or knows the ' +
        'runtime; the domain must run and be tested without any of it.',
      from: { path: domain },
      to: { dependencyTypes: ['local'], pathNot: domain },
    },
    {
      name: 'runtime-not-infra-or-local',
      severity: 'error',
      comment:
        'Nothing in shared/ or functions/ imports infra/ or local/. Why: shared/ and functions/ are what ships in the ' +
        'Lambda bundles; infra/ is CDK (deploy time) and local/ the one-machine runtime, and neither may leak into a ' +
        'bundle or become something the deployed code depends on.',
      from: { path: '^(shared|functions)/' },
      to: { path: '^(infra|local)/' },
    },
    {
      name: 'functions-through-services',
      severity: 'error',
      comment:
        "functions/<capability>/ import only services/, their capability's api.ts (the HTTP boundary: its routes " +
        'with zod request and response schemas) and resources.ts, and shared/platform outside domain/ (handler ' +
        'wrappers, config, logger, metrics, catalog). Not domain/ or store/ directly, nor another function. Why: a ' +
        'handler is three steps (parse with the schema of api.ts, call one service, map the result); rules live in ' +
        'services and the domain, data access in store/, so a handler that reaches past them duplicates or bypasses ' +
        'them.',
      from: { path: '^functions/([^/]+)/' },
      to: {
        path: '^(shared|functions)/',
        pathNot: ['^shared/[^/]+/services/', '^shared/$1/(api|resources)[.]ts$', '^shared/platform/(?!domain/)'],
      },
    },
    {
      name: 'store-is-private',
      severity: 'error',
      comment:
        "A capability's store/ is its own: only files of the same shared/<capability>/ folder import " +
        'shared/<capability>/store/ (test/, local/ seeding and bench/ may too; functions/ and shared/platform are ' +
        'held by their own rules, which forbid any store). Why: the store owns its keys and items; another ' +
        "capability goes through that capability's services, so key design can change in one place.",
      from: { path: '^(shared/(?!platform/)[^/]+|infra)/' },
      to: { path: '^shared/[^/]+/store/', pathNot: '^$1/store/' },
    },
    {
      name: 'store-below-services',
      severity: 'error',
      comment:
        'store/ imports no services/, api.ts or notices.ts. Why: the arrows point one way (domain ← store ← services ' +
        '← api/functions); a store that calls up into a use case makes the layers a tangle.',
      from: { path: '^shared/[^/]+/store/' },
      to: { path: '^shared/[^/]+/(services/|(api|notices)[.]ts$)' },
    },
    {
      name: 'services-below-api',
      severity: 'error',
      comment:
        'services/ import no api.ts. Why: api.ts is the HTTP boundary (routes, request and response schemas) on top ' +
        'of the services; a use case that depends on its HTTP shape cannot be called from a queue or a schedule.',
      from: { path: '^shared/[^/]+/services/' },
      to: { path: '^shared/[^/]+/api[.]ts$' },
    },
    {
      name: 'platform-below-capabilities',
      severity: 'error',
      comment:
        'shared/platform imports no capability folder, except the two compositions (rule ' +
        'platform-compositions-take-declarations). Why: the platform is the bottom layer every capability builds on; ' +
        'a platform module that knows a capability is a cycle waiting to happen and cannot be reused.',
      from: { path: '^shared/platform/', pathNot: compositions },
      to: { path: capability },
    },
    {
      name: 'platform-compositions-take-declarations',
      severity: 'error',
      comment:
        "shared/platform/catalog/catalog.ts and shared/platform/http/routes.ts import only each capability's " +
        'declarations: resources.ts (functions, schedules) and api.ts (routes). Why: they are the one place that ' +
        'composes every capability into the catalog CDK deploys and the router that serves, so each capability ' +
        'declares its own and the platform lists them; reaching past the declarations would make the platform ' +
        'depend on capability internals.',
      from: { path: compositions },
      to: { path: capability, pathNot: '^shared/[^/]+/(api|resources)[.]ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles, type-only imports included. Why: a cycle means two modules cannot be understood, tested ' +
        'or moved apart, and in ESM it can leave a binding undefined at load; type cycles count because they tie ' +
        'the layers together just the same.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment:
        'Every import resolves to a file (package.json "imports" aliases like #cases/… included). Why: an import ' +
        'this check cannot resolve is one it cannot judge, so every other rule would pass it unseen.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // See the header: TypeScript 7 leaves swc as the parser that reads TypeScript. swc records `import type` edges
    // (dependency type `type-only`) on its own; tsPreCompilationDeps is the tsc parser's switch for the same, and
    // setting it here would only make dependency-cruiser look for a TypeScript <7 API and warn that it is missing.
    parser: 'swc',
    doNotFollow: { path: '(^|/)node_modules/' },
    // package.json "imports" (#cases/…) resolve through enhanced-resolve's default importsFields; exports and
    // conditions so packages resolve as Node resolves them.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'node', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};

export default config;
