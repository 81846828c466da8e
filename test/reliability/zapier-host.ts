/**
 * The Zapier side of the reliability suites: the apps run by zapier-platform-core's
 * createAppTester (the full lambda handler, z.request, Zapier's output checks), with two test knobs:
 *  - a short timeout for the faulted request of a timeout cell. The apps call with 25 s
 *    (ZAPIER_CLIENT_SETTINGS.timeoutMs); a `beforeRequest` middleware added to a test copy of the app
 *    lowers `timeout` on that one z.request (which request: see matrix.ts);
 *  - the client-side RyzeAPI pacing lifted in the core's process-wide registry.
 */
import '../zapier/env';

import { sharedRateLimiters } from '../../shared/http';
import type { ApiService } from '../../shared/errors';
import { appRunner, type Run } from '../zapier/helpers';
import { errorProblems, liftRyzePacing, networkReasonOf, ruleCodeOf, shortTimeoutFor } from './matrix';

liftRyzePacing(sharedRateLimiters);

type Middleware = (request: { url?: string; method?: string; timeout?: number }) => unknown;

/** The app with a middleware that shortens the timeout of a timeout cell's faulted request. */
export function withShortTimeouts<App extends object>(app: App): App {
  const before = (app as { beforeRequest?: Middleware[] }).beforeRequest ?? [];
  const shorten: Middleware = (request) => {
    const short = shortTimeoutFor(request.method, request.url);
    if (short !== undefined) request.timeout = short;
    return request;
  };
  return { ...app, beforeRequest: [...before, shorten] };
}

/** A runner over the app's test copy (the knobs above). */
export const zapierRunner = (app: object): Run => appRunner(withShortTimeouts(app));

export const ZAPIER_ERROR_NAMES = ['AppError', 'HaltedError', 'ThrottledError'] as const;

/**
 * What a failed Zapier step says, as an outcome string: `CODE` (AppError), `NETWORK/<reason>`,
 * `HALTED:CODE` (HaltedError: message and hint only), `THROTTLED` — with the typed-error problems.
 */
export function zapierOutcome(service: ApiService, error: unknown, where: string): { outcome: string; problems: string[]; message: string } {
  const { name, message } = error as Error;
  let parsed: { message?: string; code?: string; delay?: number } = {};
  try {
    parsed = JSON.parse(message) as typeof parsed;
  } catch {
    parsed = { message };
  }
  const text = parsed.message ?? '';
  if (name === 'HaltedError') {
    const code = ruleCodeOf(service, text);
    const problems = errorProblems(where, { name, code: code ?? 'NO_RULE', message: text }, ZAPIER_ERROR_NAMES);
    if (!code) problems.push(`${where}: a HaltedError that is no core rule: ${text}`);
    return { outcome: `HALTED:${code}`, problems, message: text };
  }
  if (name === 'ThrottledError') {
    return { outcome: 'THROTTLED', problems: errorProblems(where, { name, code: 'RATE_LIMITED', message: text }, ZAPIER_ERROR_NAMES), message: text };
  }
  const problems = errorProblems(where, { name, code: parsed.code, message: text }, ZAPIER_ERROR_NAMES);
  if (parsed.code === 'NETWORK') return { outcome: `NETWORK/${networkReasonOf(service, text) ?? 'unreadable'}`, problems, message: text };
  return { outcome: String(parsed.code), problems, message: text };
}
