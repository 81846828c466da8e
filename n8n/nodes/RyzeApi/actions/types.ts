import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { RyzeApiClient } from '../runtime';

/** One RyzeAPI client per default country, built from the node's credential on first use. */
export type RyzeConnector = (options?: { defaultCountry?: string }) => Promise<RyzeApiClient>;

/** An operation maps one input item's fields onto one core call; the router does the rest. */
export type OperationExecute = (
	this: IExecuteFunctions,
	itemIndex: number,
	ryze: RyzeConnector,
) => Promise<IDataObject | IDataObject[]>;
