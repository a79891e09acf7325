import { tableName } from '#platform/config.ts';
import { principalFromEvent } from '#platform/http/auth.ts';
import { httpHandler } from '#platform/http/handler.ts';
import { fileResponse } from '#platform/http/responses.ts';
import { readProgressReport } from '#statistics/services/read-progress-report.ts';

tableName('main');

// Markdown is shown where it is opened (inline); the Word file is saved.
export const handler = httpHandler(async (event) => {
  const report = await readProgressReport(event.queryStringParameters ?? {}, principalFromEvent(event));
  return fileResponse({ ...report, disposition: report.contentType.startsWith('text/') ? 'inline' : 'attachment' });
});
