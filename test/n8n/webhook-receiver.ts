import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, IWebhookResponseData } from 'n8n-workflow';

import type { WebhookLifecycle } from './harness';

export interface Delivery {
  body: IDataObject;
  result?: IWebhookResponseData;
  error?: unknown;
}

/**
 * Stands in for n8n's webhook server: every POST goes to the lifecycle's webhook(); it answers
 * 200 once webhook() returned (responseMode onReceived), 500 if it threw.
 */
export class WebhookReceiver {
  lifecycle: WebhookLifecycle | undefined;
  readonly deliveries: Delivery[] = [];
  private server: Server | undefined;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as IDataObject;
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        const delivery: Delivery = { body };
        this.deliveries.push(delivery);
        if (!this.lifecycle) return void res.writeHead(404).end();
        this.lifecycle.deliver({ body, headers }).then(
          (result) => {
            delivery.result = result;
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result.webhookResponse ?? { message: 'Workflow was started' }));
          },
          (error: unknown) => {
            delivery.error = error;
            res.writeHead(500).end();
          },
        );
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The items the workflow started with, one list per delivery that started it. */
  started(): IDataObject[] {
    return this.deliveries.flatMap((d) => d.result?.workflowData?.[0]?.map((item) => item.json) ?? []);
  }
}

