import { defineFunctions } from '#platform/catalog/definitions.ts';

export const directoryFunctions = defineFunctions('directory', {
  'get-me': { description: '当前登录的工作人员', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 256 },
  'list-units': { description: '本单位及下级单位', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 256 },
  'list-users': { description: '可见单位的工作人员', tables: { main: 'read' }, timeoutSeconds: 10, memoryMiB: 256 },
});
