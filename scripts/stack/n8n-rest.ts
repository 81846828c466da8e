/**
 * The few calls of n8n's internal REST API (`/rest`, what its editor uses) that setting up the demo
 * and the end-to-end tests need, signed in as the owner through the session cookie.
 */
export interface Owner {
  readonly email: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
}

export interface N8nWorkflow {
  readonly id: string;
  readonly name: string;
  readonly active: boolean;
  readonly versionId?: string;
  readonly activeVersionId?: string | null;
  readonly nodes: Array<Record<string, unknown> & { name: string; type: string }>;
  readonly connections: Record<string, unknown>;
  readonly settings?: Record<string, unknown>;
}

export interface N8nExecution {
  readonly id: string;
  readonly finished: boolean;
  readonly mode: string;
  readonly status: string;
  readonly workflowId: string;
  /** n8n's flatted run data, as stored. */
  readonly data: string;
}

export class N8nRestError extends Error {
  constructor(
    readonly status: number,
    readonly path: string,
    message: string,
  ) {
    super(`n8n ${path} answered ${status}: ${message}`);
  }
}

export class N8nRest {
  private cookie = '';
  private readonly browserId = `pack-${Math.random().toString(36).slice(2)}`;

  constructor(readonly url: string) {}

  /** Creates the owner on a fresh n8n, or signs in to one set up by an earlier start. */
  async signIn(owner: Owner): Promise<'created' | 'signed-in'> {
    const settings = await this.call<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>('GET', '/rest/settings');
    if (settings.userManagement?.showSetupOnFirstLoad) {
      await this.call('POST', '/rest/owner/setup', owner);
      return 'created';
    }
    await this.call('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
    return 'signed-in';
  }

  /** The node types n8n loaded, as `type` names. */
  async nodeTypes(): Promise<string[]> {
    const types = await this.call<Array<{ name: string }>>('GET', '/types/nodes.json', undefined, { raw: true });
    return types.map((type) => type.name);
  }

  async credentials(): Promise<Array<{ id: string; name: string; type: string }>> {
    return this.call('GET', '/rest/credentials');
  }

  /** Creates the credential, or replaces the data of the one with the same name and type. */
  async upsertCredential(name: string, type: string, data: Record<string, unknown>): Promise<string> {
    const existing = (await this.credentials()).find((credential) => credential.name === name && credential.type === type);
    if (existing) {
      await this.call('PATCH', `/rest/credentials/${existing.id}`, { name, type, data });
      return existing.id;
    }
    const created = await this.call<{ id: string }>('POST', '/rest/credentials', { name, type, data });
    return created.id;
  }

  async workflows(): Promise<N8nWorkflow[]> {
    return this.call('GET', '/rest/workflows');
  }

  async workflow(id: string): Promise<N8nWorkflow> {
    return this.call('GET', `/rest/workflows/${id}`);
  }

  /** Creates the workflow, or updates the one with the same name (so a second start changes nothing). */
  async upsertWorkflow(workflow: Omit<N8nWorkflow, 'id' | 'active'>): Promise<N8nWorkflow> {
    const existing = (await this.workflows()).find((candidate) => candidate.name === workflow.name);
    if (!existing) return this.call('POST', '/rest/workflows', { ...workflow, active: false });
    return this.updateWorkflow(existing.id, workflow);
  }

  /** Saves new nodes, connections or settings into a workflow (the saved version is what runs). */
  async updateWorkflow(id: string, changes: Partial<Omit<N8nWorkflow, 'id' | 'active'>>): Promise<N8nWorkflow> {
    const current = await this.workflow(id);
    return this.call('PATCH', `/rest/workflows/${id}`, { ...changes, versionId: current.versionId });
  }

  /** Publishes the workflow: its triggers go live (a webhook trigger registers itself). */
  async activate(id: string): Promise<N8nWorkflow> {
    const current = await this.workflow(id);
    return this.call('POST', `/rest/workflows/${id}/activate`, { versionId: current.versionId });
  }

  async deactivate(id: string): Promise<N8nWorkflow> {
    return this.call('POST', `/rest/workflows/${id}/deactivate`, {});
  }

  /** Runs the saved workflow from its manual trigger, as the editor's "Execute workflow" does. */
  async run(workflow: Pick<N8nWorkflow, 'id' | 'name'>, triggerName: string): Promise<string> {
    const started = await this.call<{ executionId?: string }>('POST', `/rest/workflows/${workflow.id}/run`, { triggerToStartFrom: { name: triggerName } });
    if (!started.executionId) throw new Error(`n8n did not start ${workflow.name}: ${JSON.stringify(started)}`);
    return started.executionId;
  }

  async execution(id: string): Promise<N8nExecution> {
    return this.call('GET', `/rest/executions/${id}`);
  }

  async executions(workflowId: string): Promise<N8nExecution[]> {
    const page = await this.call<{ results: N8nExecution[] }>('GET', `/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`);
    return page.results;
  }

  /** Waits for an execution to end; resolves it whatever its status. */
  async waitForExecution(id: string, timeoutMs = 60_000): Promise<N8nExecution> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const execution = await this.execution(id);
      if (execution.finished || !['new', 'running', 'waiting'].includes(execution.status)) return execution;
      if (Date.now() > deadline) throw new Error(`execution ${id} still ${execution.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private async call<T>(method: string, path: string, body?: unknown, { raw = false } = {}): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        'browser-id': this.browserId,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith('n8n-auth='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    if (!response.ok) throw new N8nRestError(response.status, `${method} ${path}`, text.slice(0, 500));
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    return (raw ? parsed : (parsed as { data?: unknown } | undefined)?.data ?? parsed) as T;
  }
}
