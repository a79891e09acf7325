import { Aws, Duration, Lazy, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRoute,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { roleLabels } from '#directory/domain/roles.ts';
import type { FunctionName } from '#platform/catalog/catalog.ts';
import { officialRoles } from '#platform/domain/principal.ts';
import { claimNames } from '#platform/http/auth.ts';
import { corsPolicy, type RouteDefinition, routeKey } from '#platform/http/routes.ts';
import type { GreenlineFunction } from './greenline-function.ts';
import { pascalCase } from './naming.ts';

/** The claim `custom:unit` comes from the user pool's custom attribute `unit`. */
const unitAttribute = claimNames.unit.replace(/^custom:/, '');

export interface GreenlineApiProps {
  readonly stage: string;
  readonly routes: readonly RouteDefinition[];
  readonly functions: Readonly<Record<FunctionName, GreenlineFunction>>;
  readonly logRetention: RetentionDays;
  /** Steady-state requests per second across the API, and the burst above it. */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
  /** Each public route's own limit, tighter than the API's (per-client limits are counted in the functions). */
  readonly publicRouteThrottle?: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * Origins of browser pages that call the API from another origin (CORS). None by default: the console calls the API
   * on its own origin, through the CloudFront distribution's `/v1/*` behaviour, so no browser needs CORS; machine
   * clients (the hotline system) do not use it at all.
   */
  readonly allowedOrigins?: readonly string[];
  /** The prefix of the hosted UI's domain, `<prefix>.auth.<region>.amazoncognito.com`; unique in the region. */
  readonly signInDomainPrefix?: string;
}

/** Where the hosted UI sends officials back with the authorization code (web/src/auth/cognito.ts). */
export const signInCallbackPath = '/console/callback';

/**
 * Greenline's one HTTP API: every route of the route table in `shared/platform/http/routes.ts`, whichever capability
 * serves it, public and official alike; and the Cognito user pool of the officials who call it. Routes name their
 * function, so the API is given the composed map of every capability's functions.
 *
 * Officials sign in to the pool; the API accepts their ID tokens (audience: the app client) through a JWT authorizer,
 * so functions read `cognito:username`, `cognito:groups` (one group per role) and `custom:unit` from verified claims.
 * Every route states its authorization: `official` routes use the JWT authorizer, `public` ones say NONE explicitly.
 *
 * The console signs officials in through Cognito's hosted UI (`signInDomain`): the authorization-code flow with PKCE,
 * on the web client, which has no secret. The pages that may do so are added with {@link allowSignInFrom} once their
 * origin is known — the console's distribution is made after the API, since it forwards `/v1/*` to it.
 */
export class GreenlineApi extends Construct {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** The hosted UI's domain (`signInDomain.baseUrl()`: `https://<prefix>.auth.<region>.amazoncognito.com`). */
  readonly signInDomain: UserPoolDomain;
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly routes: readonly HttpRoute[];
  private readonly signInOrigins: string[] = [];

  constructor(scope: Construct, id: string, props: GreenlineApiProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `greenline-${props.stage}-officials`,
      // Accounts are created by administrators for bureau staff; nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: false, mutable: true } },
      autoVerify: { email: true },
      customAttributes: { [unitAttribute]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional, not required: the hotline-system account is a machine client that cannot answer a second factor; staff accounts are created by administrators (no self sign-up) who can enforce TOTP per user.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason:
          'Essentials tier: accounts exist only for bureau staff created by administrators, with a 12-character password policy and optional TOTP; the per-user price of Plus threat protection is a decision for the bureau at deployment, not a default of the template.',
      },
    );
    for (const role of officialRoles) {
      this.userPool.addGroup(`${pascalCase(role)}Group`, { groupName: role, description: roleLabels[role] });
    }
    this.signInDomain = this.userPool.addDomain('SignInDomain', {
      // The account in the prefix keeps it unique in the region, as Cognito requires, for every stage of every bureau.
      cognitoDomain: { domainPrefix: props.signInDomainPrefix ?? `greenline-${props.stage}-${Aws.ACCOUNT_ID}` },
    });
    const callbackUrls = Lazy.list({ produce: () => this.signInOrigins.map((origin) => origin + signInCallbackPath) });
    // Both spellings of the origin: Cognito compares a logout_uri exactly.
    const logoutUrls = Lazy.list({ produce: () => this.signInOrigins.flatMap((origin) => [origin, `${origin}/`]) });
    this.userPoolClient = this.userPool.addClient('WebClient', {
      userPoolClientName: `greenline-${props.stage}-web`,
      // SRP for machine clients (the hotline system); the console goes through the hosted UI below.
      authFlows: { userSrp: true },
      // No secret (the default): a page cannot keep one; PKCE protects the code instead (web/src/auth/cognito.ts).
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.PROFILE, OAuthScope.EMAIL],
        callbackUrls,
        logoutUrls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // What the ID token carries besides cognito:username and cognito:groups (always there): the unit the API scopes
      // every read by, and the name and email the console shows.
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ fullname: true, email: true, emailVerified: true })
        .withCustomAttributes(unitAttribute),
      // The unit claim decides what a user may see: only administrators change it, never the user through this client.
      writeAttributes: new ClientAttributes(),
    });
    this.node.addValidation({
      validate: () =>
        this.signInOrigins.length === 0
          ? ['The web client has the code flow but no page to return to: call allowSignInFrom(origin)']
          : [],
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `greenline-${props.stage}`,
      description: 'Greenline case handling API',
      createDefaultStage: false,
      ...(props.allowedOrigins?.length
        ? {
            corsPreflight: {
              allowOrigins: [...props.allowedOrigins],
              allowMethods: corsPolicy.allowMethods.map((method) => CorsHttpMethod[method]),
              allowHeaders: [...corsPolicy.allowHeaders],
              exposeHeaders: [...corsPolicy.exposeHeaders],
              maxAge: Duration.seconds(corsPolicy.maxAgeSeconds),
            },
          }
        : {}),
    });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle ?? { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            sourceIp: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });

    const jwtAuthorizer = new HttpJwtAuthorizer('CognitoIdToken', this.userPool.userPoolProviderUrl, {
      jwtAudience: [this.userPoolClient.userPoolClientId],
    });
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationFor = (name: FunctionName): HttpLambdaIntegration => {
      let integration = integrations.get(name);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${pascalCase(name)}Integration`, props.functions[name].lambda);
        integrations.set(name, integration);
      }
      return integration;
    };

    const created: HttpRoute[] = [];
    for (const route of props.routes) {
      // The local runtime's /local/* routes (token issuer, inbox …) exist on one machine only.
      if (route.path === '/local' || route.path.startsWith('/local/')) {
        throw new Error(`Route ${routeKey(route)} is local-only and must not be deployed`);
      }
      const isPublic = route.auth === 'public';
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrationFor(route.function),
        authorizer: isPublic ? new HttpNoneAuthorizer() : jwtAuthorizer,
      });
      if (!httpRoute) throw new Error(`No route was created for ${routeKey(route)}`);
      if (isPublic) {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason: `${routeKey(route)} (${route.summary}) is marked auth: 'public' in shared/platform/http/routes.ts: callers have no token by design.`,
        });
      }
      created.push(httpRoute);
    }
    this.routes = created;

    const publicLimit = props.publicRouteThrottle ?? { rateLimit: 10, burstLimit: 20 };
    (this.stage.node.defaultChild as CfnStage).addPropertyOverride(
      'RouteSettings',
      Object.fromEntries(
        props.routes
          .filter((route) => route.auth === 'public')
          .map((route) => [
            routeKey(route),
            { ThrottlingRateLimit: publicLimit.rateLimit, ThrottlingBurstLimit: publicLimit.burstLimit },
          ]),
      ),
    );
  }

  /**
   * Lets the pages of `origin` (`https://host`, no path) sign officials in through the hosted UI: its
   * `/console/callback` becomes a callback URL of the web client and the origin a sign-out URL.
   */
  allowSignInFrom(origin: string): void {
    this.signInOrigins.push(origin);
  }

  /** The API's host name, as an origin of the console's distribution. */
  get domainName(): string {
    const { region, urlSuffix } = Stack.of(this);
    return `${this.httpApi.apiId}.execute-api.${region}.${urlSuffix}`;
  }

  /** The base URL of the API, ending in `/`. */
  get url(): string {
    return this.stage.url;
  }
}
