import nock from 'nock';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NetworkError } from '../../shared/errors';
import { classifyNetworkFailure, createFetchTransport, joinUrl, type Transport } from '../../shared/http';
import { failure, useNock } from './helpers';

useNock();

const BASE = 'https://api.test/v1';
const transport = (baseUrl = BASE, timeoutMs = 5_000): Transport =>
  createFetchTransport({ service: 'ryzeapi', baseUrl, headers: { token: 'tok-123456' }, timeoutMs });

describe('requests', () => {
  it('joins base and path, encodes the query (absent values left out), and sends auth and JSON', async () => {
    const scope = nock('https://api.test', { reqheaders: { token: 'tok-123456', 'content-type': 'application/json', accept: 'application/json' } })
      .delete('/v1/things/a%2Fb', { ids: [1] })
      .query({ q: 'x y', flag: 'true' })
      .reply(200, { ok: true }, { 'X-Custom': 'v' });

    const response = await transport(`${BASE}/`).request({
      method: 'DELETE',
      path: '/things/a%2Fb',
      query: { q: 'x y', flag: true, skipped: undefined },
      body: { ids: [1] },
      idempotent: true,
    });

    expect(response).toEqual({ status: 200, headers: expect.objectContaining({ 'x-custom': 'v' }), body: { ok: true } });
    expect(scope.isDone()).toBe(true);
  });

  it('answers error statuses instead of throwing, with text bodies as text and empty bodies as undefined', async () => {
    nock('https://api.test').get('/v1/a').reply(503, 'down').get('/v1/b').reply(204);
    expect(await transport().request({ method: 'GET', path: '/a', idempotent: true })).toMatchObject({ status: 503, body: 'down' });
    expect(await transport().request({ method: 'GET', path: '/b', idempotent: true })).toMatchObject({ status: 204, body: undefined });
  });

  it('sends no content type without a body', async () => {
    const scope = nock('https://api.test', { badheaders: ['content-type'] }).get('/v1/a').reply(200, {});
    await transport().request({ method: 'GET', path: '/a', idempotent: true });
    expect(scope.isDone()).toBe(true);
  });

  it('joinUrl', () => {
    expect(joinUrl('https://h/v1//', 'x', { a: 'b,c' })).toBe('https://h/v1/x?a=b%2Cc');
  });
});

describe('network failures with real sockets', () => {
  let server: Server | undefined;
  beforeAll(() => nock.enableNetConnect('127.0.0.1'));
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
    server = createServer(handler);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  }

  it('a refused connection never reached the server', async () => {
    const url = await listen(() => undefined);
    await new Promise((resolve) => server!.close(resolve));
    server = undefined;
    const error = await failure(transport(url).request({ method: 'POST', path: '/send', body: {}, idempotent: false }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ reason: 'connection_refused', reachedServer: false, service: 'ryzeapi' });
  });

  it('a socket closed after the request was read may have reached it', async () => {
    let received = 0;
    const url = await listen((request) => {
      received += 1;
      request.socket.destroy();
    });
    const error = await failure(transport(url).request({ method: 'POST', path: '/send', body: { a: 1 }, idempotent: false }));
    expect(received).toBe(1);
    expect(error).toMatchObject({ reason: 'connection_reset', reachedServer: true });
  });

  it('no answer within the timeout may have reached it', async () => {
    const url = await listen(() => undefined);
    const error = await failure(transport(url, 50).request({ method: 'GET', path: '/slow', idempotent: true }));
    expect(error).toMatchObject({ reason: 'timeout', reachedServer: true });
    server!.closeAllConnections();
  });
});

describe('classifyNetworkFailure', () => {
  it.each<[string, unknown, string]>([
    ['a plain object (nock)', { code: 'ECONNREFUSED' }, 'connection_refused'],
    ['fetch failed, caused by ENOTFOUND', new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo'), { code: 'ENOTFOUND' }) }), 'dns'],
    ['EAI_AGAIN', { cause: { code: 'EAI_AGAIN' } }, 'dns'],
    ['UND_ERR_CONNECT_TIMEOUT', { cause: { code: 'UND_ERR_CONNECT_TIMEOUT' } }, 'connect_timeout'],
    ['CERT_HAS_EXPIRED', { cause: { code: 'CERT_HAS_EXPIRED' } }, 'tls'],
    ['EHOSTUNREACH', { cause: { code: 'EHOSTUNREACH' } }, 'unreachable'],
    ['UND_ERR_SOCKET', { cause: { code: 'UND_ERR_SOCKET' } }, 'connection_reset'],
    ['UND_ERR_HEADERS_TIMEOUT', { cause: { code: 'UND_ERR_HEADERS_TIMEOUT' } }, 'timeout'],
    ['a TimeoutError', new DOMException('t', 'TimeoutError'), 'timeout'],
    ['an AbortError', new DOMException('a', 'AbortError'), 'aborted'],
    ['an unknown error', new Error('weird'), 'unknown'],
    ['a string', 'a string', 'unknown'],
  ])('%s', (_, error, reason) => {
    expect(classifyNetworkFailure(error)).toBe(reason);
  });
});
