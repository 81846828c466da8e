/**
 * One local HTTP server that plays PilotStatus (under /v1) and RyzeAPI (under /api/chat) for the
 * parity test. It records what each request carried — method, path, query, the JSON body and the
 * NAMES of the authentication headers present (never their values) — and answers with fixed
 * bodies shaped like the documented ones, so the n8n face and the Zapier face talk to the same
 * server and their requests can be compared exactly.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Headers that authenticate at PilotStatus or RyzeAPI; only their presence is recorded. */
export const AUTH_HEADER_NAMES = ['authorization', 'token', 'x-api-key', 'x-api-key-id', 'x-whatsapp-number-id'] as const;

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  /** The parsed JSON body, or undefined when the request had none. */
  readonly body: unknown;
  /** Names of the auth headers present, sorted. */
  readonly authHeaders: string[];
  /** The content-type the client declared, when it sent a body. */
  readonly contentType: string | undefined;
}

/** Fixed answers (shaped as PilotStatus and RyzeAPI document them). */
export const FIXED = {
  send: {
    id: 'cm_parity_0001',
    correlationId: 'corr_parity_0001',
    status: 'QUEUED',
    createdAt: '2026-11-21T12:00:00.000Z',
    origin: 'api',
  },
  createdTagId: '7',
  tagType: 'CUSTOM',
} as const;

const MAX_COLOR = 10;

export interface RecordingServer {
  /** e.g. http://127.0.0.1:PORT/v1 */
  readonly pilotStatusUrl: string;
  /** e.g. http://127.0.0.1:PORT */
  readonly ryzeApiUrl: string;
  /** The requests recorded since the last take(), and forgets them. */
  take(): RecordedRequest[];
  close(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  let recorded: RecordedRequest[] = [];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url ?? '/', 'http://recorder.invalid');
      let body: unknown;
      let unreadable = false;
      if (raw !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          unreadable = true;
          body = { unreadableBody: raw.length };
        }
      }
      const entry: RecordedRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams.entries()),
        body,
        authHeaders: AUTH_HEADER_NAMES.filter((name) => request.headers[name] !== undefined).sort(),
        contentType: raw === '' ? undefined : headerText(request, 'content-type'),
      };
      recorded.push(entry);
      if (unreadable) return reply(response, 400, { error: 'INVALID_JSON', message: 'Body is not JSON' });
      answer(entry, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    pilotStatusUrl: `${base}/v1`,
    ryzeApiUrl: base,
    take() {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function headerText(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

type Json = Record<string, unknown>;
const objectBody = (body: unknown): Json => (typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Json) : {});

function answer(request: RecordedRequest, response: ServerResponse): void {
  const { method, path, query } = request;
  const body = objectBody(request.body);

  if (method === 'POST' && path === '/v1/messages/send') {
    if (!request.authHeaders.includes('x-api-key')) return reply(response, 401, { error: 'UNAUTHORIZED' });
    return reply(response, 202, { ...FIXED.send, ...(typeof body.deliverAt === 'string' ? { deliverAt: body.deliverAt } : {}) });
  }

  const tags = /^\/api\/chat\/tag\/[^/]+$/.test(path);
  const assignments = /^\/api\/chat\/assignTag\/[^/]+$/.test(path);
  if ((tags || assignments) && !request.authHeaders.includes('token')) {
    return reply(response, 401, { success: false, error: { message: 'Invalid token' } });
  }
  if (tags && method === 'POST') {
    const color = typeof body.color === 'number' && Number.isInteger(body.color) && body.color >= 0 && body.color <= MAX_COLOR ? body.color : 0;
    return reply(response, 200, {
      success: true,
      message: 'Tag created successfully',
      tag: { id: FIXED.createdTagId, name: String(body.name ?? ''), color, type: FIXED.tagType, deleted: false },
    });
  }
  if (assignments && method === 'POST') {
    return reply(response, 200, { success: true, message: 'Tag assigned successfully', tag_id: String(body.tagId ?? '') });
  }
  if (assignments && method === 'DELETE') {
    return reply(response, 200, { success: true, message: 'Tag removed successfully', tag_id: query.tagId ?? '' });
  }
  return reply(response, 404, { error: 'NOT_FOUND', message: `No route ${method} ${path} in the parity recorder` });
}
