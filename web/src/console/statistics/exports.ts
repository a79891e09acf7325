/**
 * The exports the statistics page offers, through the console's API client (so with the signed-in official's token,
 * and a 401 ending the session as on every request): the statistics table (`GET /v1/stats/export`, Excel or CSV) and
 * the progress report (`GET /v1/reports/progress`, Word or Markdown) as files to save under the name the API gives in
 * `Content-Disposition`; the list of cases as a job (`POST /v1/exports`, then `GET /v1/exports/{id}` until done).
 *
 * The routes' shapes are written here from their contract until the generated types (`schema.gen.ts`) have them;
 * then `exportApi` becomes `api` and these types go.
 */
import type { Client } from 'openapi-fetch';
import { api } from '../../api/client.ts';
import type { Problem } from '../../api/problems.ts';
import { failureReason } from './problem.ts';
import type { StatsView } from './view.ts';

type FileResponse = {
  200: { headers: { [name: string]: unknown }; content: { 'application/octet-stream': Blob } };
  default: { headers: { [name: string]: unknown }; content: { 'application/problem+json': Problem } };
};
type Get<Query> = {
  parameters: { query: Query; header?: never; path?: never; cookie?: never };
  requestBody?: never;
  responses: FileResponse;
};

/** A list-of-cases export job as `POST /v1/exports` and `GET /v1/exports/{id}` answer. */
export interface ExportJob {
  readonly id: string;
  /** `done` with `downloadUrl`, `failed` with `error`; before then queued or running (any other word is shown as is). */
  readonly status: string;
  readonly downloadUrl?: string;
  readonly error?: string;
}

/** The list filter: the names of `GET /v1/cases`'s query. */
export interface CaseExportRequest {
  readonly format: 'xlsx';
  readonly filter: { readonly receivedFrom: string; readonly receivedTo: string; readonly unit: string };
}

type JobResponses<Status extends number> = {
  [S in Status]: { headers: { [name: string]: unknown }; content: { 'application/json': ExportJob } };
} & { default: { headers: { [name: string]: unknown }; content: { 'application/problem+json': Problem } } };

interface ExportPaths {
  '/v1/stats/export': {
    get: Get<StatsView & { groupBy: 'department'; format: 'xlsx' | 'csv' }>;
  };
  '/v1/reports/progress': {
    get: Get<StatsView & { format: 'docx' | 'md' }>;
  };
  '/v1/exports': {
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': CaseExportRequest } };
      responses: JobResponses<202>;
    };
  };
  '/v1/exports/{id}': {
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: JobResponses<200>;
    };
  };
}

/** The console's client (its token and session handling), typed for the export routes. */
const exportApi = api as unknown as Client<ExportPaths>;

export type FileExport =
  | { readonly route: '/v1/stats/export'; readonly format: 'xlsx' | 'csv' }
  | { readonly route: '/v1/reports/progress'; readonly format: 'docx' | 'md' };

export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

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
      ? await exportApi.GET(file.route, {
          params: { query: { ...view, groupBy: 'department', format: file.format } },
          parseAs: 'blob',
        })
      : await exportApi.GET(file.route, { params: { query: { ...view, format: file.format } }, parseAs: 'blob' });
  if (!response.ok || !(data instanceof Blob)) throw new Error(failureReason(error, response));
  const fallback = `${file.route === '/v1/stats/export' ? '统计表' : '进展报告'}-${view.unit}-${view.from}-${view.to}.${file.format}`;
  return { blob: data, filename: filenameFrom(response.headers.get('content-disposition')) ?? fallback };
};

/** Saves a file the page holds, as the browser saves a download. */
export const saveFile = ({ blob, filename }: DownloadedFile): void => {
  const url = URL.createObjectURL(blob);
  openLink(url, filename);
  // After the click has handed the file to the browser.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

/** Follows a link as a download (the export's `downloadUrl` is a short-lived signed address). */
export const openLink = (href: string, filename = ''): void => {
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
};

/** Asks for the list of the cases received in `view`'s period by its unit and those below. */
export const requestCaseExport = async (view: StatsView): Promise<ExportJob> => {
  const { data, error, response } = await exportApi.POST('/v1/exports', {
    body: { format: 'xlsx', filter: { receivedFrom: view.from, receivedTo: view.to, unit: view.unit } },
  });
  if (!data) throw new Error(failureReason(error, response));
  return data;
};

export const readCaseExport = async (id: string): Promise<ExportJob> => {
  const { data, error, response } = await exportApi.GET('/v1/exports/{id}', { params: { path: { id } } });
  if (!data) throw new Error(failureReason(error, response));
  return data;
};
