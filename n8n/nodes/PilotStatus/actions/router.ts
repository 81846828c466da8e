import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import * as contact from './contact/Contact.resource';
import * as message from './message/Message.resource';
import * as template from './template/Template.resource';

type Operation = (this: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;

const OPERATIONS: Record<string, Record<string, Operation>> = {
  message: { send: message.send.execute, getStatus: message.getStatus.execute, cancel: message.cancel.execute },
  template: { list: template.list.execute },
  contact: { importFromFile: contact.importFromFile.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
  const resource = this.getNodeParameter('resource', 0) as string;
  const operation = this.getNodeParameter('operation', 0) as string;
  const execute = OPERATIONS[resource]?.[operation];
  if (!execute) throw new NodeOperationError(this.getNode(), `The operation "${operation}" of the resource "${resource}" is not supported`);
  return [await execute.call(this, this.getInputData())];
}
