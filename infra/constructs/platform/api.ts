import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
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
  StringAttribute,
  UserPool,
  type UserPoolClient,
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
  /** Origins of the browser pages that call the API (CORS); default: any origin (tokens, not cookies, authorise). */
  readonly allowedOrigins?: readonly string[];
}

/**
 * Greenline's one HTTP API: every route of the route table in `shared/platform/http/routes.ts`, whichever capability
 * serves it, public and official alike; and the Cognito user pool of the officials who call it. Routes name their
 * function, so the API is given the composed map of every capability's functions.
 *
 * Officials sign in to the pool; the API accepts their ID tokens (audience: the app client) through a JWT authorizer,
 * so functions read `cognito:username`, `cognito:groups` (one group per role) and `custom:unit` from verified claims.
 * Every route states its authorization: `official` routes use the JWT authorizer, `public` ones say NONE explicitly.
 */
export class GreenlineApi extends Construct {
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly routes: readonly HttpRoute[];

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
    this.userPoolClient = this.userPool.addClient('WebClient', {
      userPoolClientName: `greenline-${props.stage}-web`,
      authFlows: { userSrp: true },
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      // The unit claim decides what a user may see: only administrators change it, never the user through this client.
      writeAttributes: new ClientAttributes(),
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `greenline-${props.stage}`,
      description: 'Greenline case handling API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...(props.allowedOrigins ?? ['*'])],
        allowMethods: corsPolicy.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: [...corsPolicy.allowHeaders],
        exposeHeaders: [...corsPolicy.exposeHeaders],
        maxAge: Duration.seconds(corsPolicy.maxAgeSeconds),
      },
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

  /** The base URL of the API, ending in `/`. */
  get url(): string {
    return this.stage.url;
  }
}
