import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import * as contact from './actions/contact/Contact.resource';
import * as message from './actions/message/Message.resource';
import { router } from './actions/router';
import * as template from './actions/template/Template.resource';
import { listSearch } from './methods';

export class PilotStatus implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'PilotStatus',
    name: 'pilotStatus',
    icon: { light: 'file:pilotstatus.svg', dark: 'file:pilotstatus.dark.svg' },
    group: ['output'],
    version: 1,
    subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
    description: 'Send WhatsApp messages through PilotStatus, label contacts, and import contact lists',
    defaults: { name: 'PilotStatus' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'pilotStatusApi', required: true, displayOptions: { show: { resource: ['message', 'template'] } } }],
    properties: [
      {
        displayName: 'Resource',
        name: 'resource',
        type: 'options',
        noDataExpression: true,
        options: [
          { name: 'Contact', value: 'contact' },
          { name: 'Message', value: 'message' },
          { name: 'Template', value: 'template' },
        ],
        default: 'message',
      },
      ...message.description,
      ...template.description,
      ...contact.description,
    ],
  };

  methods = { listSearch };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    return await router.call(this);
  }
}
