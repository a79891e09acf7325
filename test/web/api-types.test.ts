import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, generatedPath } from '../../web/scripts/api-types.ts';

describe('the console’s API types', () => {
  it('are those generated from the current OpenAPI document (run `npm run api-types` after changing the API)', async () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(await generateApiTypes());
  });
});
