import type { ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, Icon, INodeProperties } from 'n8n-workflow';
import { parseRyzeApiCredentials, RYZEAPI_DEFAULT_BASE_URL, ryzeApiAuthHeaders } from '../../shared/ryzeapi';
import { credentialsInput } from '../host/credentials-input';

export class RyzeApi implements ICredentialType {
  name = 'ryzeApi';

  displayName = 'RyzeAPI API';

  icon: Icon = { light: 'file:../nodes/RyzeApi/ryzeapi.svg', dark: 'file:../nodes/RyzeApi/ryzeapi.dark.svg' };

  documentationUrl = 'https://docs.ryzeapi.cloud';

  properties: INodeProperties[] = [
    {
      displayName: 'Instance Name',
      name: 'instance',
      type: 'string',
      default: '',
      required: true,
      description: 'The WhatsApp instance, as named in the RyzeAPI dashboard',
    },
    {
      displayName: 'Token',
      name: 'token',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      description: 'The account token (TokenAccount) or the instance token (TokenInstance)',
    },
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: RYZEAPI_DEFAULT_BASE_URL,
      description: 'Change only to use the local sandbox (http://127.0.0.1:4010)',
    },
  ];

  /** The header is the core's to decide (`ryzeApiAuthHeaders`), as in every host. */
  async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
    const auth = ryzeApiAuthHeaders(parseRyzeApiCredentials(credentialsInput(credentials)));
    return { ...requestOptions, headers: { ...requestOptions.headers, ...auth } };
  }

  test: ICredentialTestRequest = {
    request: { baseURL: '={{$credentials.baseUrl}}', url: '=/api/chat/tag/{{encodeURIComponent($credentials.instance)}}', method: 'GET' },
  };
}
