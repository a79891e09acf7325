import { now } from '#clock';
import { httpHandler } from '#http/handler.ts';
import { jsonResponse } from '#http/responses.ts';

export const handler = httpHandler(async () => jsonResponse(200, { status: 'ok', time: now().toISOString() }));
