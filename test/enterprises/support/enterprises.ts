import ExcelJS from 'exceljs';
import { organisationCodeCheckDigit, usccCheckCharacter } from '#enterprises/domain/uscc.ts';
import { functions } from '#platform/catalog/catalog.ts';
import { functionEntry } from '#platform/catalog/definitions.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { routeKey, routes } from '#platform/http/routes.ts';
import { aPrincipal, apiEvent, type HttpResult, invoke } from '../../support/factories.ts';

export const admin = aPrincipal('admin', 'city');
export const dispatcher = aPrincipal('dispatcher', 'city-petition');
export const operator = aPrincipal('operator', 'city-petition');

/** Valid codes, each verified by computing its check characters (test/enterprises/domain/uscc.test.ts). */
export const usccs = {
  coating: '91350100M000100Y43',
  printing: '911100001000080343',
  metal: '91110000600037341L',
  furniture: '91440300708461136T',
  chemicals: '91110000802100433B',
  plastics: '914403001922038216',
} as const;

/** A valid USCC made up from an 8-digit organisation code body (both check characters computed). */
export const makeUscc = (body: string, division = '350100'): string => {
  const first17 = `91${division}${body}${organisationCodeCheckDigit(body)}`;
  return `${first17}${usccCheckCharacter(first17)}`;
};

/** A registration that passes validation; override what a test is about. */
export const aNewEnterprise = (overrides: Record<string, unknown> = {}) => ({
  uscc: usccs.coating,
  name: '示范市某某涂装有限公司',
  industries: [{ code: 'C3360', label: '金属表面处理及热处理加工' }],
  address: '城东街道工业园 8 号',
  town: '城东街道',
  contacts: [{ name: '张工', phone: '13812345678', title: '环保负责人' }],
  vocs: true,
  ...overrides,
});

const handlers = new Map<string, unknown>();

/**
 * Calls the function of `method path` as API Gateway would, importing it on first use (after `startLocalAws()` has
 * set the environment it reads).
 */
export const call = async (
  method: string,
  path: string,
  options: {
    principal?: Principal;
    pathParameters?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
  } = {},
): Promise<HttpResult> => {
  const route = routes.find((candidate) => candidate.method === method && candidate.path === path);
  if (!route) throw new Error(`no route ${method} ${path}`);
  if (!handlers.has(route.function)) {
    handlers.set(route.function, (await import(`../../../${functionEntry(functions[route.function])}`)).handler);
  }
  const rawPath = Object.entries(options.pathParameters ?? {}).reduce(
    (filled, [name, value]) => filled.replace(`{${name}}`, value),
    path,
  );
  return invoke(
    handlers.get(route.function),
    apiEvent({ method, path: rawPath, routeKey: routeKey(route), ...options }),
  );
};

export const register = (body: unknown, principal: Principal = dispatcher) =>
  call('POST', '/v1/enterprises', { principal, body });

/** An .xlsx of `rows` under `headings`, base64-encoded as the import route takes it. */
export const aSheet = async (headings: readonly string[], rows: readonly (readonly unknown[])[]): Promise<string> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow([...headings]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
};
