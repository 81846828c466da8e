'use strict';
// Fixture action node: POSTs each input item's JSON to `${baseUrl}/echo` through
// n8n's httpRequestWithAuthentication (so the credential's header is applied by
// the credentials helper) and returns the server's answer, one item per input
// item. Under continueOnFail a failed item becomes { error } with its pairedItem.
Object.defineProperty(exports, '__esModule', { value: true });
exports.Echo = void 0;

class Echo {
  constructor() {
    this.description = {
      displayName: 'Echo',
      name: 'echo',
      group: ['transform'],
      version: 1,
      subtitle: 'POST /echo',
      description: 'Sends each item to the echo server',
      defaults: { name: 'Echo' },
      inputs: ['main'],
      outputs: ['main'],
      credentials: [{ name: 'echoApi', required: true }],
      properties: [],
    };
  }

  async execute() {
    const items = this.getInputData();
    const credentials = await this.getCredentials('echoApi');
    const out = [];
    for (let i = 0; i < items.length; i++) {
      try {
        // `.call(this, …)`: the helper reads credentials through `this`, so it
        // must run bound to the execute context, not to the helpers object.
        const response = await this.helpers.httpRequestWithAuthentication.call(this, 'echoApi', {
          method: 'POST',
          url: `${credentials.baseUrl}/echo`,
          body: items[i].json,
          json: true,
        });
        out.push({ json: response, pairedItem: { item: i } });
      } catch (error) {
        if (this.continueOnFail()) {
          out.push({ json: { error: error.message }, pairedItem: { item: i } });
          continue;
        }
        throw error;
      }
    }
    return [out];
  }
}
exports.Echo = Echo;
