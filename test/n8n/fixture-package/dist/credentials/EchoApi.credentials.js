'use strict';
// Fixture credential: a base URL and an API key sent as a header by n8n's
// declarative "generic" authentication (the harness's credentials helper applies it).
Object.defineProperty(exports, '__esModule', { value: true });
exports.EchoApi = void 0;

class EchoApi {
  constructor() {
    this.name = 'echoApi';
    this.displayName = 'Echo API';
    this.documentationUrl = 'https://example.invalid/echo';
    this.properties = [
      {
        displayName: 'Base URL',
        name: 'baseUrl',
        type: 'string',
        default: 'http://127.0.0.1',
      },
      {
        displayName: 'API Key',
        name: 'apiKey',
        type: 'string',
        typeOptions: { password: true },
        default: '',
      },
    ];
    this.authenticate = {
      type: 'generic',
      properties: {
        headers: {
          'X-Echo-Key': '={{$credentials.apiKey}}',
        },
      },
    };
    this.test = {
      request: {
        baseURL: '={{$credentials.baseUrl}}',
        url: '/me',
      },
    };
  }
}
exports.EchoApi = EchoApi;
