/**
 * The n8n side of the reliability suites: the built package (n8n/dist) in n8n-core's engine
 * (test/n8n/harness.ts), with two test knobs:
 *  - a short timeout for the faulted request of a timeout cell. The nodes call with the core's
 *    30 s default (PILOTSTATUS/RYZEAPI_DEFAULT_TIMEOUT_MS, not configurable in the node); n8n applies
 *    the request's `timeout` after the credentials helper's authenticate(), so the harness helper
 *    is the one place a test can shorten it (which request: see matrix.ts);
 *  - the client-side RyzeAPI pacing lifted in the package's own runtime (dist/lib/pack.js).
 */
import { join } from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { RateLimiterRegistry } from '../../shared/http';
import { HarnessCredentialsHelper, BUILT_PACK_DIR, loadBuiltPack, type LoadedPackage, type RunWorkflowResult } from '../n8n/harness';
import { errorProblems, liftRyzePacing, shortTimeoutFor } from './matrix';


let loaded: Promise<LoadedPackage> | undefined;

/** The package, loaded once per test file; the knobs are installed with it. */
export function n8nPackage(): Promise<LoadedPackage> {
  loaded ??= (async () => {
    const pkg = await loadBuiltPack();
    // The runtime the built nodes require (same module registry as theirs inside this test file).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const runtime = require(join(BUILT_PACK_DIR, 'dist', 'lib', 'pack.js')) as { sharedRateLimiters: RateLimiterRegistry };
    liftRyzePacing(runtime.sharedRateLimiters);
    installShortTimeouts();
    return pkg;
  })();
  return loaded;
}

let installed = false;
function installShortTimeouts(): void {
  if (installed) return;
  installed = true;
  const authenticate = HarnessCredentialsHelper.prototype.authenticate;
  HarnessCredentialsHelper.prototype.authenticate = async function (this: HarnessCredentialsHelper, ...args: Parameters<typeof authenticate>) {
    const options = await authenticate.apply(this, args);
    const short = shortTimeoutFor(options.method, options.url);
    return short === undefined ? options : { ...options, timeout: short };
  };
}

/** Names an n8n node error may carry in an error item (the core's own error classes). */
export const CORE_ERROR_NAMES = ['ApiError', 'NetworkError', 'RateLimitedError', 'ValidationError'] as const;

/** An error item's outcome string: `CODE`, or `NETWORK/<reason>`. */
export function outcomeOfErrorJson(error: IDataObject): string {
  const code = String(error.code);
  return code === 'NETWORK' ? `NETWORK/${String(error.reason)}` : code;
}

/**
 * Per input item of a continue-on-fail node: 'ok' or the error item's outcome. Every input item
 * must come out (an output item paired with it); an error item must be the only one for its input
 * and a typed core error (name, code, message, hint) — anything else is a problem.
 */
export function n8nItemOutcomes(
  result: RunWorkflowResult,
  nodeName: string,
  inputCount: number,
  okCheck: (json: IDataObject[], index: number) => string | undefined = () => undefined,
): { items: string[]; problems: string[] } {
  const problems: string[] = [];
  if (result.executionError) problems.push(`execution failed: ${result.executionError.message}`);
  let out: INodeExecutionData[] = [];
  try {
    out = result.output(nodeName)[0] ?? [];
  } catch (error) {
    problems.push(String(error));
  }
  const byInput = new Map<number, IDataObject[]>();
  for (const item of out) {
    const paired = item.pairedItem as { item?: number } | undefined;
    if (typeof paired?.item !== 'number') {
      problems.push('an output item without pairedItem');
      continue;
    }
    byInput.set(paired.item, [...(byInput.get(paired.item) ?? []), item.json]);
  }
  const items: string[] = [];
  for (let index = 0; index < inputCount; index++) {
    const jsons = byInput.get(index);
    if (!jsons || jsons.length === 0) {
      problems.push(`input item ${index} lost: no output item`);
      items.push('lost');
      continue;
    }
    const errors = jsons.filter((json) => json.error !== undefined);
    if (errors.length === 0) {
      const wrong = okCheck(jsons, index);
      if (wrong) problems.push(`item ${index}: ${wrong}`);
      items.push('ok');
      continue;
    }
    if (jsons.length > 1) problems.push(`item ${index}: an error item next to other items`);
    const error = errors[0]!.error as IDataObject;
    problems.push(...errorProblems(`item ${index}`, error, CORE_ERROR_NAMES));
    if (typeof error.hint !== 'string' || error.hint.length < 10) problems.push(`item ${index}: no hint`);
    items.push(outcomeOfErrorJson(error));
  }
  for (const index of byInput.keys()) if (index >= inputCount) problems.push(`output paired with unknown input ${index}`);
  return { items, problems };
}

/** Outcome of an n8n error thrown by a trigger's webhook method or poll (not an item). */
export function n8nThrownOutcome(error: unknown, where: string): { outcome: string; problems: string[] } {
  const view = error as { name?: string; message?: string; errorResponse?: IDataObject; description?: string };
  const problems: string[] = [];
  if (view?.name !== 'NodeApiError' && view?.name !== 'NodeOperationError') problems.push(`${where}: untyped n8n error ${String(view?.name)}`);
  const response = view?.errorResponse ?? {};
  problems.push(...errorProblems(where, { name: String(response.name), code: response.code, message: view?.message }, CORE_ERROR_NAMES));
  if (typeof view?.description !== 'string' || view.description.length < 10) problems.push(`${where}: no description (hint)`);
  return { outcome: outcomeOfErrorJson(response), problems };
}
