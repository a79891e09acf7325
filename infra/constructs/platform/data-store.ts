import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type ITable,
  ProjectionType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import type { KeyAttribute, TableKey } from '#platform/catalog/definitions.ts';
import { tables } from '#platform/catalog/tables.ts';
import { pascalCase } from './naming.ts';

const attribute = (key: KeyAttribute) => ({
  name: key.name,
  type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER,
});

/**
 * The DynamoDB tables of the resource catalog (`shared/platform/catalog/`), with the same keys, indexes and TTL as the local tables: on demand,
 * point-in-time recovery, deletion protection, encrypted with the AWS managed key, retained when the stack goes.
 */
export class DataStore extends Construct {
  readonly tables: Readonly<Record<TableKey, ITable>>;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const created = {} as Record<TableKey, ITable>;
    for (const definition of Object.values(tables)) {
      const table = new Table(this, `${pascalCase(definition.key)}Table`, {
        partitionKey: attribute(definition.partitionKey),
        ...(definition.sortKey && { sortKey: attribute(definition.sortKey) }),
        billingMode: BillingMode.PAY_PER_REQUEST,
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtection: true,
        encryption: TableEncryption.AWS_MANAGED,
        ...(definition.timeToLiveAttribute && { timeToLiveAttribute: definition.timeToLiveAttribute }),
        removalPolicy: RemovalPolicy.RETAIN,
      });
      for (const index of definition.indexes) {
        table.addGlobalSecondaryIndex({
          indexName: index.name,
          partitionKey: attribute(index.partitionKey),
          ...(index.sortKey && { sortKey: attribute(index.sortKey) }),
          projectionType: ProjectionType.ALL,
        });
      }
      created[definition.key] = table;
    }
    this.tables = created;
  }
}
