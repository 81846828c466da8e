/**
 * In-process n8n test harness: runs a built community package inside n8n's real
 * engine (n8n-core 2.41 + n8n-workflow 2.41), without an n8n server.
 *
 * What is real: the package loader (PackageDirectoryLoader / CustomDirectoryLoader),
 * the `Workflow` model and its expression engine, `WorkflowExecute` (paired items,
 * continueOnFail / onError, pin data), the node execution contexts (Execute, Poll,
 * Hook, Webhook) with their helpers, and outbound HTTP (`httpRequestWithAuthentication`
 * goes through n8n's OutboundHttp to a real socket).
 *
 * What the harness supplies, because n8n's CLI (not installed) normally does:
 * - a credentials helper (decrypted values come from the test instead of the
 *   database; declarative `authenticate` is applied the way the CLI applies it),
 * - `additionalData` (URLs, no sub-workflows, no task runners),
 * - the registry objects (`INodeTypes`, `ICredentialTypes`) over the loader,
 * - a fake express request/response for webhook deliveries (HTTP framework only).
 *
 * Importing this module sets N8N_USER_FOLDER to a temp folder (see n8n-env.ts).
 */
import './n8n-env';

import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { Container } from '@n8n/di';
import {
  Credentials,
  CustomDirectoryLoader,
  type DirectoryLoader,
  ExecutionLifecycleHooks,
  ExternalSecretsProxy,
  getExecutePollFunctions,
  HookContext,
  PackageDirectoryLoader,
  TriggersAndPollers,
  WebhookContext,
  WorkflowExecute,
} from 'n8n-core';
import {
  ICredentialsHelper,
  isExpression,
  NodeHelpers,
  UnexpectedError,
  Workflow,
  type ExecutionBaseError,
  type ICredentialDataDecryptedObject,
  type ICredentialType,
  type ICredentialTypes,
  type IConnections,
  type IDataObject,
  type IExecuteFunctions,
  type IHttpRequestHelper,
  type IHttpRequestMethods,
  type IHttpRequestOptions,
  type INode,
  type INodeCredentialsDetails,
  type INodeExecutionData,
  type INodeProperties,
  type INodeType,
  type INodeTypes,
  type IPinData,
  type IRequestOptionsSimplified,
  type IRun,
  type ITaskData,
  type IVersionedNodeType,
  type IWebhookData,
  type IWebhookResponseData,
  type IWorkflowExecuteAdditionalData,
  type WebhookType,
  type WorkflowActivateMode,
  type WorkflowExecuteMode,
} from 'n8n-workflow';

export { n8nUserFolder } from './n8n-env';

// ---------------------------------------------------------------------------
// Loading a package
// ---------------------------------------------------------------------------

/** A community package as n8n sees it after loading. */
export interface LoadedPackage {
  /** Node registry over the loaded nodes (plus the harness's own input node). */
  nodeTypes: INodeTypes;
  /** Credential registry over the loaded credentials. */
  credentialTypes: ICredentialTypes;
  /** n8n-core's loader itself (`loader.types.nodes` are the descriptions the editor gets). */
  loader: DirectoryLoader;
  /** `package.json` name (PackageDirectoryLoader) or `CUSTOM` (CustomDirectoryLoader). */
  packageName: string;
  /** Full node type names as workflows reference them: `<packageName>.<description.name>`. */
  nodeTypeNames: string[];
  /** Credential type names (`ICredentialType.name`). */
  credentialTypeNames: string[];
  /** Full node type name for a node's `description.name` (throws if the package has none). */
  typeName(nodeName: string): string;
}

/**
 * Type of the harness's own source node (see `RunWorkflowOptions.input`). It is
 * a plain n8n node type registered next to the package's nodes, not an n8n mock:
 * n8n-nodes-base (Manual Trigger, Set…) is not installed here.
 */
export const HARNESS_INPUT_NODE_TYPE = 'n8n-harness.input';

class HarnessInputNode implements INodeType {
  description: INodeType['description'] = {
    displayName: 'Harness Input',
    name: 'input',
    group: ['input'],
    version: 1,
    description: 'Emits the items given in its "items" parameter',
    defaults: { name: 'Harness Input' },
    inputs: ['main'],
    outputs: ['main'],
    properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
  };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const raw = this.getNodeParameter('items', 0) as unknown;
    const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
    return [list.map((json) => ({ json, pairedItem: { item: 0 } }))];
  }
}

/** This repository's n8n package folder; its `dist/` is what the tests load. */
export const BUILT_PACK_DIR = resolve(__dirname, '..', '..', 'n8n');

const BUILT_FILES = ['lib/pack.js', 'nodes/PilotStatus/PilotStatus.node.js', 'nodes/PilotStatusTrigger/PilotStatusTrigger.node.js', 'nodes/RyzeApi/RyzeApi.node.js', 'nodes/RyzeApiTrigger/RyzeApiTrigger.node.js'];

/** The built package through n8n's loader; a missing build says how to make it. */
export async function loadBuiltPack(): Promise<LoadedPackage> {
  const missing = BUILT_FILES.filter((file) => !existsSync(join(BUILT_PACK_DIR, 'dist', file)));
  if (missing.length > 0) throw new Error(`n8n/dist is incomplete (${missing.join(', ')}): run \`npm run build:n8n\` (npm test builds it first)`);
  return loadCustomPackage(BUILT_PACK_DIR);
}

/**
 * Loads a built community-package folder with n8n-core's own loader.
 *
 * A folder whose package.json has an `n8n` section is loaded like an installed
 * community package (PackageDirectoryLoader: only the listed files, types named
 * `<package name>.<node>`); any other folder like `~/.n8n/custom` (CustomDirectoryLoader:
 * every `*.node.js` / `*.credentials.js`, types named `CUSTOM.<node>`).
 * Either way n8n's load-time rules apply and throw here: the exported class must be named
 * like the file (`Echo.node.js` exports `Echo`), `file:` icons must lie inside the folder,
 * descriptions pass n8n's validator; polling nodes get n8n's poll-times parameter added.
 */
export async function loadCustomPackage(dir: string): Promise<LoadedPackage> {
  const directory = resolve(dir);
  const packageJsonPath = join(directory, 'package.json');
  const hasN8nSection =
    existsSync(packageJsonPath) &&
    (JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { n8n?: unknown }).n8n !== undefined;
  const loader: DirectoryLoader = hasN8nSection
    ? new PackageDirectoryLoader(directory)
    : new CustomDirectoryLoader(directory);
  await loader.loadAll();

  const packageName = loader.packageName;
  const shortNames = Object.keys(loader.nodeTypes);
  const prefix = `${packageName}.`;

  const resolveNode = (type: string): INodeType | IVersionedNodeType => {
    if (type === HARNESS_INPUT_NODE_TYPE) return harnessInput;
    if (!type.startsWith(prefix)) {
      throw new UnexpectedError(
        `Unknown node type "${type}": this harness only knows "${prefix}*" (package ${packageName}) and ${HARNESS_INPUT_NODE_TYPE}`,
      );
    }
    return loader.getNode(type.slice(prefix.length)).type;
  };
  const harnessInput = new HarnessInputNode();

  const nodeTypes: INodeTypes = {
    getByName: (type) => resolveNode(type),
    getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(resolveNode(type), version),
    getKnownTypes: () => {
      const known: IDataObject = {};
      for (const [name, details] of Object.entries(loader.known.nodes)) {
        known[`${prefix}${name}`] = { ...details };
      }
      return known;
    },
  };

  const credentialTypes: ICredentialTypes = {
    recognizes: (type) => type in loader.known.credentials || type in loader.credentialTypes,
    getByName: (type) => loader.getCredential(type).type,
    // The loader records supported nodes by short name; n8n's registry answers full names.
    getSupportedNodes: (type) =>
      (loader.known.credentials[type]?.supportedNodes ?? []).map((name) => `${prefix}${name}`),
    getParentTypes: (type) => parentTypes(type, loader),
  };

  return {
    nodeTypes,
    credentialTypes,
    loader,
    packageName,
    nodeTypeNames: shortNames.map((name) => `${prefix}${name}`),
    credentialTypeNames: Object.keys(loader.credentialTypes),
    typeName(nodeName) {
      if (!shortNames.includes(nodeName)) {
        throw new Error(`Package ${packageName} has no node "${nodeName}" (has: ${shortNames.join(', ')})`);
      }
      return `${prefix}${nodeName}`;
    },
  };
}

function parentTypes(type: string, loader: DirectoryLoader): string[] {
  const parents = loader.known.credentials[type]?.extends ?? [];
  return parents.flatMap((parent) => [parent, ...parentTypes(parent, loader)]);
}

// ---------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------

/** Decrypted credential values per credential type name, as a user would have saved them. */
export type HarnessCredentials = Record<string, Record<string, unknown>>;

/** One `authenticate()` call seen by the credentials helper (what was applied to which request). */
export interface AuthenticationRecord {
  type: string;
  url: string | undefined;
  method: string | undefined;
}

/**
 * The part of n8n's CLI CredentialsHelper a node execution needs, over in-memory values.
 *
 * - `getDecrypted`: the test's values for the type, with the credential's property
 *   defaults filled in (n8n stores only what the user typed; defaults apply on read).
 * - `authenticate`: a function `authenticate` is called as is; a declarative
 *   `{ type: 'generic', properties: { headers | qs | body | auth } }` has each key and
 *   value resolved with n8n's expression engine against `$credentials`, exactly as the
 *   CLI does — n8n-core itself does not do this.
 * - `preAuthentication`: runs the type's `preAuthentication` when its expirable hidden
 *   property is empty or the request came back 401, and keeps the returned values.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
  /** Every authenticate() call, in order (lets a test prove auth was applied by n8n's path). */
  readonly authentications: AuthenticationRecord[] = [];
  private readonly values: Map<string, ICredentialDataDecryptedObject>;

  constructor(
    private readonly credentialTypes: ICredentialTypes,
    credentials: HarnessCredentials,
  ) {
    super();
    this.values = new Map(
      Object.entries(credentials).map(([type, data]) => [type, { ...data } as ICredentialDataDecryptedObject]),
    );
  }

  getParentTypes(name: string): string[] {
    return this.credentialTypes.getParentTypes(name);
  }

  isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
    if (!this.credentialTypes.recognizes(credentialType)) return true;
    const type = this.credentialTypes.getByName(credentialType);
    if (type.restrictToSupportedNodes !== true) return true;
    return this.credentialTypes.getSupportedNodes(credentialType).includes(nodeType);
  }

  async authenticate(
    credentials: ICredentialDataDecryptedObject,
    typeName: string,
    incoming: IHttpRequestOptions | IRequestOptionsSimplified,
    workflow?: Workflow,
    node?: INode,
  ): Promise<IHttpRequestOptions> {
    const requestOptions = incoming as IHttpRequestOptions;
    this.authentications.push({
      type: typeName,
      url: requestOptions.url ?? (incoming as { uri?: string }).uri,
      method: requestOptions.method,
    });
    const credentialType = this.credentialTypes.getByName(typeName);
    const { authenticate } = credentialType;
    if (authenticate === undefined) return requestOptions;
    if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
    if (authenticate.type !== 'generic') return requestOptions;

    requestOptions.headers ??= {};
    const target = requestOptions as unknown as Record<string, Record<string, unknown> | undefined>;
    for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
      for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
        const resolvedKey = resolveCredentialExpression(key, credentials, workflow, node);
        const resolvedValue = resolveCredentialExpression(value, credentials, workflow, node);
        const bucket = (target[outerKey] ??= {});
        bucket[resolvedKey] = resolvedValue;
      }
    }
    return requestOptions;
  }

  async preAuthentication(
    helpers: IHttpRequestHelper,
    credentials: ICredentialDataDecryptedObject,
    typeName: string,
    _node: INode,
    credentialsExpired: boolean,
  ): Promise<ICredentialDataDecryptedObject | undefined> {
    const credentialType = this.credentialTypes.getByName(typeName);
    const expirable = credentialType.properties.find(
      (property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
    );
    if (expirable === undefined || typeof credentialType.preAuthentication !== 'function') return undefined;
    if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) {
      return undefined;
    }
    const output = (await credentialType.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
    if (output[expirable.name] === undefined) return undefined;
    // The CLI writes the refreshed token back to the database: keep it for later requests.
    this.values.set(typeName, { ...(this.values.get(typeName) ?? {}), ...output });
    return Object.assign(credentials, output);
  }

  async runPreAuthentication(
    helpers: IHttpRequestHelper,
    credentials: ICredentialDataDecryptedObject,
    typeName: string,
  ): Promise<ICredentialDataDecryptedObject | undefined> {
    const credentialType = this.credentialTypes.getByName(typeName);
    if (typeof credentialType.preAuthentication !== 'function') return undefined;
    return (await credentialType.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject;
  }

  async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
    // A real (encrypting) n8n-core Credentials object over the test's values.
    const credentials = new Credentials({ id: nodeCredentials.id ?? type, name: nodeCredentials.name }, type);
    await credentials.setData(this.decrypted(type));
    return credentials;
  }

  async getDecrypted(
    _additionalData: IWorkflowExecuteAdditionalData,
    _nodeCredentials: INodeCredentialsDetails,
    type: string,
  ): Promise<ICredentialDataDecryptedObject> {
    return this.decrypted(type);
  }

  async updateCredentials(_nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
    this.values.set(type, { ...data });
  }

  async updateCredentialsOauthTokenData(
    _nodeCredentials: INodeCredentialsDetails,
    type: string,
    data: ICredentialDataDecryptedObject,
  ) {
    this.values.set(type, { ...(this.values.get(type) ?? {}), ...data });
  }

  getCredentialsProperties(type: string): INodeProperties[] {
    const credentialType: ICredentialType = this.credentialTypes.getByName(type);
    const parents = credentialType.extends ?? [];
    const merged: INodeProperties[] = [];
    for (const parent of parents) NodeHelpers.mergeNodeProperties(merged, this.getCredentialsProperties(parent));
    NodeHelpers.mergeNodeProperties(merged, credentialType.properties);
    return merged;
  }

  private decrypted(type: string): ICredentialDataDecryptedObject {
    const stored = this.values.get(type);
    if (stored === undefined) {
      throw new UnexpectedError(
        `The harness was given no values for credential type "${type}" (given: ${[...this.values.keys()].join(', ') || 'none'})`,
      );
    }
    const withDefaults: ICredentialDataDecryptedObject = {};
    for (const property of this.getCredentialsProperties(type)) {
      if (property.default !== undefined && property.type !== 'notice') {
        withDefaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
      }
    }
    // A fresh copy each time: nodes and preAuthentication may mutate what they get.
    return structuredClone({ ...withDefaults, ...stored });
  }
}

/**
 * Resolves one key/value of a declarative `authenticate` block. With a workflow and
 * node (always the case for node requests) it uses n8n's own expression engine, as the
 * CLI does; without them only the `={{$credentials.name}}` form is understood.
 */
function resolveCredentialExpression(
  value: string,
  credentials: ICredentialDataDecryptedObject,
  workflow: Workflow | undefined,
  node: INode | undefined,
): string {
  if (!isExpression(value)) return value;
  if (workflow !== undefined && node !== undefined) {
    const resolved = workflow.expression.getSimpleParameterValue(
      node,
      value,
      'internal',
      { $credentials: credentials },
      undefined,
      '',
    );
    return resolved === undefined || resolved === null || resolved === '' ? '' : String(resolved);
  }
  const match = /^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/.exec(value);
  if (match === null || match[1] === undefined) {
    throw new UnexpectedError(`Cannot resolve "${value}" without a workflow and node`);
  }
  const resolved = credentials[match[1]];
  return resolved === undefined || resolved === null ? '' : String(resolved);
}

// ---------------------------------------------------------------------------
// additionalData
// ---------------------------------------------------------------------------

/** Base URLs the harness hands to n8n (every one must parse as a URL: core builds URLs from them). */
export const HARNESS_BASE_URL = 'http://n8n.harness.invalid';

let executionCounter = 0;

function makeAdditionalData(
  credentialsHelper: HarnessCredentialsHelper,
  overrides: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
  const base = HARNESS_BASE_URL;
  executionCounter += 1;
  return {
    credentialsHelper,
    executionId: `harness-${executionCounter}`,
    currentNodeExecutionIndex: 0,
    restApiUrl: `${base}/rest`,
    instanceBaseUrl: `${base}/`,
    formBaseUrl: `${base}/form`,
    formWaitingBaseUrl: `${base}/form-waiting`,
    formTestBaseUrl: `${base}/form-test`,
    webhookBaseUrl: `${base}/webhook`,
    webhookWaitingBaseUrl: `${base}/webhook-waiting`,
    webhookTestBaseUrl: `${base}/webhook-test`,
    mcpBaseUrl: `${base}/mcp`,
    mcpTestBaseUrl: `${base}/mcp-test`,
    variables: {},
    externalSecretsProxy: new ExternalSecretsProxy(),
    logAiEvent: () => undefined,
    executeWorkflow: async () => {
      throw new UnexpectedError('Sub-workflows are not supported by the n8n test harness');
    },
    getRunExecutionData: async () => undefined,
    getRuntimeCredential: async () => undefined,
    startRunnerTask: async () => {
      throw new UnexpectedError('Task runners (Code node) are not supported by the n8n test harness');
    },
    ...overrides,
  };
}

// ---------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------

/** A node as a test writes it: `id`, `typeVersion`, `position`, `parameters` may be left out. */
export type HarnessNode = Omit<INode, 'id' | 'typeVersion' | 'position' | 'parameters'> &
  Partial<Pick<INode, 'id' | 'typeVersion' | 'position' | 'parameters'>>;

/** `main` connections along a chain of node names: chain('A', 'B', 'C') is A → B → C. */
export function chain(...nodeNames: string[]): IConnections {
  const connections: IConnections = {};
  for (let i = 0; i + 1 < nodeNames.length; i++) {
    const from = nodeNames[i] as string;
    const to = nodeNames[i + 1] as string;
    connections[from] = { main: [[{ node: to, type: 'main', index: 0 }]] };
  }
  return connections;
}

/**
 * Fills what n8n's editor fills before saving a workflow: an id, the type's latest
 * version, a position, a webhookId for webhook nodes, and — for every credential
 * type the node declares and the test gave values for — a credential reference
 * (n8n refuses to hand credentials to a node that has none selected).
 */
function completeNode(node: HarnessNode, pkg: LoadedPackage, credentials: HarnessCredentials): INode {
  const versioned = pkg.nodeTypes.getByName(node.type);
  const typeVersion = node.typeVersion ?? latestVersion(versioned);
  const description = NodeHelpers.getVersionedNodeType(versioned, typeVersion).description;
  const nodeCredentials = { ...(node.credentials ?? {}) };
  for (const declared of description.credentials ?? []) {
    if (nodeCredentials[declared.name] === undefined && credentials[declared.name] !== undefined) {
      nodeCredentials[declared.name] = { id: declared.name, name: declared.name };
    }
  }
  const complete: INode = {
    ...node,
    id: node.id ?? randomUUID(),
    typeVersion,
    position: node.position ?? [0, 0],
    parameters: node.parameters ?? {},
  };
  if (Object.keys(nodeCredentials).length > 0) complete.credentials = nodeCredentials;
  if (description.webhooks !== undefined && complete.webhookId === undefined) complete.webhookId = randomUUID();
  return complete;
}

function latestVersion(type: INodeType | IVersionedNodeType): number {
  if ('nodeVersions' in type) return type.currentVersion;
  const { version } = type.description;
  return Array.isArray(version) ? Math.max(...version) : version;
}

function makeWorkflow(args: {
  pkg: LoadedPackage;
  nodes: INode[];
  connections: IConnections;
  staticData?: IDataObject;
  pinData?: IPinData;
  active?: boolean;
}): Workflow {
  return new Workflow({
    id: 'harness-workflow',
    name: 'Harness workflow',
    nodes: args.nodes,
    connections: args.connections,
    active: args.active ?? false,
    nodeTypes: args.pkg.nodeTypes,
    // A deep copy: the caller's object must not change behind its back (n8n wraps it).
    staticData: structuredClone(args.staticData ?? {}),
    settings: { executionOrder: 'v1' },
    ...(args.pinData !== undefined ? { pinData: args.pinData } : {}),
  });
}

/** Plain copy of a workflow's static data (n8n wraps it in an observable with a change flag). */
function plainStaticData(workflow: Workflow): IDataObject {
  const copy = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
  delete copy.__dataChanged;
  return copy;
}

export interface RunWorkflowOptions {
  pkg: LoadedPackage;
  /** Nodes of the workflow; per node `onError: 'continueRegularOutput'` (or `continueOnFail: true`) as in n8n. */
  nodes: HarnessNode[];
  connections?: IConnections;
  /** Decrypted values per credential type. */
  credentials?: HarnessCredentials;
  /** Node to start from; default n8n's choice (a trigger, else a node without inputs). */
  startNode?: string;
  /** Pinned output per node name: n8n does not run a pinned node, it passes these items on. */
  pinData?: IPinData;
  /**
   * Items to feed the workflow with: the harness adds a "Harness Input" node that
   * emits them, connected to `inputTo` (default: the first node), and starts there.
   */
  input?: IDataObject[];
  inputTo?: string;
  /** n8n execution mode; default 'manual' (the editor's "Execute workflow"). */
  mode?: WorkflowExecuteMode;
  staticData?: IDataObject;
}

export interface RunWorkflowResult {
  run: IRun;
  /** The workflow as executed (nodes completed with ids, versions, credential references). */
  workflow: Workflow;
  credentialsHelper: HarnessCredentialsHelper;
  /** Output of the node's last run, per output; throws if the node did not run. */
  output(nodeName: string): INodeExecutionData[][];
  /** Output 0 as plain JSON, the common case. */
  json(nodeName: string): IDataObject[];
  /** The error the node's last run ended with (undefined if it succeeded or continued on fail). */
  error(nodeName: string): ExecutionBaseError | undefined;
  /** The execution's error (first failing node when not continued), if any. */
  executionError: ExecutionBaseError | undefined;
  /** Node names in the order n8n started them (its nodeExecuteBefore hook). */
  executedNodes: string[];
  staticData: IDataObject;
  /** Whether n8n handed changed static data to workflowExecuteAfter (the CLI saves it then). */
  staticDataChanged: boolean;
  /** Wall time of WorkflowExecute.run, ms. */
  durationMs: number;
}

const INPUT_NODE_NAME = 'Harness Input';

/** Runs a workflow through n8n-core's WorkflowExecute, as the editor's manual run does. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<RunWorkflowResult> {
  const { pkg } = options;
  const credentials = options.credentials ?? {};
  const credentialsHelper = new HarnessCredentialsHelper(pkg.credentialTypes, credentials);
  const nodes = options.nodes.map((node) => completeNode(node, pkg, credentials));
  const connections: IConnections = { ...(options.connections ?? {}) };
  let startNodeName = options.startNode;

  if (options.input !== undefined) {
    const target = options.inputTo ?? nodes[0]?.name;
    if (target === undefined) throw new Error('runWorkflow: `input` needs at least one node to feed');
    nodes.unshift(
      completeNode(
        {
          name: INPUT_NODE_NAME,
          type: HARNESS_INPUT_NODE_TYPE,
          parameters: { items: JSON.stringify(options.input) },
        },
        pkg,
        credentials,
      ),
    );
    connections[INPUT_NODE_NAME] = { main: [[{ node: target, type: 'main', index: 0 }]] };
    startNodeName ??= INPUT_NODE_NAME;
  }

  const workflow = makeWorkflow({
    pkg,
    nodes,
    connections,
    ...(options.staticData !== undefined ? { staticData: options.staticData } : {}),
    ...(options.pinData !== undefined ? { pinData: options.pinData } : {}),
  });
  const startNode = startNodeName === undefined ? undefined : workflow.getNode(startNodeName);
  if (startNodeName !== undefined && startNode === null) {
    throw new Error(`runWorkflow: no node named "${startNodeName}"`);
  }

  const mode = options.mode ?? 'manual';
  const additionalData = makeAdditionalData(credentialsHelper);
  // WorkflowExecute refuses to run without lifecycle hooks (the CLI's hooks save the
  // execution and push to the editor); here they only record what n8n reports.
  const hooks = new ExecutionLifecycleHooks(mode, additionalData.executionId ?? 'harness', {
    id: workflow.id,
    name: workflow.name ?? 'Harness workflow',
    active: false,
    isArchived: false,
    activeVersionId: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    nodes,
    connections,
  });
  const executedNodes: string[] = [];
  let savedStaticData: IDataObject | undefined;
  hooks.addHandler('nodeExecuteBefore', (nodeName) => {
    executedNodes.push(nodeName);
  });
  hooks.addHandler('workflowExecuteAfter', (_run, newStaticData) => {
    savedStaticData = newStaticData;
  });
  additionalData.hooks = hooks;
  const started = performance.now();
  const run = await new WorkflowExecute(additionalData, mode).run({
    workflow,
    ...(startNode ? { startNode } : {}),
    ...(options.pinData !== undefined ? { pinData: options.pinData } : {}),
  });
  const durationMs = performance.now() - started;

  const lastTask = (nodeName: string): ITaskData => {
    const runs = run.data.resultData.runData[nodeName];
    const task = runs?.[runs.length - 1];
    if (task === undefined) {
      const ran = Object.keys(run.data.resultData.runData).join(', ') || 'none';
      const why = run.data.resultData.error ? ` (execution error: ${run.data.resultData.error.message})` : '';
      throw new Error(`Node "${nodeName}" did not run; nodes that ran: ${ran}${why}`);
    }
    return task;
  };
  const output = (nodeName: string): INodeExecutionData[][] =>
    (lastTask(nodeName).data?.main ?? []).map((items) => items ?? []);

  return {
    run,
    workflow,
    credentialsHelper,
    output,
    json: (nodeName) => (output(nodeName)[0] ?? []).map((item) => item.json),
    error: (nodeName) => lastTask(nodeName).error,
    executionError: run.data.resultData.error,
    executedNodes,
    staticData: plainStaticData(workflow),
    staticDataChanged: savedStaticData !== undefined,
    durationMs,
  };
}

// ---------------------------------------------------------------------------
// Polling triggers
// ---------------------------------------------------------------------------

export interface RunPollOptions {
  pkg: LoadedPackage;
  node: HarnessNode;
  credentials?: HarnessCredentials;
  /** The workflow's static data from the previous poll (`result.staticData`); default empty. */
  staticData?: IDataObject;
  /** 'trigger': an active workflow's scheduled poll; 'manual': the editor's "Fetch test event". */
  mode: 'trigger' | 'manual';
}

export interface RunPollResult {
  /** What poll() returned: items per output, or null for "nothing new" (n8n starts no execution). */
  items: INodeExecutionData[][] | null;
  /** The workflow's static data after the poll; pass it to the next runPoll to continue. */
  staticData: IDataObject;
  /** Whether the poll changed static data (n8n saves the workflow's static data only then). */
  staticDataChanged: boolean;
  credentialsHelper: HarnessCredentialsHelper;
  durationMs: number;
}

/**
 * Runs a polling node's poll() once through n8n-core: `getExecutePollFunctions`
 * (a real PollContext) and `TriggersAndPollers.runPollFunction`, the call n8n's
 * poll scheduler makes. Static data lives on the workflow, so one poll's
 * `staticData` fed into the next reproduces an active workflow's memory.
 */
export async function runPoll(options: RunPollOptions): Promise<RunPollResult> {
  const { pkg } = options;
  const credentials = options.credentials ?? {};
  const credentialsHelper = new HarnessCredentialsHelper(pkg.credentialTypes, credentials);
  const node = completeNode(options.node, pkg, credentials);
  const workflow = makeWorkflow({
    pkg,
    nodes: [node],
    connections: {},
    ...(options.staticData !== undefined ? { staticData: options.staticData } : {}),
    active: options.mode === 'trigger',
  });
  const activation: WorkflowActivateMode = options.mode === 'trigger' ? 'activate' : 'manual';
  const additionalData = makeAdditionalData(credentialsHelper);
  const pollFunctions = getExecutePollFunctions(workflow, node, additionalData, options.mode, activation);
  const started = performance.now();
  const items = await Container.get(TriggersAndPollers).runPollFunction(workflow, node, pollFunctions);
  const durationMs = performance.now() - started;
  return {
    items,
    staticData: plainStaticData(workflow),
    staticDataChanged: workflow.staticData.__dataChanged === true,
    credentialsHelper,
    durationMs,
  };
}

// ---------------------------------------------------------------------------
// Webhook triggers
// ---------------------------------------------------------------------------

export interface WebhookLifecycleOptions {
  pkg: LoadedPackage;
  node: HarnessNode;
  credentials?: HarnessCredentials;
  /**
   * n8n's public webhook base URL (WEBHOOK_URL + `/webhook`, i.e. additionalData.webhookBaseUrl).
   * The node's own URL (`getNodeWebhookUrl('default')`) is built from it by n8n:
   * `<webhookUrl>/<node.webhookId>/<path>` — see `WebhookLifecycle.nodeWebhookUrl`.
   */
  webhookUrl: string;
  staticData?: IDataObject;
  /** Webhook description name (default 'default'). */
  webhookName?: WebhookType;
}

/** An incoming delivery; `headers` keys are lower-cased as node's http would. */
export interface WebhookRequest {
  body: unknown;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  params?: Record<string, string>;
  /** Default: the webhook description's httpMethod. */
  method?: string;
  /** Raw body bytes (signature checks); default JSON.stringify(body). */
  rawBody?: Buffer;
}

/** What a node wrote to the response object directly (nodes answering with noWebhookResponse). */
export interface RecordedResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: unknown;
  ended: boolean;
}

export interface WebhookLifecycle {
  /** The URL the node sees from getNodeWebhookUrl(name) — what it registers at the service. */
  readonly nodeWebhookUrl: string;
  readonly node: INode;
  readonly workflow: Workflow;
  readonly credentialsHelper: HarnessCredentialsHelper;
  checkExists(): Promise<boolean>;
  create(): Promise<boolean>;
  delete(): Promise<boolean>;
  /**
   * n8n's activation sequence: create() only if checkExists() says no
   * (WebhookService.createWebhookIfNotExists). Returns whether create() ran.
   */
  activate(): Promise<boolean>;
  /** Calls the node's webhook() with a real WebhookContext over a fake express req/res. */
  deliver(request: WebhookRequest): Promise<IWebhookResponseData>;
  /** Response of the last delivery, as the node wrote it to `res` (if it did). */
  lastResponse(): RecordedResponse | undefined;
  /** Current static data of the lifecycle's workflow (persists across calls). */
  staticData(): IDataObject;
}

/**
 * A webhook trigger's life in an active workflow: one Workflow object (so static
 * data persists, e.g. a registered hook id, delivery dedupe) on which the node's
 * `webhookMethods[name].checkExists/create/delete` run with n8n-core's HookContext
 * and each delivery runs `webhook()` with n8n-core's WebhookContext — the same
 * contexts n8n's CLI WebhookService constructs.
 */
export function webhookLifecycle(options: WebhookLifecycleOptions): WebhookLifecycle {
  const { pkg } = options;
  const credentials = options.credentials ?? {};
  const webhookName = options.webhookName ?? 'default';
  const credentialsHelper = new HarnessCredentialsHelper(pkg.credentialTypes, credentials);
  const node = completeNode(options.node, pkg, credentials);
  const workflow = makeWorkflow({
    pkg,
    nodes: [node],
    connections: {},
    ...(options.staticData !== undefined ? { staticData: options.staticData } : {}),
    active: true,
  });
  const nodeType = pkg.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
  const description = nodeType.description.webhooks?.find((webhook) => webhook.name === webhookName);
  if (description === undefined) {
    throw new Error(`Node type ${node.type} has no webhook named "${webhookName}"`);
  }
  const additionalDataFor = (overrides: Partial<IWorkflowExecuteAdditionalData> = {}) =>
    makeAdditionalData(credentialsHelper, { webhookBaseUrl: options.webhookUrl.replace(/\/+$/, ''), ...overrides });

  const webhookData = (additionalData: IWorkflowExecuteAdditionalData): IWebhookData => {
    const path = String(workflow.expression.getSimpleParameterValue(node, description.path, 'internal', {}));
    const httpMethod = String(
      workflow.expression.getSimpleParameterValue(node, description.httpMethod, 'internal', {}, undefined, 'GET'),
    ).split(',')[0] as IHttpRequestMethods;
    return {
      httpMethod,
      node: node.name,
      path: NodeHelpers.getNodeWebhookPath(workflow.id, node, path.replace(/^\/|\/$/g, '')),
      webhookDescription: description,
      workflowId: workflow.id,
      workflowExecuteAdditionalData: additionalData,
      ...(node.webhookId !== undefined ? { webhookId: node.webhookId } : {}),
    };
  };

  const runSetupMethod = async (method: 'checkExists' | 'create' | 'delete'): Promise<boolean> => {
    const fn = nodeType.webhookMethods?.[webhookName]?.[method];
    if (fn === undefined) throw new Error(`Node type ${node.type} has no webhookMethods.${webhookName}.${method}`);
    const additionalData = additionalDataFor();
    const context = new HookContext(workflow, node, additionalData, 'webhook', 'activate', webhookData(additionalData));
    return await fn.call(context);
  };

  const nodeWebhookUrl = (() => {
    const additionalData = additionalDataFor();
    const url = new HookContext(workflow, node, additionalData, 'webhook', 'activate').getNodeWebhookUrl(webhookName);
    if (url === undefined) throw new Error(`n8n built no webhook URL for ${node.name}`);
    return url;
  })();

  let last: RecordedResponse | undefined;

  return {
    nodeWebhookUrl,
    node,
    workflow,
    credentialsHelper,
    checkExists: () => runSetupMethod('checkExists'),
    create: () => runSetupMethod('create'),
    delete: () => runSetupMethod('delete'),
    async activate() {
      if (await runSetupMethod('checkExists')) return false;
      await runSetupMethod('create');
      return true;
    },
    async deliver(request) {
      if (nodeType.webhook === undefined) throw new Error(`Node type ${node.type} has no webhook()`);
      const { req, res, recorded } = fakeExpress(request, webhookData(additionalDataFor()).httpMethod);
      last = recorded;
      const additionalData = additionalDataFor({
        httpRequest: req as IWorkflowExecuteAdditionalData['httpRequest'],
        httpResponse: res as IWorkflowExecuteAdditionalData['httpResponse'],
      });
      const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData(additionalData), [], null);
      return await nodeType.webhook.call(context);
    },
    lastResponse: () => last,
    staticData: () => plainStaticData(workflow),
  };
}

/**
 * The smallest express-like request/response pair nodes use (`req.body`, `req.headers`,
 * `req.rawBody`, `req.header()`; `res.status().json()/send()/end()`). It stands in for
 * the HTTP framework, which is not what these tests are about.
 */
function fakeExpress(request: WebhookRequest, defaultMethod: string) {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers ?? {})) headers[key.toLowerCase()] = value;
  const rawBody = request.rawBody ?? Buffer.from(JSON.stringify(request.body ?? {}));
  const req = {
    method: request.method ?? defaultMethod,
    body: request.body,
    headers,
    query: request.query ?? {},
    params: request.params ?? {},
    rawBody,
    readRawBody: async () => undefined,
    header: (name: string) => headers[name.toLowerCase()],
    get: (name: string) => headers[name.toLowerCase()],
  };
  const recorded: RecordedResponse = { statusCode: 200, headers: {}, body: undefined, ended: false };
  const res = {
    get headersSent() {
      return recorded.ended;
    },
    status(code: number) {
      recorded.statusCode = code;
      return res;
    },
    setHeader(name: string, value: string) {
      recorded.headers[name.toLowerCase()] = value;
      return res;
    },
    set(name: string, value: string) {
      recorded.headers[name.toLowerCase()] = value;
      return res;
    },
    json(body: unknown) {
      recorded.body = body;
      recorded.ended = true;
      return res;
    },
    send(body: unknown) {
      recorded.body = body;
      recorded.ended = true;
      return res;
    },
    end(body?: unknown) {
      if (body !== undefined) recorded.body = body;
      recorded.ended = true;
      return res;
    },
  };
  return { req, res, recorded };
}
