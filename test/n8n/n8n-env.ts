/**
 * Process environment n8n-core reads when its services are first built.
 *
 * Imported for its side effects by harness.ts *before* anything from n8n-core,
 * because n8n's config classes read the environment when the DI container first
 * constructs them (InstanceSettings on the first node execution context, the
 * Logger on the first loader), and never again afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Folder n8n-core treats as the user's home: it writes `.n8n/config` (encryption key) there. */
export const n8nUserFolder: string = (() => {
  const existing = process.env.N8N_USER_FOLDER;
  if (existing !== undefined && existing !== '') return existing;
  const dir = mkdtempSync(join(tmpdir(), 'n8n-harness-'));
  process.env.N8N_USER_FOLDER = dir;
  // Only remove what this module created. Under jest each test file gets its own
  // copy of process.env (so its own folder) and 'exit' never reaches the file's
  // process object: remove the folder after the file's tests instead.
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (typeof afterAll === 'function') afterAll(remove);
  else process.once('exit', remove);
  return dir;
})();

// n8n's ErrorReporter logs every failed node (with the axios stack) at error level,
// and a test that provokes failures on purpose would drown in them. Failures are in
// the run result; N8N_LOG_LEVEL=debug (or warn) shows the engine's own view.
process.env.N8N_LOG_LEVEL ??= 'silent';
// No telemetry calls from a test process.
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
