'use strict';
// Fixture polling trigger: GETs `${baseUrl}/list` (an array of { id, ... }) and
// returns only the entries whose id it has not seen before, remembering seen
// ids in the node's workflow static data. Nothing new → null (n8n: no run).
// In manual mode (the editor's "fetch test event") it returns the newest entry
// without touching the static data, as n8n polling nodes conventionally do.
Object.defineProperty(exports, '__esModule', { value: true });
exports.EchoTrigger = void 0;

class EchoTrigger {
  constructor() {
    this.description = {
      displayName: 'Echo Trigger',
      name: 'echoTrigger',
      group: ['trigger'],
      version: 1,
      description: 'Emits new entries of the echo list',
      defaults: { name: 'Echo Trigger' },
      polling: true,
      inputs: [],
      outputs: ['main'],
      credentials: [{ name: 'echoApi', required: true }],
      properties: [],
    };
  }

  async poll() {
    const credentials = await this.getCredentials('echoApi');
    const list = await this.helpers.httpRequestWithAuthentication.call(this, 'echoApi', {
      method: 'GET',
      url: `${credentials.baseUrl}/list`,
      json: true,
    });
    if (this.getMode() === 'manual') {
      const last = list[list.length - 1];
      return last ? [[{ json: last }]] : null;
    }
    const staticData = this.getWorkflowStaticData('node');
    const seen = Array.isArray(staticData.seenIds) ? staticData.seenIds : [];
    const fresh = list.filter((entry) => !seen.includes(entry.id));
    if (fresh.length === 0) return null;
    staticData.seenIds = [...seen, ...fresh.map((entry) => entry.id)];
    return [fresh.map((entry) => ({ json: entry }))];
  }
}
exports.EchoTrigger = EchoTrigger;
