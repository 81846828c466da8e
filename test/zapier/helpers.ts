import './env';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import { DEMO, type TestSandbox } from '../sandbox/harness';

export { DEMO };

export type Run = <T = any>(method: unknown, bundle?: Record<string, unknown>) => Promise<T>;

/**
 * Runs one of the app's functions as Zapier does (the app's full lambda handler, z.request and
 * Zapier's output checks). Pass the perform itself: the tester finds its path in the app.
 */
export function appRunner(app: object): Run {
  const tester = zapier.createAppTester(app);
  return (method, bundle = {}) => tester(method as (z: ZObject, bundle: Bundle) => Promise<never>, bundle as never);
}

/** What a Zapier error says: AppError and ThrottledError carry JSON in their message. */
export interface ZapierErrorView {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly status?: number;
  readonly delay?: number;
}

export async function zapierFailure(promise: Promise<unknown>): Promise<ZapierErrorView> {
  try {
    await promise;
  } catch (error) {
    const { name, message } = error as Error;
    try {
      const parsed = JSON.parse(message) as { message: string; code?: string; status?: number; delay?: number };
      return { name, ...parsed };
    } catch {
      return { name, message };
    }
  }
  throw new Error('expected the Zapier call to fail, it succeeded');
}

export const pilotAuth = (t: TestSandbox, overrides: Record<string, string> = {}) => ({
  apiKey: DEMO.keyRetention30,
  retentionDays: '30',
  baseUrl: t.sandbox.pilotStatusUrl,
  ...overrides,
});

export const ryzeAuth = (t: TestSandbox, overrides: Record<string, string> = {}) => ({
  instance: DEMO.ryzeInstance,
  token: DEMO.ryzeInstanceToken,
  baseUrl: t.sandbox.ryzeApiUrl,
  ...overrides,
});

export interface FileServer {
  /** The URL serving `body` at `path` (any other path answers 404). */
  urlOf(path: string): string;
  serve(path: string, body: Buffer | string, contentType?: string): void;
  close(): Promise<void>;
}

/** A tiny file server: Zapier hands files to actions as URLs. */
export async function startFileServer(): Promise<FileServer> {
  const files = new Map<string, { body: Buffer; contentType: string }>();
  const server = createServer((request, response) => {
    const file = files.get(request.url ?? '');
    if (!file) return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': file.contentType }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlOf: (path) => `http://127.0.0.1:${port}${path}`,
    serve: (path, body, contentType = 'text/csv') => void files.set(path, { body: Buffer.isBuffer(body) ? body : Buffer.from(body), contentType }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Operation = { perform: unknown; performList?: unknown; performSubscribe?: unknown; performUnsubscribe?: unknown; inputFields?: unknown[]; sample?: Record<string, unknown> };
type Step = { key: string; operation: Operation };
type Group = 'triggers' | 'creates' | 'searches';

/** The app as tests reach into it: each step's operation with its functions, whatever its kind. */
export function partsOf(app: object) {
  const raw = app as { authentication: { test: unknown; connectionLabel?: unknown } } & Partial<Record<Group, Record<string, Step>>>;
  const step = (group: Group) => (key: string): Step => {
    const found = raw[group]?.[key];
    if (!found) throw new Error(`the app has no ${group}.${key}`);
    return found;
  };
  return { authentication: raw.authentication, trigger: step('triggers'), create: step('creates'), search: step('searches') };
}
