import { defineFunctions } from './catalog/definitions.ts';

export const platformFunctions = defineFunctions('platform', {
  health: { description: '健康检查', timeoutSeconds: 5, memoryMiB: 256 },
  'get-openapi': { description: 'OpenAPI 文档', timeoutSeconds: 5, memoryMiB: 256 },
});
