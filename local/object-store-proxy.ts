/**
 * The attachments bucket on the API's origin: on one machine the functions presign uploads against the local API
 * (`AWS_ENDPOINT_URL_S3` = the API's URL, path-style), so a page uploads a photo to its own origin, and this passes
 * the request on to fauxqs untouched (method, path, query with the signature, headers including Host). fauxqs has no
 * CORS, and a page on :3000 could not PUT to :9324; in AWS the bucket's CORS rule admits the console's origin.
 */
import { request as httpRequest } from 'node:http';
import type { HttpRequest, HttpResponse } from './api-gateway-event.ts';

export interface ObjectStoreProxy {
  /** Whether `path` is an object of the proxied bucket (`/<bucket>/…`). */
  handles(path: string): boolean;
  forward(request: HttpRequest): Promise<HttpResponse>;
}

export const createObjectStoreProxy = (options: { bucket: string; endpoint: string }): ObjectStoreProxy => {
  const target = new URL(options.endpoint);
  const prefix = `/${options.bucket}`;
  return {
    handles: (path) => path === prefix || path.startsWith(`${prefix}/`),
    forward: (request) =>
      new Promise((resolve, reject) => {
        const headers: Record<string, string> = {};
        for (let index = 0; index + 1 < request.rawHeaders.length; index += 2) {
          headers[(request.rawHeaders[index] as string).toLowerCase()] = request.rawHeaders[index + 1] as string;
        }
        const outgoing = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            method: request.method,
            path: `${request.rawPath}${request.rawQueryString ? `?${request.rawQueryString}` : ''}`,
            headers: { ...headers, 'content-length': String(request.body.length) },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
              const responseHeaders: Record<string, string> = {};
              for (const [name, value] of Object.entries(response.headers)) {
                if (
                  value !== undefined &&
                  name !== 'content-length' &&
                  name !== 'transfer-encoding' &&
                  name !== 'connection'
                ) {
                  responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
                }
              }
              resolve({
                statusCode: response.statusCode ?? 502,
                headers: responseHeaders,
                cookies: [],
                body: Buffer.concat(chunks),
              });
            });
          },
        );
        outgoing.on('error', reject);
        outgoing.end(request.body);
      }),
  };
};
