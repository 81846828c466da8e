import type { Bundle, ZObject } from 'zapier-platform-core';
import { createRyzeApiClient, type RyzeApiClient } from '../../../shared/ryzeapi';
import { withZapierErrors, type FieldLabels } from '../../common/errors';
import { fieldLabels, optionalText, pick } from '../../common/input';
import { ZAPIER_CLIENT_SETTINGS, zapierTransport } from '../../common/transport';
import { AUTH_FIELDS } from './auth-fields';

/** The core reports credential problems under `credentials.<key>`, the instance name under `instance`. */
const CREDENTIAL_LABELS: FieldLabels = { ...fieldLabels(AUTH_FIELDS, {}, 'credentials.'), instance: 'Instance' };

/** The core client for this connection, speaking through z.request; its pacing (100/min per token) is the core's. */
export function ryzeApi(z: ZObject, bundle: Pick<Bundle, 'authData'>, options: { defaultCountry?: unknown } = {}): RyzeApiClient {
  const defaultCountry = optionalText(options.defaultCountry);
  return createRyzeApiClient({
    credentials: pick(bundle.authData, ['token', 'baseUrl']),
    instance: bundle.authData.instance,
    transport: zapierTransport(z),
    ...ZAPIER_CLIENT_SETTINGS,
    ...(defaultCountry ? { defaultCountry } : {}),
  });
}

/** A perform whose core errors become Zapier errors naming this step's fields and the connection's. */
export function handled<B, R>(perform: (z: ZObject, bundle: B) => Promise<R>, fields: readonly unknown[] = [], aliases: Record<string, string> = {}) {
  return withZapierErrors(perform, { ...CREDENTIAL_LABELS, ...fieldLabels(fields, aliases) });
}
