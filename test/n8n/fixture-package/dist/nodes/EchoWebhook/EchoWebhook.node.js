'use strict';
// Fixture webhook trigger: registers its n8n webhook URL at the echo server
// (checkExists / create / delete) and, on delivery, emits the body unless the
// event id was already delivered (dedupe through the node's static data).
Object.defineProperty(exports, '__esModule', { value: true });
exports.EchoWebhook = void 0;

class EchoWebhook {
  constructor() {
    this.description = {
      displayName: 'Echo Webhook',
      name: 'echoWebhook',
      group: ['trigger'],
      version: 1,
      description: 'Receives echo events',
      defaults: { name: 'Echo Webhook' },
      inputs: [],
      outputs: ['main'],
      credentials: [{ name: 'echoApi', required: true }],
      webhooks: [
        { name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'echo' },
      ],
      properties: [],
    };
    this.webhookMethods = {
      default: {
        async checkExists() {
          const credentials = await this.getCredentials('echoApi');
          const url = this.getNodeWebhookUrl('default');
          const hooks = await this.helpers.httpRequestWithAuthentication.call(this, 'echoApi', {
            method: 'GET',
            url: `${credentials.baseUrl}/hooks`,
            json: true,
          });
          const found = hooks.find((hook) => hook.url === url);
          if (!found) return false;
          this.getWorkflowStaticData('node').hookId = found.id;
          return true;
        },
        async create() {
          const credentials = await this.getCredentials('echoApi');
          const created = await this.helpers.httpRequestWithAuthentication.call(this, 'echoApi', {
            method: 'POST',
            url: `${credentials.baseUrl}/hooks`,
            body: { url: this.getNodeWebhookUrl('default') },
            json: true,
          });
          this.getWorkflowStaticData('node').hookId = created.id;
          return true;
        },
        async delete() {
          const credentials = await this.getCredentials('echoApi');
          const staticData = this.getWorkflowStaticData('node');
          if (staticData.hookId === undefined) return false;
          await this.helpers.httpRequestWithAuthentication.call(this, 'echoApi', {
            method: 'DELETE',
            url: `${credentials.baseUrl}/hooks/${staticData.hookId}`,
            json: true,
          });
          delete staticData.hookId;
          return true;
        },
      },
    };
  }

  async webhook() {
    const body = this.getBodyData();
    const staticData = this.getWorkflowStaticData('node');
    const seen = Array.isArray(staticData.seenEvents) ? staticData.seenEvents : [];
    if (body.eventId !== undefined && seen.includes(body.eventId)) {
      return { noWebhookResponse: false, webhookResponse: 'duplicate' };
    }
    if (body.eventId !== undefined) staticData.seenEvents = [...seen, body.eventId];
    const signature = this.getHeaderData()['x-echo-signature'];
    return { workflowData: [[{ json: { ...body, signature: signature ?? null } }]] };
  }
}
exports.EchoWebhook = EchoWebhook;
