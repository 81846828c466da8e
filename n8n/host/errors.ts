import { NodeApiError, NodeOperationError, type INode, type INodeExecutionData, type JsonObject } from 'n8n-workflow';
import { isApiError, isPackError, ValidationError } from '../../shared/errors';

/**
 * Core errors as n8n errors, carrying the core's message and hint unchanged: a failed call is a
 * NodeApiError (with the HTTP status), bad input a NodeOperationError naming the field and rule.
 */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  const at = itemIndex === undefined ? {} : { itemIndex };
  if (isApiError(error)) {
    return new NodeApiError(node, error.toJSON() as JsonObject, {
      message: error.message,
      description: error.hint,
      ...(error.status ? { httpCode: String(error.status) } : {}),
      ...at,
    });
  }
  if (error instanceof ValidationError) {
    const description = error.issues.length > 1 ? error.issues.map((i) => `• ${i.message}`).join('\n') : error.hint;
    return new NodeOperationError(node, error.message, { description, ...at });
  }
  if (isPackError(error)) return new NodeOperationError(node, error.message, { description: error.hint, ...at });
  return new NodeOperationError(node, error instanceof Error ? error : String(error), at);
}

/** The output item of a failed input item under "Continue (using error output)"/"Continue". */
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
  const json: JsonObject = isPackError(error)
    ? (error.toJSON() as JsonObject)
    : { message: error instanceof Error ? error.message : String(error) };
  return { json: { error: json }, pairedItem: { item: itemIndex } };
}
