import {
  NodeConnectionTypes,
  type IDataObject,
  type IHookFunctions,
  type INodeType,
  type INodeTypeDescription,
  type IWebhookFunctions,
  type IWebhookResponseData,
} from 'n8n-workflow';
import { ALL_EVENTS, connectPilotStatus, isApiError, MESSAGE_EVENTS, readWebhookEvent, toNodeError } from '../../host';

/** How many recent event ids are remembered to drop repeated deliveries (ids only, no phone numbers). */
const RECENT_EVENT_IDS = 500;

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
          ...MESSAGE_EVENTS.map(({ event, label, description }) => ({ name: label, value: event, description })),
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
          const webhook = await client.registerWebhook({
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
    const ignore = (reason: string): IWebhookResponseData => ({ webhookResponse: { received: true, ignored: reason } });
    const { whatsappNumberId } = await connectPilotStatus(this);
    const verdict = readWebhookEvent(this.getBodyData(), { events: selectedEvents(this), whatsappNumberId });
    if (!verdict.accepted) return ignore(verdict.reason);
    const { item } = verdict;

    const state = this.getWorkflowStaticData('node') as TriggerState;
    const recent = Array.isArray(state.recentEventIds) ? state.recentEventIds : [];
    if (recent.includes(item.id)) return ignore('duplicate delivery');
    state.recentEventIds = [...recent, item.id].slice(-RECENT_EVENT_IDS);
    return { workflowData: [this.helpers.returnJsonArray([item as IDataObject])] };
  }
}

function selectedEvents(context: IHookFunctions | IWebhookFunctions): string[] {
  return context.getNodeParameter('events', []) as string[];
}

const sameEvents = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((event) => b.includes(event));

