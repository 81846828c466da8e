import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../../shared/errors';
import { toApiError } from '../../shared/http';
import { PILOTSTATUS_ERRORS } from '../../shared/pilotstatus';
import type { TestSandbox } from './harness';
import { failure } from '../clients/helpers';

export { failure };

/** Awaits a client call that must fail with an `ApiError`. */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await failure(promise);
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

/** What the client's error table makes of a raw answer (for calls the client would not make). */
export const asClientError = (response: { status: number; body: unknown }): ApiError =>
  toApiError('pilotstatus', PILOTSTATUS_ERRORS, { status: response.status, body: response.body }, (text) => text);

export async function processTimes(t: TestSandbox, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await t.process();
}

/** The recorded requests for one route, e.g. `POST`, `/v1/messages/send`. */
export async function requestsTo(t: TestSandbox, method: string, route: string): Promise<{ status: number; fault?: string }[]> {
  const { body } = await t.http('GET', '/_sandbox/requests');
  return (body.requests as { method: string; route: string; status: number; fault?: string }[]).filter((r) => r.method === method && r.route === route);
}

export const resetSandbox = async (t: TestSandbox) => {
  const { status } = await t.http('POST', '/_sandbox/reset');
  if (status !== 200) throw new Error(`reset answered ${status}`);
};

export interface ReceivedDelivery {
  readonly headers: IncomingHttpHeaders;
  readonly raw: string;
  readonly body: { event: string; data: Record<string, unknown> & { id: string } };
}

export interface Receiver {
  readonly url: string;
  readonly received: ReceivedDelivery[];
  /** Statuses to answer, in order; 200 once they run out. */
  respondWith(...statuses: number[]): void;
  close(): Promise<void>;
}

/** A webhook receiver on 127.0.0.1 that records every delivery. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedDelivery[] = [];
  const planned: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: request.headers, raw, body: JSON.parse(raw) });
      response.writeHead(planned.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    respondWith: (...statuses) => void planned.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
