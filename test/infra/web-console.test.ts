import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { pageRewriteSource } from '#infra/constructs/web-console.ts';
import { GreenlineStack } from '#infra/stack.ts';
import { claimNames } from '#platform/http/auth.ts';
import { flatTemplate } from './template.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the synthesized template's JSON freely.
type Json = any;
type Resource = { Type: string; Properties: Record<string, Json>; DependsOn?: string[]; DeletionPolicy?: string };

const stage = 'test';
const mailFrom = 'noreply@greenline.example.cn';
/** CloudFront's managed policies, by the ids CloudFormation takes. */
const managed = {
  cachingDisabled: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
  cachingOptimized: '658327ea-f89d-4fab-a63d-7e88639e58f6',
  allViewerExceptHostHeader: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
};

let app: App;
let template: Template;
let resources: Record<string, Resource>;

beforeAll(() => {
  app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  template = flatTemplate(new GreenlineStack(app, 'Greenline', { stage, mailFrom }));
  resources = template.toJSON().Resources;
});

const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
const only = (type: string): [string, Resource] => {
  const found = ofType(type);
  expect(found, type).toHaveLength(1);
  return found[0] as [string, Resource];
};
const getAtt = (logicalId: string, attribute: string) => ({ 'Fn::GetAtt': [logicalId, attribute] });
const distribution = () => only('AWS::CloudFront::Distribution');
const distributionConfig = () => distribution()[1].Properties.DistributionConfig;
const consoleOrigin = () => ({ 'Fn::Join': ['', ['https://', getAtt(distribution()[0], 'DomainName')]] });
/** The bucket CloudFront reads the pages from: the S3 origin of the distribution. */
const consoleBucketId = (): string => {
  const s3Origin = (distributionConfig().Origins as Json[]).find((origin) => origin.S3OriginConfig);
  return s3Origin.DomainName['Fn::GetAtt'][0];
};
const apiBehaviour = () => (distributionConfig().CacheBehaviors as Json[]).find((b) => b.PathPattern === '/v1/*');
/** The CSP as a string, with CloudFormation references written `<Ref>` or `<Resource.Attribute>`. */
const contentSecurityPolicy = (): string => {
  const [, policy] = only('AWS::CloudFront::ResponseHeadersPolicy');
  const csp = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy;
  const parts = csp.ContentSecurityPolicy['Fn::Join'][1] as Json[];
  return parts
    .map((part) => (typeof part === 'string' ? part : part.Ref ? `<${part.Ref}>` : `<${part['Fn::GetAtt'].join('.')}>`))
    .join('');
};

describe('console bucket', () => {
  it('is private, TLS only, encrypted, with ACLs off and server access logs', () => {
    const bucket = resources[consoleBucketId()];

    expect(bucket?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: expect.any(String) } },
    });
    expect(bucket?.Properties.WebsiteConfiguration).toBeUndefined();
  });

  it('grants reads to CloudFront alone, and only on behalf of this distribution (origin access control)', () => {
    const [, policy] =
      ofType('AWS::S3::BucketPolicy').find(([, candidate]) => candidate.Properties.Bucket.Ref === consoleBucketId()) ??
      [];
    const statements = policy?.Properties.PolicyDocument.Statement as Json[];
    const allows = statements.filter((statement) => statement.Effect === 'Allow');

    expect(allows).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [getAtt(consoleBucketId(), 'Arn'), '/*']] },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudfront::',
                  { Ref: 'AWS::AccountId' },
                  ':distribution/',
                  { Ref: distribution()[0] },
                ],
              ],
            },
          },
        },
      },
    ]);
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('is read through an origin access control that signs every request, not an origin access identity', () => {
    const [oacId, oac] = only('AWS::CloudFront::OriginAccessControl');
    const s3Origin = (distributionConfig().Origins as Json[]).find((origin) => origin.S3OriginConfig);

    expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
      Name: `greenline-${stage}-console`,
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    expect(s3Origin.OriginAccessControlId).toEqual(getAtt(oacId, 'Id'));
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(ofType('AWS::CloudFront::CloudFrontOriginAccessIdentity')).toEqual([]);
  });
});

describe('distribution', () => {
  it('serves the pages over HTTPS (HTTP redirected), HTTP/2 and 3, from the edges near China, with logs', () => {
    expect(distributionConfig()).toMatchObject({
      DefaultRootObject: 'index.html',
      HttpVersion: 'http2and3',
      PriceClass: 'PriceClass_200',
      IPV6Enabled: true,
      Logging: { Bucket: expect.any(Object), Prefix: 'cloudfront/' },
      DefaultCacheBehavior: {
        ViewerProtocolPolicy: 'redirect-to-https',
        CachePolicyId: managed.cachingOptimized,
        Compress: true,
      },
    });
  });

  it('forwards /v1/* to the HTTP API: every method, nothing cached, every viewer header but Host, HTTPS only', () => {
    const [apiId] = only('AWS::ApiGatewayV2::Api');
    const behaviour = apiBehaviour();
    const origin = (distributionConfig().Origins as Json[]).find((o) => o.Id === behaviour.TargetOriginId);

    expect(behaviour).toMatchObject({
      AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
      CachePolicyId: managed.cachingDisabled,
      OriginRequestPolicyId: managed.allViewerExceptHostHeader,
      ViewerProtocolPolicy: 'https-only',
    });
    expect(behaviour.FunctionAssociations).toBeUndefined();
    expect(behaviour.ResponseHeadersPolicyId).toBeUndefined();
    expect(origin).toMatchObject({
      DomainName: {
        'Fn::Join': ['', [{ Ref: apiId }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]],
      },
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    });
  });

  it('gives the pages security headers: CSP, HSTS, no framing, no sniffing, no referrer', () => {
    const [policyId, policy] = only('AWS::CloudFront::ResponseHeadersPolicy');

    expect(distributionConfig().DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    expect(policy.Properties.ResponseHeadersPolicyConfig).toMatchObject({
      Name: `greenline-${stage}-console-pages`,
      SecurityHeadersConfig: {
        ContentTypeOptions: { Override: true },
        FrameOptions: { FrameOption: 'DENY', Override: true },
        ReferrerPolicy: { ReferrerPolicy: 'no-referrer', Override: true },
        StrictTransportSecurity: { AccessControlMaxAgeSec: 31_536_000, IncludeSubdomains: true, Override: true },
        ContentSecurityPolicy: { Override: true },
      },
    });
  });

  it('lets the pages connect to their own origin, the attachments bucket and the hosted UI, and nothing else', () => {
    const [domainId] = only('AWS::Cognito::UserPoolDomain');
    const csp = contentSecurityPolicy();
    const directives = Object.fromEntries(
      csp.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]),
    );

    expect(directives['connect-src']).toEqual([
      "'self'",
      `https://greenline-${stage}-attachments-<AWS::AccountId>-<AWS::Region>.s3.<AWS::Region>.<AWS::URLSuffix>`,
      `https://<${domainId}>.auth.<AWS::Region>.amazoncognito.com`,
    ]);
    expect(directives).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    });
  });

  it('rewrites page routes to /index.html in a viewer-request function of the pages, not of the API', () => {
    const [functionId, fn] = only('AWS::CloudFront::Function');

    expect(fn.Properties).toMatchObject({
      Name: `greenline-${stage}-console-page-rewrite`,
      FunctionCode: pageRewriteSource,
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
      AutoPublish: true,
    });
    expect(distributionConfig().DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: getAtt(functionId, 'FunctionARN') },
    ]);
    // No error-page fallback: it would turn the API's 403s and 404s under /v1 into the page.
    expect(distributionConfig().CustomErrorResponses).toBeUndefined();
  });

  it.each([
    ['/', '/index.html'],
    ['/track', '/index.html'],
    ['/console', '/index.html'],
    ['/console/callback', '/index.html'],
    ['/console/cases/01KABCDEF0123456789XYZ', '/index.html'],
    ['/index.html', '/index.html'],
    ['/config.json', '/config.json'],
    ['/assets/index-Cx3f9.js', '/assets/index-Cx3f9.js'],
    ['/assets/missing.css', '/assets/missing.css'],
  ])('the rewrite sends %s to %s', (uri, expected) => {
    const handler = new Function(`${pageRewriteSource}; return handler;`)() as (event: Json) => { uri: string };

    expect(handler({ request: { uri, method: 'GET', headers: {} } }).uri).toBe(expected);
  });
});

describe('sign-in through the hosted UI', () => {
  it('has a Cognito domain for the user pool', () => {
    const [poolId] = only('AWS::Cognito::UserPool');

    expect(only('AWS::Cognito::UserPoolDomain')[1].Properties).toEqual({
      Domain: { 'Fn::Join': ['', [`greenline-${stage}-`, { Ref: 'AWS::AccountId' }]] },
      UserPoolId: { Ref: poolId },
    });
  });

  it('the web client uses the code flow, without a secret, returning to the console’s callback', () => {
    const [, client] = only('AWS::Cognito::UserPoolClient');

    expect(client.Properties).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'profile', 'email'],
      SupportedIdentityProviders: ['COGNITO'],
      CallbackURLs: [{ 'Fn::Join': ['', ['https://', getAtt(distribution()[0], 'DomainName'), '/console/callback']] }],
      LogoutURLs: [consoleOrigin(), { 'Fn::Join': ['', ['https://', getAtt(distribution()[0], 'DomainName'), '/']] }],
    });
    expect(client.Properties.GenerateSecret).toBeUndefined();
    expect(client.Properties.AllowedOAuthFlows).not.toContain('implicit');
  });

  it('lets the ID token carry the unit the API scopes by (cognito:username and cognito:groups always come)', () => {
    const [, client] = only('AWS::Cognito::UserPoolClient');

    expect(client.Properties.ReadAttributes).toEqual(expect.arrayContaining([claimNames.unit, 'name', 'email']));
    expect(client.Properties.WriteAttributes).toEqual([]);
  });

  it('accepts a bureau domain in front of the console as a second place to return to', () => {
    const stack = new GreenlineStack(new App({ context: { 'aws:cdk:bundling-stacks': [] } }), 'Greenline', {
      stage,
      mailFrom,
      publicBaseUrl: 'https://greenline.example.cn/',
    });

    flatTemplate(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: [Match.anyValue(), 'https://greenline.example.cn/console/callback'],
    });
  }, 60_000);
});

describe('uploads from the console', () => {
  it('the attachments bucket admits presigned PUTs from the console’s origin only', () => {
    const [, bucket] = ofType('AWS::S3::Bucket').find(([, candidate]) => candidate.Properties.CorsConfiguration) ?? [];

    expect(bucket?.Properties.CorsConfiguration.CorsRules).toEqual([
      expect.objectContaining({
        AllowedMethods: ['PUT'],
        AllowedOrigins: [consoleOrigin()],
        AllowedHeaders: ['content-type', 'content-length', 'x-amz-*'],
      }),
    ]);
  });
});

describe('deployment of the build', () => {
  const deployments = () => ofType('Custom::CDKBucketDeployment');
  const deployment = (file: string) => {
    const found = deployments().find(([, candidate]) => candidate.Properties.Include.includes(file));
    if (!found) throw new Error(`No deployment of ${file}`);
    return found;
  };

  it('uploads the hashed assets for a year, then the page and config.json to be revalidated', () => {
    const [assetsId, assets] = deployment('assets/*');
    const [, pages] = deployment('index.html');

    expect(deployments()).toHaveLength(2);
    expect(assets.Properties).toMatchObject({
      DestinationBucketName: { Ref: consoleBucketId() },
      Exclude: ['*'],
      Include: ['assets/*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(pages.Properties).toMatchObject({
      DestinationBucketName: { Ref: consoleBucketId() },
      Exclude: ['*'],
      Include: ['index.html', 'config.json'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'no-cache' },
    });
    // The page comes after the chunks it loads.
    expect(deployment('index.html')[1].DependsOn).toEqual(expect.arrayContaining([assetsId]));
  });

  it('writes config.json with the hosted UI’s domain and the web client’s id, filled in at deploy time', () => {
    const [, pages] = deployment('config.json');
    const [domainId] = only('AWS::Cognito::UserPoolDomain');
    const [clientId] = only('AWS::Cognito::UserPoolClient');
    const keys = pages.Properties.SourceObjectKeys as string[];
    const markers = pages.Properties.SourceMarkers as Record<string, Json>[];
    const index = markers.findIndex((entry) => Object.keys(entry).length > 0);
    const hash = keys[index]?.replace(/\.zip$/, '');
    const written = readFileSync(join(app.outdir, `asset.${hash}`, 'config.json'), 'utf8');
    const filled = Object.entries(markers[index] ?? {}).reduce(
      (text, [marker, value]) =>
        text.replaceAll(marker, value.Ref ? `<${value.Ref}>` : `<${Object.values(value).flat().join('.')}>`),
      written,
    );

    expect(JSON.parse(filled)).toEqual({
      auth: {
        mode: 'cognito',
        domain: `https://<${domainId}>.auth.<AWS::Region>.amazoncognito.com`,
        clientId: `<${clientId}>`,
      },
    });
  });

  it('runs its handler under a role of its own, without AWS managed policies, logging for the stack’s retention', () => {
    const handler = ofType('AWS::Lambda::Function').find(([, fn]) => !fn.Properties.FunctionName)?.[1];
    const roleId = handler?.Properties.Role['Fn::GetAtt'][0];

    expect(resources[roleId]?.Properties.ManagedPolicyArns).toBeUndefined();
    const logGroupId = handler?.Properties.LoggingConfig.LogGroup.Ref;
    expect(resources[logGroupId]?.Properties.RetentionInDays).toBeGreaterThanOrEqual(180);
  });
});

it('outputs the console URL', () => {
  expect(template.toJSON().Outputs.ConsoleUrl.Value).toEqual({
    'Fn::Join': ['', ['https://', getAtt(distribution()[0], 'DomainName'), '/']],
  });
});
