/**
 * The two faces of the pack as their hosts run them, reduced to one call each:
 *  - n8n: the built package (n8n/dist) loaded by n8n-core's loader, one node run by WorkflowExecute
 *    (test/n8n/harness.ts), HTTP through n8n's httpRequestWithAuthentication;
 *  - Zapier: the app's perform run by zapier.createAppTester (test/zapier/helpers.ts), HTTP
 *    through z.request.
 * Both answer a FaceOutcome: the single output item, or the error as the host shows it.
 */
import '../zapier/env';


import type { INodeParameters } from 'n8n-workflow';

import PilotStatusApp from '../../zapier/pilotstatus/src';
import RyzeApiApp from '../../zapier/ryzeapi/src';
import { loadBuiltPack, runWorkflow, type LoadedPackage } from '../n8n/harness';
import { appRunner, partsOf, zapierFailure } from '../zapier/helpers';
import type { RecordingServer } from './recording-server';

/** Made-up secrets, only ever sent to the local recorder; neither may appear in any outcome. */
export const SECRETS = { pilotStatusKey: 'ps_parity_number_key_4f1e9a', ryzeToken: 'ryze_parity_token_8c2d71' } as const;
export const RYZE_INSTANCE = 'parity';
export const RETENTION_DAYS = 30;

export type FaceOutcome =
  | { readonly ok: true; readonly output: Record<string, unknown> }
  | { readonly ok: false; readonly name: string; readonly message: string; readonly description?: string | null; readonly code?: string };

export type Operation = 'send' | 'createTag' | 'assignTag' | 'unassignTag';

export interface Faces {
  n8n(operation: Operation, parameters: INodeParameters): Promise<FaceOutcome>;
  zapier(operation: Operation, inputData: Record<string, unknown>): Promise<FaceOutcome>;
}

const NODE_NAME = 'Parity';

const N8N_NODE: Record<Operation, { node: string; parameters: INodeParameters }> = {
  send: { node: 'pilotStatus', parameters: { resource: 'message', operation: 'send' } },
  createTag: { node: 'ryzeApi', parameters: { resource: 'tag', operation: 'create' } },
  assignTag: { node: 'ryzeApi', parameters: { resource: 'tag', operation: 'assign' } },
  unassignTag: { node: 'ryzeApi', parameters: { resource: 'tag', operation: 'unassign' } },
};

const pilotStatusSteps = partsOf(PilotStatusApp);
const ryzeApiSteps = partsOf(RyzeApiApp);
const ZAPIER_STEP: Record<Operation, { app: object; perform: unknown }> = {
  send: { app: PilotStatusApp, perform: pilotStatusSteps.create('send_message').operation.perform },
  createTag: { app: RyzeApiApp, perform: ryzeApiSteps.create('create_tag').operation.perform },
  assignTag: { app: RyzeApiApp, perform: ryzeApiSteps.create('assign_tag').operation.perform },
  unassignTag: { app: RyzeApiApp, perform: ryzeApiSteps.create('unassign_tag').operation.perform },
};

export async function loadFaces(server: RecordingServer): Promise<Faces> {
  const pkg: LoadedPackage = await loadBuiltPack();
  const runners = new Map<object, ReturnType<typeof appRunner>>([
    [PilotStatusApp, appRunner(PilotStatusApp)],
    [RyzeApiApp, appRunner(RyzeApiApp)],
  ]);

  const n8nCredentials = {
    pilotStatusApi: { apiKey: SECRETS.pilotStatusKey, retentionDays: RETENTION_DAYS, baseUrl: server.pilotStatusUrl },
    ryzeApi: { instance: RYZE_INSTANCE, token: SECRETS.ryzeToken, baseUrl: server.ryzeApiUrl },
  };
  const authData: Record<'pilotstatus' | 'ryzeapi', Record<string, string>> = {
    pilotstatus: { apiKey: SECRETS.pilotStatusKey, retentionDays: String(RETENTION_DAYS), baseUrl: server.pilotStatusUrl },
    ryzeapi: { instance: RYZE_INSTANCE, token: SECRETS.ryzeToken, baseUrl: server.ryzeApiUrl },
  };

  return {
    async n8n(operation, parameters) {
      const { node, parameters: fixed } = N8N_NODE[operation];
      let result: Awaited<ReturnType<typeof runWorkflow>>;
      try {
        result = await runWorkflow({
          pkg,
          nodes: [{ name: NODE_NAME, type: pkg.typeName(node), parameters: { ...fixed, ...parameters } }],
          credentials: n8nCredentials,
          input: [{}],
        });
      } catch (thrown) {
        // n8n's engine refuses some workflows before any node runs (WorkflowHasIssuesError:
        // a required parameter left empty), as the editor's "Execute workflow" would.
        const error = thrown as Error & { description?: string | null };
        return { ok: false, name: error.name, message: error.message, description: error.description ?? null };
      }
      const error = result.error(NODE_NAME) ?? result.executionError;
      if (error) {
        return { ok: false, name: error.name, message: error.message, description: error.description ?? null };
      }
      const items = result.json(NODE_NAME);
      if (items.length !== 1) throw new Error(`n8n: expected one output item, got ${items.length}`);
      return { ok: true, output: items[0] as Record<string, unknown> };
    },

    async zapier(operation, inputData) {
      const { app, perform } = ZAPIER_STEP[operation];
      const run = runners.get(app)!;
      const bundle = { authData: app === PilotStatusApp ? authData.pilotstatus : authData.ryzeapi, inputData };
      try {
        const output = await run<Record<string, unknown>>(perform, bundle);
        return { ok: true, output };
      } catch (error) {
        const view = await zapierFailure(Promise.reject(error));
        return { ok: false, name: view.name, message: view.message, ...(view.code !== undefined ? { code: view.code } : {}) };
      }
    },
  };
}
