/**
 * What `npm start` puts into n8n: the owner account, credentials pointing at the sandbox's demo
 * keys, and the example workflows of `examples/n8n/`. Every step is an upsert, so a second start
 * leaves one of each.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO } from '../../sandbox';
import type { N8nRest, N8nWorkflow, Owner } from './n8n-rest';

/** A local demo login, printed at start; never a real account. */
export const DEMO_OWNER: Owner = { email: 'demo@example.com', password: 'Sandbox-demo-1', firstName: 'Demo', lastName: 'Owner' };

/** The package name in the example files: what a user who installed the community package has. */
export const PACKAGE_NODE_PREFIX = 'n8n-nodes-whatsapp-labels.';
/** How n8n names the same nodes when it loads them from N8N_CUSTOM_EXTENSIONS, as `npm start` does. */
export const CUSTOM_NODE_PREFIX = 'CUSTOM.';

export const DEMO_CREDENTIALS = {
  pilotStatus30: 'PilotStatus sandbox (keeps labels 30 days)',
  pilotStatus0: 'PilotStatus sandbox (retention 0: keeps no contacts)',
  ryzeApi: 'RyzeAPI sandbox (demo instance)',
} as const;

export interface SandboxUrls {
  readonly url: string;
  readonly pilotStatusUrl: string;
  readonly ryzeApiUrl: string;
}

export interface ProvisionedDemo {
  /** Credential name → id. */
  readonly credentials: Readonly<Record<string, string>>;
  /** Example workflows as saved in n8n, by file name (`send-with-labels`…). */
  readonly workflows: Readonly<Record<string, N8nWorkflow>>;
}

export async function provisionDemo(rest: N8nRest, sandbox: SandboxUrls, examplesDir: string): Promise<ProvisionedDemo> {
  const credentials: Record<string, string> = {
    [DEMO_CREDENTIALS.pilotStatus30]: await rest.upsertCredential(DEMO_CREDENTIALS.pilotStatus30, 'pilotStatusApi', {
      apiKey: DEMO.keyRetention30,
      retentionDays: 30,
      whatsappNumberId: DEMO.numberId,
      baseUrl: sandbox.pilotStatusUrl,
    }),
    [DEMO_CREDENTIALS.pilotStatus0]: await rest.upsertCredential(DEMO_CREDENTIALS.pilotStatus0, 'pilotStatusApi', {
      apiKey: DEMO.keyRetention0,
      retentionDays: 0,
      whatsappNumberId: DEMO.numberId,
      baseUrl: sandbox.pilotStatusUrl,
    }),
    [DEMO_CREDENTIALS.ryzeApi]: await rest.upsertCredential(DEMO_CREDENTIALS.ryzeApi, 'ryzeApi', {
      instance: DEMO.ryzeInstance,
      token: DEMO.ryzeInstanceToken,
      baseUrl: sandbox.ryzeApiUrl,
    }),
  };

  const workflows: Record<string, N8nWorkflow> = {};
  for (const file of readdirSync(examplesDir).filter((name) => name.endsWith('.json')).sort()) {
    const example = JSON.parse(readFileSync(join(examplesDir, file), 'utf8')) as Omit<N8nWorkflow, 'id' | 'active'>;
    workflows[file.replace(/\.json$/, '')] = await rest.upsertWorkflow(forThisStack(example, credentials, sandbox));
  }
  return { credentials, workflows };
}

/**
 * An example file as this stack runs it: the pack's nodes under n8n's custom-extension names,
 * credentials linked by name to the ones just made, the sandbox's default address replaced by
 * the one it listens on.
 */
function forThisStack<W extends Omit<N8nWorkflow, 'id' | 'active'>>(example: W, credentials: Readonly<Record<string, string>>, sandbox: SandboxUrls): W {
  const text = JSON.stringify(example).replaceAll('http://127.0.0.1:4010', sandbox.url);
  const workflow = JSON.parse(text) as W;
  return {
    ...workflow,
    nodes: workflow.nodes.map((node) => {
      const type = node.type.startsWith(PACKAGE_NODE_PREFIX) ? `${CUSTOM_NODE_PREFIX}${node.type.slice(PACKAGE_NODE_PREFIX.length)}` : node.type;
      const linked = node.credentials as Record<string, { id: string; name: string }> | undefined;
      return {
        ...node,
        type,
        ...(linked
          ? {
              credentials: Object.fromEntries(
                Object.entries(linked).map(([kind, { name }]) => {
                  const id = credentials[name];
                  if (!id) throw new Error(`example ${workflow.name}: no demo credential named "${name}"`);
                  return [kind, { id, name }];
                }),
              ),
            }
          : {}),
      };
    }),
  };
}
