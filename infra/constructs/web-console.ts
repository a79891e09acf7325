import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DefaultStackSynthesizer,
  DockerImage,
  Duration,
  FileSystem,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  S3OriginAccessControl,
  Signing,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { repoRoot } from '../bundling.ts';
import type { GreenlineApi } from './platform/api.ts';
import type { AttachmentStore } from './platform/attachment-store.ts';
import { logicalIdOf } from './platform/naming.ts';

export interface WebConsoleProps {
  readonly stage: string;
  /** Served under `/v1/*` of the same distribution; its web client gets this origin's sign-in callback. */
  readonly api: GreenlineApi;
  /** Its CORS rule admits this origin's pages; their `connect-src` admits its upload origin. */
  readonly attachments: AttachmentStore;
  readonly logRetention: RetentionDays;
  /**
   * Origins that serve these same pages besides the distribution's own `https://<id>.cloudfront.net` — a custom
   * domain or a proxy in front of it (from `greenline:publicBaseUrl`): they may sign in and upload too.
   */
  readonly otherOrigins?: readonly string[];
  /** A WAF web ACL (scope CLOUDFRONT, in us-east-1) to put in front of the distribution, when the bureau has one. */
  readonly webAclArn?: string;
}

/** Where Vite's config and sources live (web/vite.config.ts builds `web/` → `web/dist/`). */
const webRoot = join(repoRoot, 'web');

/** China's Cybersecurity Law (art. 21) asks for network logs kept at least six months; a year leaves room. */
const accessLogRetention = Duration.days(365);

/**
 * A CloudFront Function on viewer requests of the pages: a path whose last segment has no extension (`/`, `/track`,
 * `/console/cases/01K…`) is a route of the single-page app and gets `/index.html`; a file (`/assets/…`,
 * `/config.json`) is served as it is, so a missing one stays a 403/404 rather than a page. `/v1/*` never runs it, so
 * the API's own 404s reach the caller unchanged. (cloudfront-js-2.0: ES5 syntax plus a few later features.)
 */
export const pageRewriteSource = `function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The pages' content security policy, as `npm start` serves it (local/web-console.ts `pageSecurityHeaders`), plus
 * what the deployed pages also talk to: the attachments bucket (presigned uploads) and the hosted UI's domain (the
 * token exchange after sign-in).
 */
export const pageContentSecurityPolicy = (connectTo: readonly string[]): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${connectTo.join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');

/**
 * The console's build as a CDK asset: `vite build` run by the project's own Node (the one running the CDK app) into
 * the asset's folder — no Docker, as the functions are bundled by esbuild locally. The asset's hash is that of the
 * sources under `web/` and the package lock, so `cdk synth` builds again only when either changed (CDK reuses
 * `cdk.out/asset.<hash>`); a stack synthesized without bundling (the tests) never builds.
 */
const consoleBuild = (): ISource => {
  const exclude = ['dist', 'screenshots', 'node_modules'];
  const lock = createHash('sha256')
    .update(readFileSync(join(repoRoot, 'package-lock.json')))
    .digest('hex');
  return Source.asset(webRoot, {
    exclude,
    assetHash: FileSystem.fingerprint(webRoot, { exclude, extraHash: lock }),
    bundling: {
      // Never pulled: local bundling either builds or throws, so a failed build is an error, not a Docker fallback.
      image: DockerImage.fromRegistry('greenline/web-console-is-built-locally'),
      local: {
        tryBundle(outputDir: string): boolean {
          const vite = join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
          execFileSync(
            process.execPath,
            [vite, 'build', webRoot, '--outDir', outputDir, '--emptyOutDir', '--logLevel', 'warn'],
            { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] },
          );
          return true;
        },
      },
    },
  });
};

/**
 * The web console in AWS: the Vite build of `web/` in a private bucket, served by a CloudFront distribution that
 * reads it through origin access control, and the API on the same distribution under `/v1/*` — so the pages call the
 * API on their own origin, as `npm start` serves them, and need no CORS. `/config.json` beside the pages tells them to
 * sign in through the hosted UI of the API's user pool.
 *
 * The distribution's origin (`https://<id>.cloudfront.net`) is known only once CloudFront made it, so what must name
 * it refers to the distribution and is made after it: the web client's callback URL, the attachments bucket's CORS
 * rule and `config.json`. Nothing the distribution refers to names it back (the bucket's origin in the content
 * security policy is built from the bucket's given name, see {@link AttachmentStore.uploadOrigin}).
 */
export class WebConsole extends Construct {
  readonly bucket: Bucket;
  /** CloudFront's standard logs and the bucket's server access logs. */
  readonly accessLogs: Bucket;
  readonly distribution: Distribution;
  readonly headers: ResponseHeadersPolicy;
  /** `https://<distribution domain>`, no trailing slash: what `window.location.origin` reads in the pages. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: WebConsoleProps) {
    super(scope, id);
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const { stage } = props;

    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // S3 and CloudFront log delivery write with SSE-S3 only.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered under the bucket's ACL (its awslogsdelivery account), so ACLs stay on.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-logs', expiration: accessLogRetention }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'console-bucket/',
      // Only a build, which any deploy makes again; retained all the same, since CloudFormation deletes no bucket that
      // still holds files, and the deployments leave theirs.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const pageRewrite = new EdgeFunction(this, 'PageRewrite', {
      functionName: `greenline-${stage}-console-page-rewrite`,
      comment: 'Routes of the single-page console get /index.html',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(pageRewriteSource),
    });

    this.headers = new ResponseHeadersPolicy(this, 'PageHeaders', {
      // Policy names are unique in the account: one per stage.
      responseHeadersPolicyName: `greenline-${stage}-console-pages`,
      comment: 'Greenline console pages: CSP, HSTS, no framing, no sniffing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          contentSecurityPolicy: pageContentSecurityPolicy([
            props.attachments.uploadOrigin,
            props.api.signInDomain.baseUrl(),
          ]),
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
      },
    });

    const originAccessControl = new S3OriginAccessControl(this, 'OriginAccessControl', {
      originAccessControlName: `greenline-${stage}-console`,
      description: 'CloudFront reads the Greenline console bucket, signing every request',
      signing: Signing.SIGV4_ALWAYS,
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Greenline ${stage}: web console, and the API under /v1/*`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket, { originAccessControl }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        functionAssociations: [{ function: pageRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: {
        '/v1/*': {
          origin: new HttpOrigin(props.api.domainName, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          // Not a redirect: a request sent over HTTP has already shown its token.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Every header, query string and cookie but Host: API Gateway answers only to its own host name. (Through
          // CloudFront, API Gateway's sourceIp is the edge's address; the viewer's is in X-Forwarded-For.)
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // CloudFront has no edge in mainland China; its users and Hong Kong's are served from Hong Kong, Taiwan, Japan,
      // Korea and Singapore, all in price class 200. "All" adds only South America and Oceania, which they never use.
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: this.accessLogs,
      logFilePrefix: 'cloudfront/',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'No geo restriction: the public may report pollution from anywhere (a resident travelling abroad, Hong Kong and Macao); officials sign in with Cognito, and API Gateway throttles the API and each public route.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'The distribution uses the default *.cloudfront.net certificate, whose viewer security policy CloudFront fixes (TLSv1); a bureau domain with its own ACM certificate (us-east-1) is a deployment decision, and then the minimum protocol can be TLSv1.2_2021.',
      },
    );
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF by default: the pages are static files, API Gateway throttles the API behind /v1/* and each public route on its own, and official routes need Cognito tokens; a bureau that wants WAF (and its monthly cost) passes its web ACL as webAclArn.',
      });
    }

    const origins = [this.origin, ...(props.otherOrigins ?? [])];
    for (const origin of origins) {
      props.api.allowSignInFrom(origin);
      props.attachments.allowUploadsFrom(origin);
    }

    this.deploy(props, consoleBuild());
  }

  /**
   * Uploads the build in two steps: the hashed files under `assets/` first, cached for a year and never deleted (a
   * page opened before a deploy still loads its route's chunks), then `index.html` with `config.json`, which CloudFront
   * and browsers revalidate, so a deploy shows at the next reload.
   */
  private deploy(props: WebConsoleProps, build: ISource): void {
    // The deployment's function logs to a group with the stack's retention, under a role without managed policies.
    const logGroup = new LogGroup(this, 'DeploymentLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the console build into its bucket (BucketDeployment)',
    });
    logGroup.grantWrite(role);
    const common = { destinationBucket: this.bucket, role, logGroup, memoryLimit: 512, prune: false } as const;

    const assets = new BucketDeployment(this, 'DeployAssets', {
      ...common,
      sources: [build],
      exclude: ['*'],
      include: ['assets/*'],
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
    });

    const config = {
      auth: {
        mode: 'cognito',
        domain: props.api.signInDomain.baseUrl(),
        clientId: props.api.userPoolClient.userPoolClientId,
      },
    };
    const pages = new BucketDeployment(this, 'DeployPages', {
      ...common,
      sources: [build, Source.jsonData('config.json', config)],
      exclude: ['*'],
      include: ['index.html', 'config.json'],
      cacheControl: [CacheControl.noCache()],
    });
    pages.node.addDependency(assets);

    const bucketId = logicalIdOf(this.bucket.node.defaultChild as CfnBucket);
    const qualifier: string =
      this.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    // As cdk-nag writes the bootstrap bucket's name: the stack's account and region, or the pseudo parameters.
    const stack = Stack.of(this);
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    Validations.of(role).acknowledge(
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `BucketDeployment's own grant (${action}): it reads the build from the CDK asset bucket and lists the console bucket to sync it; the resources are those two buckets only.`,
      })),
      ...['s3:DeleteObject*', 's3:Abort*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `BucketDeployment's own grant (${action}) on the console bucket's objects, which hold nothing but the build it copies there.`,
      })),
      {
        id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-${account}-${region}/*]`,
        reason:
          'The CDK bootstrap asset bucket, read-only: asset object keys are content hashes known only at synth, so BucketDeployment grants the bucket.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`,
        reason:
          'Every object of the console bucket: the deployment writes whichever files the build holds (hashed names under assets/).',
      },
    );
    // BucketDeployment's handler is a stack-wide singleton, named after its memory size.
    const handler = stack.node.children
      .filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'))
      .find((child) => child.node.id.endsWith(`${common.memoryLimit}MiB`));
    if (handler) {
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          "BucketDeployment's handler runs the Python runtime that aws-cdk-lib pins with its bundled AWS CLI layer; it runs only during deployments, on the build it copies, and moves forward with aws-cdk-lib upgrades.",
      });
    }
  }
}
