import { defineFunctions } from '#platform/catalog/definitions.ts';

/** An enterprise's writes: the item and its search entries in one transaction, stale entries deleted. */
const writesEnterprises = { write: ['PutItem', 'DeleteItem'] } as const;

export const enterprisesFunctions = defineFunctions('enterprises', {
  'register-enterprise': {
    description: '登记企业',
    tables: { main: writesEnterprises },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  // Reads index partitions (gsi1) and the enterprises found: never a scan.
  'search-enterprises': {
    description: '检索企业、统计等级分布',
    tables: { main: 'read' },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
  'get-enterprise': { description: '查看企业', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 512 },
  'update-enterprise': {
    description: '修改企业信息',
    tables: { main: writesEnterprises },
    timeoutSeconds: 10,
    memoryMiB: 512,
  },
  // Reads the sheet (exceljs), then writes each firm in its own transaction, the import record before and after; a
  // failed import deletes what it wrote. Up to 2,000 firms within API Gateway's 30 seconds.
  'import-enterprises': {
    description: '从 Excel 导入企业名录',
    tables: { main: { write: ['PutItem', 'UpdateItem', 'DeleteItem'] } },
    timeoutSeconds: 29,
    memoryMiB: 1024,
  },
  // Reads the list's index partition (and, for candidates, the qualifying grades'); enters and removes firms.
  'positive-list': {
    description: '正面清单：查看、纳入、移出',
    tables: { main: writesEnterprises },
    timeoutSeconds: 15,
    memoryMiB: 512,
  },
});
