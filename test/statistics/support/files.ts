import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** An .xlsx file read back with exceljs, as a user's Excel would open it. */
export const readWorkbook = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  // exceljs declares a Buffer of an older @types/node; the bytes are what it reads.
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
};

/** The text of one part of an Office file (a zip): `word/document.xml` of a .docx, say. */
export const zipPart = async (bytes: Uint8Array, path: string): Promise<string> => {
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file(path);
  if (!part) throw new Error(`no ${path} in the file`);
  return part.async('string');
};

/** A header row's values (exceljs counts columns from 1). */
export const rowValues = (row: ExcelJS.Row): unknown[] => (row.values as unknown[]).slice(1);
