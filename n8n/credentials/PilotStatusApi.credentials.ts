import type {
  ICredentialDataDecryptedObject,
  ICredentialTestRequest,
  ICredentialType,
  IHttpRequestOptions,
  Icon,
  INodeProperties,
} from 'n8n-workflow';
import { parsePilotStatusCredentials, PILOTSTATUS_DEFAULT_BASE_URL, pilotStatusAuthHeaders } from '../../shared/pilotstatus';
import { credentialsInput } from '../host/credentials-input';
import { CREDENTIAL_SCOPE_HEADER } from '../host/key-scope';

export class PilotStatusApi implements ICredentialType {
  name = 'pilotStatusApi';

  displayName = 'PilotStatus API';

  icon: Icon = { light: 'file:../nodes/PilotStatus/pilotstatus.svg', dark: 'file:../nodes/PilotStatus/pilotstatus.dark.svg' };

  documentationUrl = 'https://docs.pilotstatus.com.br/api/authentication';

  properties: INodeProperties[] = [
    {
      displayName: 'API Key',
      name: 'apiKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      placeholder: 'ps_…',
      description: 'The number-scoped key of the sending WhatsApp number, from the API Keys page (/api-keys) of the PilotStatus dashboard',
    },
    {
      displayName: 'Retention Days',
      name: 'retentionDays',
      type: 'number',
      typeOptions: { minValue: 0 },
      default: 0,
      description:
        'The retention set on this key in the dashboard. 0: labels are created but PilotStatus keeps no label–contact link (no personal data). PilotStatus does not report it, so it must match the dashboard.',
    },
    {
      displayName: 'Tenant API Key',
      name: 'tenantApiKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      description: 'Optional. The tenant-scoped key, used only to manage webhooks for the PilotStatus Trigger. Without it the number key manages its own number’s webhooks.',
    },
    {
      displayName: 'WhatsApp Number ID',
      name: 'whatsappNumberId',
      type: 'string',
      default: '',
      description: 'Optional. With a tenant key: the number whose webhooks the trigger manages, and whose events it accepts',
    },
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: PILOTSTATUS_DEFAULT_BASE_URL,
      description: 'Change only to use the local sandbox (http://127.0.0.1:4010/v1) or another PilotStatus environment',
    },
  ];

  /** Puts the number key in, or the tenant key when the request asks for it (webhook management). */
  async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
    const { [CREDENTIAL_SCOPE_HEADER]: scope, ...headers } = (requestOptions.headers ?? {}) as Record<string, string>;
    const auth = pilotStatusAuthHeaders(parsePilotStatusCredentials(credentialsInput(credentials)), scope === 'tenant' ? 'tenant' : 'number');
    return { ...requestOptions, headers: { ...headers, ...auth } };
  }

  test: ICredentialTestRequest = {
    request: { baseURL: '={{$credentials.baseUrl}}', url: '/templates', method: 'GET' },
  };
}
