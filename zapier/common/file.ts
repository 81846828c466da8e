import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { issue, ValidationError } from '../../shared/errors';
import { classifyNetworkFailure } from '../../shared/http';
import { isBlank } from './input';

/**
 * The bytes of a file field. Zapier hands a file to an action as a URL (of the file a previous
 * step produced, or of text it stored as a file), so it is downloaded first. Problems are reported
 * on the field, as the core's import reports a file it cannot read; the URL is never echoed (it
 * may carry a signature).
 */
export async function downloadFile(z: ZObject, url: unknown, field: string): Promise<Buffer> {
  const fail = (rule: string, reason: string) => new ValidationError([issue(field, rule, reason)]);
  if (isBlank(url)) throw fail('required', 'is required: a CSV or XLSX file');
  if (typeof url !== 'string') throw fail('file.type', 'must be a file (Zapier passes files as URLs)');
  const options: HttpRequestOptions & { url: string; raw: true; merge: boolean } = { url: url.trim(), raw: true, skipThrowForStatus: true, merge: false };
  let response;
  try {
    response = await z.request(options);
  } catch (error) {
    throw fail('file.download', `could not be downloaded (${classifyNetworkFailure(error).replace(/_/g, ' ')})`);
  }
  if (response.status < 200 || response.status >= 300) throw fail('file.download', `could not be downloaded: the file server answered HTTP ${response.status}`);
  return response.buffer();
}
