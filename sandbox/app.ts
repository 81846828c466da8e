import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { SandboxContext } from './context';
import { PILOTSTATUS_PREFIX, pilotStatusError } from './pilotstatus/reply';
import { RYZEAPI_PREFIX, ryzeError } from './ryzeapi/reply';
import { registerPilotStatus } from './pilotstatus/routes';
import { registerRyzeApi } from './ryzeapi/routes';
import { registerAdmin } from './admin/routes';

const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

export function buildApp(ctx: SandboxContext): FastifyInstance {
  // Fastify's own logger would print URLs (phones in query strings) and headers; we log route patterns.
  const app = Fastify({ logger: false, forceCloseConnections: true });

  // Contact files for the dashboard import arrive as raw bytes.
  app.addContentTypeParser(
    ['text/csv', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.addHook('onRequest', async (request, reply) => {
    const fault = ctx.faults.take(request.method, routeOf(request));
    if (!fault) return;
    (request as FaultedRequest).faultMode = fault.mode;
    if (fault.mode === 'delay') {
      (request as FaultedRequest).faultDelayMs = fault.delayMs;
      return;
    }
    if (fault.delayMs > 0) await sleep(fault.delayMs);
    if (fault.mode === 'drop') {
      record(ctx, request, 0, 'drop');
      request.raw.socket.destroy();
      return reply.hijack();
    }
    if (fault.mode === 'respond') {
      const status = fault.status ?? 500;
      return reply.code(status).headers(fault.headers).send(fault.body ?? defaultFaultBody(request.url, status));
    }
  });

  // A slow service, not a slow network: the request has been read in full, so the handler runs
  // after the wait even if the client gave up meanwhile — its effect lands late, as it would.
  app.addHook('preHandler', async (request) => {
    const delayMs = (request as FaultedRequest).faultDelayMs;
    if (delayMs) await sleep(delayMs);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if ((request as FaultedRequest).faultMode === 'delay' && request.raw.socket.destroyed) {
      // Handled after the client gave up: no answer goes out, so onResponse never sees it.
      record(ctx, request, reply.statusCode, 'delay (client gone)');
    }
    if ((request as FaultedRequest).faultMode === 'drop_after') {
      // The handler has done its work; the client never gets the answer.
      record(ctx, request, 0, 'drop_after');
      request.raw.socket.destroy();
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const mode = (request as FaultedRequest).faultMode;
    if (mode === 'drop' || mode === 'drop_after') return;
    record(ctx, request, reply.statusCode, mode);
    ctx.options.log(`${request.method} ${routeOf(request)} ${reply.statusCode} ${Math.round(reply.elapsedTime)}ms${mode ? ` (fault: ${mode})` : ''}`);
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    const malformed = status === 400 || error.code?.startsWith('FST_ERR_CTP') === true;
    if (status >= 500) ctx.options.log(`error in ${request.method} ${routeOf(request)}: ${error.message}`);
    if (request.url.startsWith(RYZEAPI_PREFIX)) {
      // RyzeAPI decodes any body as JSON whatever its content type: every unreadable body is a 400.
      return ryzeError(reply, malformed ? 400 : status, malformed ? `Invalid request body: ${error.message}` : 'Internal server error');
    }
    if (request.url.startsWith(PILOTSTATUS_PREFIX)) {
      return pilotStatusError(reply, status, malformed ? 'INVALID_BODY' : 'INTERNAL_ERROR', malformed ? error.message : undefined);
    }
    return reply.code(status).send({ error: malformed ? 'INVALID_BODY' : 'INTERNAL_ERROR', message: error.message });
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith(RYZEAPI_PREFIX)) return ryzeError(reply, 404, 'Route not found');
    return pilotStatusError(reply, 404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
  });

  registerPilotStatus(app, ctx);
  registerRyzeApi(app, ctx);
  registerAdmin(app, ctx);
  return app;
}

interface FaultedRequest extends FastifyRequest {
  faultMode?: string;
  faultDelayMs?: number;
}

/** `POST /v1/messages/send`-style identity of a request, free of ids, phones and tokens. */
export function routeOf(request: FastifyRequest): string {
  return request.routeOptions.url ?? request.url.split('?')[0] ?? '';
}

function record(ctx: SandboxContext, request: FastifyRequest, status: number, fault?: string) {
  ctx.requests.push({ method: request.method, route: routeOf(request), status, ...(fault ? { fault } : {}), at: ctx.clock.iso() });
}

function defaultFaultBody(url: string, status: number): unknown {
  if (url.startsWith(RYZEAPI_PREFIX)) {
    const message = status === 503 ? 'Instance is not connected to WhatsApp' : status === 429 ? 'Too many requests' : 'Internal server error';
    return { success: false, error: { message } };
  }
  return { error: status === 429 ? 'RATE_LIMITED' : status >= 500 ? 'INTERNAL_ERROR' : 'FAULT_INJECTED' };
}


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
