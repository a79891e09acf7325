/**
 * The rectification capability's own items in the main table (access pattern → key). Pure key builders. A problem
 * itself is a case (the cases capability's items and listing entries); what is kept here is the ledger imports.
 *
 * A ledger import, named by the SHA-256 of the request (the unit and the rows), so a retry of the same request finds
 * it → pk `RECTIMPORT#<hash>`:
 * - the import, with each row's planned case id, `creating` until every row's case is stored, then `ready` with the
 *   report (each row's case number) → sk `IMPORT`
 * - a row whose case is stored → sk `ROW#<number, 4 digits>`: written in the very transaction that stores the case,
 *   so a retry never stores a row's case twice (conditional put)
 */
const padNumber = (number: number) => String(number).padStart(4, '0');

export const importPartition = (importId: string) => `RECTIMPORT#${importId}`;
export const importKey = (importId: string) => ({ pk: importPartition(importId), sk: 'IMPORT' });
export const rowKey = (importId: string, number: number) => ({
  pk: importPartition(importId),
  sk: `ROW#${padNumber(number)}`,
});
export const rowPrefix = 'ROW#';
