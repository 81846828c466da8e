import {
  NodeConnectionTypes,
  type IDataObject,
  type IHookFunctions,
  type INodeType,
  type INodeTypeDescription,
  type IWebhookFunctions,
  type IWebhookResponseData,
} from 'n8n-workflow';
import { connectPilotStatus, isApiError, toNodeError } from '../../host';

/** How many recent event ids are remembered to drop repeated deliveries (ids only, no phone numbers). */
const RECENT_EVENT_IDS = 500;
const ALL_EVENTS = '*';

interface TriggerState extends IDataObject {
  webhookId?: string;
  recentEventIds?: string[];
}

export class PilotStatusTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'PilotStatus Trigger',
    name: 'pilotStatusTrigger',
    icon: { light: 'file:pilotstatus.svg', dark: 'file:pilotstatus.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{ $parameter["events"].join(", ") }}',
    description: 'Starts the workflow when PilotStatus reports a WhatsApp message event',
    defaults: { name: 'PilotStatus Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'pilotStatusApi', required: true }],
    webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
    properties: [
      {
        displayName: 'Events',
        name: 'events',
        type: 'multiOptions',
        required: true,
        default: ['message.delivered'],
        options: [
          { name: 'All Events', value: ALL_EVENTS, description: 'Every event PilotStatus sends, including ones added later' },
          { name: 'Message Delivered', value: 'message.delivered', description: 'A message reached the recipient’s phone' },
          { name: 'Message Failed', value: 'message.failed', description: 'A message could not be sent' },
          { name: 'Message Read', value: 'message.read', description: 'The recipient read a message (only with read receipts on)' },
          { name: 'Message Received', value: 'message.received', description: 'Someone sent a message to the number' },
          { name: 'Message Reply', value: 'message.reply', description: 'Someone replied to a message or pressed one of its buttons' },
          { name: 'Message Sent', value: 'message.sent', description: 'A message left PilotStatus for WhatsApp' },
        ],
      },
    ],
  };

  webhookMethods = {
    default: {
      /** True when PilotStatus already posts the chosen events to this node's URL; a stale registration of this node is removed. */
      async checkExists(this: IHookFunctions): Promise<boolean> {
        const state = this.getWorkflowStaticData('node') as TriggerState;
        const url = this.getNodeWebhookUrl('default');
        const events = selectedEvents(this);
        try {
          const { client } = await connectPilotStatus(this);
          for (const webhook of await client.listWebhooks()) {
            if (webhook.url === url && sameEvents(webhook.events, events)) {
              state.webhookId = webhook.id;
              return true;
            }
            // This node's registration for other events (changed while the workflow was off), or
            // the one it made under an older n8n URL: removed, and create() registers it anew.
            if (webhook.url === url || webhook.id === state.webhookId) await client.deleteWebhook(webhook.id);
          }
          delete state.webhookId;
          return false;
        } catch (error) {
          throw toNodeError(this.getNode(), error);
        }
      },

      async create(this: IHookFunctions): Promise<boolean> {
        const state = this.getWorkflowStaticData('node') as TriggerState;
        try {
          const { client } = await connectPilotStatus(this);
          const webhook = await client.createWebhook({
            url: this.getNodeWebhookUrl('default') ?? '',
            events: selectedEvents(this),
            name: `n8n: ${this.getNode().name}`.slice(0, 100),
          });
          state.webhookId = webhook.id;
          return true;
        } catch (error) {
          throw toNodeError(this.getNode(), error);
        }
      },

      async delete(this: IHookFunctions): Promise<boolean> {
        const state = this.getWorkflowStaticData('node') as TriggerState;
        if (state.webhookId === undefined) return true;
        try {
          const { client } = await connectPilotStatus(this);
          await client.deleteWebhook(state.webhookId);
        } catch (error) {
          // Already removed at PilotStatus (e.g. in its dashboard): nothing left to delete.
          if (!(isApiError(error) && error.status === 404)) throw toNodeError(this.getNode(), error);
          this.logger.debug('PilotStatus Trigger: the webhook was already gone', { webhookId: state.webhookId });
        }
        delete state.webhookId;
        delete state.recentEventIds;
        return true;
      },
    },
  };

  /**
   * One item `{ event, ...data }` per delivery. Repeated deliveries (same `data.id`), events of
   * another WhatsApp number than the credential's, and events not chosen are answered 200 and dropped.
   */
  async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
    const body = this.getBodyData();
    const event = typeof body.event === 'string' ? body.event : '';
    const data = isObject(body.data) ? body.data : {};
    const ignore = (reason: string): IWebhookResponseData => ({ webhookResponse: { received: true, ignored: reason } });

    if (!event) return ignore('not a PilotStatus event');
    const events = selectedEvents(this);
    if (!events.includes(ALL_EVENTS) && !events.includes(event)) return ignore('event not selected');

    const { whatsappNumberId } = await connectPilotStatus(this);
    if (whatsappNumberId && typeof data.whatsappNumberId === 'string' && data.whatsappNumberId !== whatsappNumberId) {
      return ignore('another WhatsApp number');
    }

    const state = this.getWorkflowStaticData('node') as TriggerState;
    const id = typeof data.id === 'string' || typeof data.id === 'number' ? String(data.id) : undefined;
    if (id !== undefined) {
      const recent = Array.isArray(state.recentEventIds) ? state.recentEventIds : [];
      if (recent.includes(id)) return ignore('duplicate delivery');
      state.recentEventIds = [...recent, id].slice(-RECENT_EVENT_IDS);
    }
    return { workflowData: [this.helpers.returnJsonArray([{ event, ...data }])] };
  }
}

function selectedEvents(context: IHookFunctions | IWebhookFunctions): string[] {
  return context.getNodeParameter('events', []) as string[];
}

const sameEvents = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((event) => b.includes(event));

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);
