import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_COUNTRY_HELP } from '../../shared/destinations';

/** The default-country field every node that reads phone numbers offers (as a field or an option). */
export const defaultCountryProperty: INodeProperties = {
  displayName: 'Default Country',
  name: 'defaultCountry',
  type: 'string',
  default: '',
  placeholder: 'e.g. BR',
  description: DEFAULT_COUNTRY_HELP,
};
