import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export const jsonResponse = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

/** A file to answer with: its bytes (or text), its media type and the name a browser saves it under. */
export interface FileDownload {
  readonly body: Uint8Array | string;
  /** e.g. `text/csv; charset=utf-8`. */
  readonly contentType: string;
  /** The name to save it under; Chinese is fine (sent as RFC 5987 `filename*`). */
  readonly fileName: string;
  /** `attachment` (the default) saves it; `inline` lets a browser show it. */
  readonly disposition?: 'attachment' | 'inline';
}

/** RFC 5987 `attr-char`s are sent as they are; every other byte of the UTF-8 name is percent-encoded. */
const encodeExtValue = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * A `Content-Disposition` value naming `fileName`: `filename*=UTF-8''…` (RFC 6266 and 5987), which every current
 * browser reads, after a plain `filename` of the name's ASCII characters for clients that do not.
 *
 * @example
 * contentDisposition('统计表_2026.xlsx') // `attachment; filename="2026.xlsx"; filename*=UTF-8''%E7%BB%9F…`
 */
export const contentDisposition = (fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string => {
  const ascii = fileName
    .replace(/[^\x20-\x7e]+/g, '_')
    .replace(/["\\]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_(?=\.[^.]*$)/g, '');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(fileName)}`;
};

/**
 * A 200 answer carrying a file. The body goes base64-encoded with `isBase64Encoded: true`, which is how API Gateway
 * (HTTP API, payload 2.0) passes bytes through, and how the local server reads it back; `cache-control: no-store`, since
 * such files are reports of data that changes and may hold what only the caller may see. Mind API Gateway's 6 MB
 * response limit: a larger file belongs in S3, behind a presigned link.
 *
 * @example
 * return fileResponse({ body: buffer, contentType: 'text/csv; charset=utf-8', fileName: '统计表.csv' });
 */
export const fileResponse = (
  file: FileDownload,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 => ({
  statusCode: 200,
  headers: {
    'content-type': file.contentType,
    'content-disposition': contentDisposition(file.fileName, file.disposition),
    'cache-control': 'no-store',
    ...headers,
  },
  body: Buffer.from(file.body).toString('base64'),
  isBase64Encoded: true,
});
