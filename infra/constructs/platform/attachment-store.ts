import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY } from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import type { BucketAccess, BucketDefinition } from '#platform/catalog/definitions.ts';
import { logicalIdOf } from './naming.ts';

export interface AttachmentStoreProps {
  readonly definition: BucketDefinition;
  /**
   * Origins of the pages that upload from a browser (the public web form). Any origin when not given: the presigned
   * URL itself is the permission, CORS only decides which pages may use one.
   */
  readonly allowedOrigins?: readonly string[];
}

/** China's Cybersecurity Law (art. 21) asks for network logs kept at least six months; a year leaves room. */
const accessLogRetention = Duration.days(365);

/**
 * Where attachments of complaints live: photos, recordings and documents uploaded by the public and by officials
 * through presigned URLs. Private (public access blocked, TLS only, S3-managed encryption), versioned, retained with
 * the stack, with server access logs in a bucket of their own. Uploads land in `uploads/` and expire after
 * `uploadExpiryDays` unless a complaint attaches them, which copies them to `attachments/`, kept as long as the bucket.
 */
export class AttachmentStore extends Construct {
  readonly definition: BucketDefinition;
  readonly bucket: Bucket;
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: AttachmentStoreProps) {
    super(scope, id);
    // Log delivery through a bucket policy rather than the LogDeliveryWrite ACL, so both buckets keep ACLs disabled.
    // (The flag cdk.json would set for new projects; set here so every app that builds this construct behaves alike.)
    this.node.setContext(S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const { definition } = props;
    this.definition = definition;

    // Only the destination of the attachments bucket's access logs; cdk-nag (S1) does not ask it to log itself.
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // S3 log delivery writes with SSE-S3 only.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-logs', expiration: accessLogRetention }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Evidence of a complaint: an overwrite or a delete keeps the previous version for a while.
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: `${definition.key}/`,
      cors: [
        {
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: [...(props.allowedOrigins ?? ['*'])],
          allowedHeaders: ['content-type'],
          exposedHeaders: ['etag'],
          maxAge: 3600,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-multipart-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          id: 'expire-unattached-uploads',
          prefix: definition.uploadPrefix,
          expiration: Duration.days(definition.uploadExpiryDays),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: 'expire-old-versions',
          noncurrentVersionExpiration: Duration.days(90),
          expiredObjectDeleteMarker: true,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** The bucket's objects under `prefix`, as an IAM resource. */
  private objectsUnder(prefix: string): string {
    return this.bucket.arnForObjects(`${prefix}*`);
  }

  /**
   * Grants `role` exactly what `access` needs, and nothing on the bucket beyond it:
   * - `presign-upload`: s3:PutObject on `uploads/*` (a presigned URL carries the signer's permissions, so the URLs it
   *   hands out can write there and nowhere else);
   * - `attach-upload`: s3:GetObject on `uploads/*` (HeadObject, and the source of CopyObject), s3:PutObject on
   *   `attachments/*` (the copy), and s3:ListBucket on the bucket, without which S3 answers HeadObject on a missing
   *   upload with 403 rather than 404.
   */
  grant(role: Role, access: BucketAccess): void {
    const { uploadPrefix, keptPrefix } = this.definition;
    const statements =
      access === 'presign-upload'
        ? [new PolicyStatement({ actions: ['s3:PutObject'], resources: [this.objectsUnder(uploadPrefix)] })]
        : [
            new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.objectsUnder(uploadPrefix)] }),
            new PolicyStatement({ actions: ['s3:PutObject'], resources: [this.objectsUnder(keptPrefix)] }),
            new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
          ];
    for (const statement of statements) role.addToPrincipalPolicy(statement);

    const bucketId = logicalIdOf(this.bucket.node.defaultChild as CfnBucket);
    const prefixes = access === 'presign-upload' ? [uploadPrefix] : [uploadPrefix, keptPrefix];
    for (const prefix of prefixes) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${prefix}*]`,
        reason: `Object keys under ${prefix} are ULIDs made per upload, so no fixed ARN can name them; the grant is limited to that prefix of the ${this.definition.key} bucket.`,
      });
    }
  }
}
