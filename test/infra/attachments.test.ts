import { App, Stack } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AttachmentStore } from '#infra/constructs/platform/attachment-store.ts';
import { GreenlineStack } from '#infra/stack.ts';
import { buckets } from '#platform/catalog/buckets.ts';
import { type FunctionName, functions } from '#platform/catalog/catalog.ts';
import { flatTemplate } from './template.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk the synthesized template's JSON freely.
type Json = any;
type Resource = { Type: string; Properties: Record<string, Json>; DeletionPolicy?: string };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const stage = 'test';
const mailFrom = 'noreply@greenline.example.cn';
const noBundling = { 'aws:cdk:bundling-stacks': [] };
const { attachments } = buckets;

let template: Template;
let resources: Record<string, Resource>;

const synth = (publicBaseUrl?: string) => {
  const stack = new GreenlineStack(new App({ context: noBundling }), 'Greenline', {
    stage,
    mailFrom,
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
  });
  return flatTemplate(stack);
};

beforeAll(() => {
  template = synth();
  resources = template.toJSON().Resources;
});

const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);

/** The attachments bucket: the one bucket with a CORS rule (presigned uploads from browsers). */
const attachmentsBucket = (): [string, Resource] => {
  const found = ofType('AWS::S3::Bucket').filter(([, bucket]) => bucket.Properties.CorsConfiguration);
  expect(found).toHaveLength(1);
  return found[0] as [string, Resource];
};
const bucketArn = () => ({ 'Fn::GetAtt': [attachmentsBucket()[0], 'Arn'] });
const objectsUnder = (prefix: string) => ({ 'Fn::Join': ['', [bucketArn(), `/${prefix}*`]] });

const functionProps = (name: FunctionName) => {
  const found = ofType('AWS::Lambda::Function').find(
    ([, fn]) => fn.Properties.FunctionName === `greenline-${stage}-${name}`,
  );
  if (!found) throw new Error(`No function ${name}`);
  return found[1].Properties;
};
const s3StatementsOf = (name: FunctionName): Statement[] => {
  const roleId = functionProps(name).Role['Fn::GetAtt'][0];
  return ofType('AWS::IAM::Policy')
    .filter(([, policy]) => JSON.stringify(policy.Properties.Roles).includes(`"Ref":"${roleId}"`))
    .flatMap(([, policy]) => policy.Properties.PolicyDocument.Statement as Statement[])
    .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('s3:')));
};

describe('attachment store', () => {
  it('is private, TLS only, encrypted, versioned and retained, with access logs in a bucket of their own', () => {
    const [id, bucket] = attachmentsBucket();

    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(bucket.DeletionPolicy).toBe('Retain');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    const logBucketId = bucket.Properties.LoggingConfiguration.DestinationBucketName.Ref;
    expect(resources[logBucketId]?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicPolicy: true, RestrictPublicBuckets: true },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 365 })] },
    });
    expect(resources[logBucketId]?.DeletionPolicy).toBe('Retain');
  });

  it('aborts incomplete multipart uploads after a day and expires unattached uploads and exports, never attached files', () => {
    const rules = attachmentsBucket()[1].Properties.LifecycleConfiguration.Rules as Json[];

    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
        expect.objectContaining({
          Prefix: attachments.uploadPrefix,
          ExpirationInDays: attachments.uploadExpiryDays,
          Status: 'Enabled',
        }),
        expect.objectContaining({
          Prefix: attachments.exportPrefix,
          ExpirationInDays: attachments.exportExpiryDays,
          Status: 'Enabled',
        }),
      ]),
    );
    // Current versions expire only under uploads/ and exports/: attached files under attachments/ stay.
    for (const rule of rules.filter((candidate) => candidate.ExpirationInDays !== undefined)) {
      expect([attachments.uploadPrefix, attachments.exportPrefix]).toContain(rule.Prefix);
    }
  });

  it('is named after the stage, account and region, so the console’s CSP can name it without a reference', () => {
    expect(attachmentsBucket()[1].Properties.BucketName).toEqual({
      'Fn::Join': ['', [`greenline-${stage}-attachments-`, { Ref: 'AWS::AccountId' }, '-', { Ref: 'AWS::Region' }]],
    });
  });

  it('lets browsers PUT through presigned URLs (CORS) from the console’s origin only', () => {
    const distributionId = ofType('AWS::CloudFront::Distribution')[0]?.[0];
    const consoleOrigin = { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]] };

    expect(attachmentsBucket()[1].Properties.CorsConfiguration.CorsRules).toEqual([
      {
        AllowedMethods: ['PUT'],
        AllowedOrigins: [consoleOrigin],
        AllowedHeaders: ['content-type', 'content-length', 'x-amz-*'],
        ExposedHeaders: ['etag'],
        MaxAge: 3600,
      },
    ]);
  });

  it('also admits the public base URL’s origin when one is given (a bureau domain in front of the console)', () => {
    synth('https://greenline.example.cn/complaints/new').hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedMethods: ['PUT'],
            AllowedOrigins: [Match.objectLike({ 'Fn::Join': Match.anyValue() }), 'https://greenline.example.cn'],
          }),
        ],
      },
    });
  });

  it('stands alone with any origin when nothing names one', () => {
    const stack = new Stack(new App(), 'Alone');
    new AttachmentStore(stack, 'Attachments', { definition: attachments });

    flatTemplate(stack).hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['*'] })] },
    });
  });
});

describe('attachment access', () => {
  it('create-upload may only PutObject under uploads/, and learns the bucket name', () => {
    expect(functionProps('create-upload').Environment.Variables[attachments.envVar]).toEqual({
      Ref: attachmentsBucket()[0],
    });
    expect(s3StatementsOf('create-upload')).toEqual([
      { Effect: 'Allow', Action: 's3:PutObject', Resource: objectsUnder(attachments.uploadPrefix) },
    ]);
  });

  it('submit-complaint may read uploads, write attached copies, list the bucket and nothing else', () => {
    expect(functionProps('submit-complaint').Environment.Variables[attachments.envVar]).toEqual({
      Ref: attachmentsBucket()[0],
    });
    expect(s3StatementsOf('submit-complaint')).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: objectsUnder(attachments.uploadPrefix) },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: objectsUnder(attachments.keptPrefix) },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn() },
    ]);
  });

  it.each(Object.values(functions))('$name gets the bucket access of exactly its definition', (definition) => {
    const env = functionProps(definition.name).Environment.Variables as Record<string, unknown>;
    const uses = definition.buckets?.attachments !== undefined;

    expect(env[attachments.envVar] !== undefined).toBe(uses);
    expect(s3StatementsOf(definition.name).length > 0).toBe(uses);
  });
});
