import { type Enterprise, newEnterpriseSchema, registerEnterprise } from '#enterprises/domain/enterprise.ts';
import { saveEnterprise } from '#enterprises/store/enterprises.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { requireEnterpriseEditor } from './access.ts';

/**
 * Registers an enterprise. A USCC whose check character (or organisation-code check digit) is wrong is a 400 naming
 * `uscc`; one that is registered already is a 409.
 */
export const registerNewEnterprise = async (body: unknown, principal: Principal): Promise<Enterprise> => {
  requireEnterpriseEditor(principal);
  const input = parseWith(newEnterpriseSchema, body);
  return saveEnterprise(undefined, registerEnterprise(input, principal.username, now().toISOString()));
};
