/**
 * Every runtime value the RyzeAPI nodes take from the host adapters and the core, in one place.
 *
 * The build turns an import of n8n/host or shared/ into a require of dist/lib/pack.js, with the
 * path computed from the importing file's own folder; the bundle, though, lands at the node
 * file's folder. So only files directly in a node's folder (like this one) may import them:
 * files under actions/ and methods/ import from here.
 */
export { connectRyzeApi, RYZEAPI_CREDENTIAL } from '../../host/clients';
export { credentialsInput } from '../../host/credentials-input';
export { defaultCountryProperty } from '../../host/descriptions';
export { errorItem, toNodeError } from '../../host/errors';
export { issue, ValidationError } from '../../../shared/errors';
export { ryzeChatItem, ryzeTagItem } from '../../host/ryzeapi-items';
export { parseRyzeChatId } from '../../../shared/destinations';
export { destinationHash } from '../../../shared/labels';
export { oldestTagFirst, parseRyzeApiCredentials } from '../../../shared/ryzeapi';
export { TAG_PALETTE, tagNameKey } from '../../../shared/tags';
export type { RyzeApiClient, RyzeChatWithLabels, RyzeTag } from '../../../shared/ryzeapi';
