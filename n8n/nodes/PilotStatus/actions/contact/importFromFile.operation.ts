import {
  NodeOperationError,
  updateDisplayOptions,
  type IDataObject,
  type IExecuteFunctions,
  type INodeExecutionData,
  type INodeProperties,
  type JsonObject,
} from 'n8n-workflow';
import { defaultCountryProperty, errorItem, importContacts, toNodeError, ValidationError, type ImportInput, type RejectedRow } from '../../runtime';

const properties: INodeProperties[] = [
  {
    displayName: 'Input Binary Field',
    name: 'binaryPropertyName',
    type: 'string',
    required: true,
    default: 'data',
    hint: 'The name of the input binary field holding the CSV or XLSX file',
  },
  defaultCountryProperty,
];

const displayOptions = { show: { resource: ['contact'], operation: ['importFromFile'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * One output item per contact row: `{ row, destination, kind, name, extra }`, read by the core's
 * import (header recognition, phones, groups, duplicates). A rejected row fails the node naming
 * the row, or becomes an error item with its row, field and rule under "Continue On Fail".
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
  const output: INodeExecutionData[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const defaultCountry = (this.getNodeParameter('defaultCountry', i, '') as string).trim();
      const rows = importContacts(await fileOf.call(this, i), defaultCountry ? { defaultCountry } : {});
      // A later duplicate may give its name to the first row's contact, which is already listed.
      const contactAt = new Map<number, IDataObject>();
      for await (const outcome of rows) {
        if (outcome.ok) {
          const { row, destination, name, extra } = outcome.contact;
          const json: IDataObject = { row, destination: destination.value, kind: destination.kind, name, extra: { ...extra } };
          contactAt.set(row, json);
          output.push({ json, pairedItem: { item: i } });
          continue;
        }
        const first = outcome.duplicateOf === undefined ? undefined : contactAt.get(outcome.duplicateOf);
        if (first && outcome.filledName !== undefined) first.name = outcome.filledName;
        if (!this.continueOnFail()) {
          const error = new ValidationError(outcome.issues);
          throw new NodeOperationError(this.getNode(), `Row ${outcome.row}: ${error.message}`, { itemIndex: i, description: error.hint });
        }
        output.push(rowErrorItem(outcome, i));
      }
    } catch (error) {
      if (!this.continueOnFail()) throw toNodeError(this.getNode(), error, i);
      output.push(errorItem(error, i));
    }
  }
  return output;
}

async function fileOf(this: IExecuteFunctions, i: number): Promise<ImportInput> {
  const property = this.getNodeParameter('binaryPropertyName', i) as string;
  const binary = this.helpers.assertBinaryData(i, property);
  // A file n8n keeps on disk or in object storage is streamed, not loaded whole.
  if (binary.id) return await this.helpers.getBinaryStream(binary.id);
  return await this.helpers.getBinaryDataBuffer(i, property);
}

/** The rejected row as an error item: the core's issues, with the row number up front. */
function rowErrorItem(outcome: RejectedRow, itemIndex: number): INodeExecutionData {
  const error = new ValidationError(outcome.issues);
  const [first] = outcome.issues;
  const json = errorItem(error, itemIndex).json.error as JsonObject;
  return {
    json: {
      error: {
        ...json,
        message: `Row ${outcome.row}: ${error.message}`,
        row: outcome.row,
        field: first?.field ?? '',
        rule: first?.rule ?? '',
        ...(outcome.duplicateOf !== undefined ? { duplicateOf: outcome.duplicateOf } : {}),
      },
    },
    pairedItem: { item: itemIndex },
  };
}
