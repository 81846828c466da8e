import type { Bundle, ZObject } from 'zapier-platform-core';
import { unwrap } from '../../../shared/errors';
import { parseRetentionDays, retentionPolicy, type RetentionPolicy } from '../../../shared/labels';
import { createPilotStatusClient, type PilotStatusClient } from '../../../shared/pilotstatus';
import { withZapierErrors, type FieldLabels } from '../../common/errors';
import { fieldLabels, isBlank, optionalText, pick } from '../../common/input';
import { ZAPIER_CLIENT_SETTINGS, zapierTransport } from '../../common/transport';
import { AUTH_FIELDS } from './auth-fields';

const CREDENTIAL_KEYS = ['apiKey', 'tenantApiKey', 'whatsappNumberId', 'baseUrl'] as const;

/** The core reports credential problems under `credentials.<key>`. */
const CREDENTIAL_LABELS = fieldLabels(AUTH_FIELDS, {}, 'credentials.');

/** The core client for this connection, speaking through z.request. */
export function pilotStatus(z: ZObject, bundle: Pick<Bundle, 'authData'>, options: { defaultCountry?: unknown } = {}): PilotStatusClient {
  const defaultCountry = optionalText(options.defaultCountry);
  return createPilotStatusClient({
    credentials: pick(bundle.authData, CREDENTIAL_KEYS),
    transport: zapierTransport(z),
    ...ZAPIER_CLIENT_SETTINGS,
    ...(defaultCountry ? { defaultCountry } : {}),
  });
}

/** The key's retention, a connection setting (PilotStatus reports it nowhere). */
export function retentionOf(bundle: Pick<Bundle, 'authData'>): RetentionPolicy {
  const days = bundle.authData.retentionDays;
  return retentionPolicy(unwrap(parseRetentionDays(isBlank(days) ? 0 : days, 'credentials.retentionDays')));
}

/** A perform whose core errors become Zapier errors naming this step's fields and the connection's. */
export function handled<B, R>(perform: (z: ZObject, bundle: B) => Promise<R>, fields: readonly unknown[] = [], aliases: Record<string, string> = {}) {
  const labels: FieldLabels = { ...CREDENTIAL_LABELS, ...fieldLabels(fields, aliases) };
  return withZapierErrors(perform, labels);
}
