import { changeEnterprise, type Enterprise, enterpriseChangeSchema } from '#enterprises/domain/enterprise.ts';
import { getEnterprise, saveEnterprise } from '#enterprises/store/enterprises.ts';
import { EnterpriseNotFoundError } from '#enterprises/store/errors.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { requireEnterpriseEditor } from './access.ts';

/** Changes an enterprise's details (not its USCC, nor its grade); its search entries follow in the same transaction. */
export const updateEnterprise = async (uscc: string, body: unknown, principal: Principal): Promise<Enterprise> => {
  requireEnterpriseEditor(principal);
  const change = parseWith(enterpriseChangeSchema, body);
  const before = await getEnterprise(uscc);
  if (!before) throw new EnterpriseNotFoundError(`未登记统一社会信用代码为 ${uscc} 的企业`);
  return saveEnterprise(before, changeEnterprise(before, change, principal.username, now().toISOString()));
};
