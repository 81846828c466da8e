import { createPilotStatusClient, type PilotStatusClient } from '../../shared/pilotstatus';
import { createRyzeApiClient, type RyzeApiClient } from '../../shared/ryzeapi';
import { unwrap } from '../../shared/errors';
import { parseRetentionDays, retentionPolicy, type RetentionPolicy } from '../../shared/labels';
import { credentialsInput } from './credentials-input';
import { n8nTransport, type N8nContext } from './transport';

export const PILOTSTATUS_CREDENTIAL = 'pilotStatusApi';
export const RYZEAPI_CREDENTIAL = 'ryzeApi';

export interface PilotStatusConnection {
  readonly client: PilotStatusClient;
  readonly retention: RetentionPolicy;
  /** The number whose events a trigger accepts, when the credential names one. */
  readonly whatsappNumberId: string | undefined;
}

export async function connectPilotStatus(context: N8nContext, options: { defaultCountry?: string } = {}): Promise<PilotStatusConnection> {
  const credentials = credentialsInput(await context.getCredentials(PILOTSTATUS_CREDENTIAL));
  const client = createPilotStatusClient({
    credentials,
    transport: n8nTransport(context, PILOTSTATUS_CREDENTIAL),
    ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
  });
  return {
    client,
    retention: retentionPolicy(unwrap(parseRetentionDays(credentials.retentionDays ?? 0, 'retentionDays'))),
    whatsappNumberId: typeof credentials.whatsappNumberId === 'string' ? credentials.whatsappNumberId : undefined,
  };
}

export async function connectRyzeApi(context: N8nContext, options: { defaultCountry?: string } = {}): Promise<RyzeApiClient> {
  const { instance, ...credentials } = credentialsInput(await context.getCredentials(RYZEAPI_CREDENTIAL));
  return createRyzeApiClient({
    credentials,
    instance,
    transport: n8nTransport(context, RYZEAPI_CREDENTIAL),
    ...(options.defaultCountry ? { defaultCountry: options.defaultCountry } : {}),
  });
}
