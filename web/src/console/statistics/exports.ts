/**
 * The exports the statistics page offers, through the console's API client (so with the signed-in official's token,
 * and a 401 ending the session as on every request): the statistics table (`GET /v1/stats/export`, Excel or CSV) and
 * the progress report (`GET /v1/reports/progress`, Word or Markdown) as files to save under the name the API gives in
 * `Content-Disposition`; the list of cases as a job (`POST /v1/exports`, then `GET /v1/exports/{id}` until done).
 */
import { api } from '../../api/client.ts';
import type { paths } from '../../api/schema.gen.ts';
import type { DownloadedFile } from '../../common/download.ts';
import { failureReason } from './problem.ts';
import type { StatsView } from './view.ts';

/** A list-of-cases export job as `POST /v1/exports` and `GET /v1/exports/{id}` answer. */
export type ExportJob = paths['/v1/exports/{id}']['get']['responses'][200]['content']['application/json'];

export type FileExport =
  | { readonly route: '/v1/stats/export'; readonly format: 'xlsx' | 'csv' }
  | { readonly route: '/v1/reports/progress'; readonly format: 'docx' | 'md' };

/**
 * The file name of a `Content-Disposition` header: `filename*` (RFC 6266, UTF-8 percent-encoded, which Chinese names
 * need) before `filename`; without any folder part.
 */
export const filenameFrom = (header: string | null | undefined): string | undefined => {
  if (!header) return undefined;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*(?:"?)[^']*'[^']*'([^";]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = undefined;
    }
  }
  if (!name) {
    const plain = /filename\s*=\s*(?:"((?:\\.|[^"\\])*)"|([^;]+))/i.exec(header);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base || undefined;
};

/** Asks for one of the file exports of `view`; rejects with the API's problem `detail`. */
export const downloadExport = async (view: StatsView, file: FileExport): Promise<DownloadedFile> => {
  const { data, error, response } =
    file.route === '/v1/stats/export'
      ? await api.GET(file.route, {
          params: { query: { ...view, groupBy: 'department', format: file.format } },
          parseAs: 'blob',
        })
      : await api.GET(file.route, { params: { query: { ...view, format: file.format } }, parseAs: 'blob' });
  if (!response.ok || !(data instanceof Blob)) throw new Error(failureReason(error, response));
  const fallback = `${file.route === '/v1/stats/export' ? '统计表' : '进展报告'}-${view.unit}-${view.from}-${view.to}.${file.format}`;
  return { blob: data, filename: filenameFrom(response.headers.get('content-disposition')) ?? fallback };
};

/** Asks for the list of the cases received in `view`'s period by its unit and those below. */
export const requestCaseExport = async (view: StatsView): Promise<ExportJob> => {
  const { data, error, response } = await api.POST('/v1/exports', {
    body: { format: 'xlsx', filter: { receivedFrom: view.from, receivedTo: view.to, unit: view.unit } },
  });
  if (!data) throw new Error(failureReason(error, response));
  return data;
};

export const readCaseExport = async (id: string): Promise<ExportJob> => {
  const { data, error, response } = await api.GET('/v1/exports/{id}', { params: { path: { id } } });
  if (!data) throw new Error(failureReason(error, response));
  return data;
};
