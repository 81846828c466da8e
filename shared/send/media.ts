import { describeValue, fail, issue, ok, type Parsed } from '../errors';
import { MEDIA_TYPES, type MediaType } from './send-schema';

export interface MediaSource {
  readonly media: string;
  readonly mediaType: MediaType;
}

const DATA_URI = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)((?:;[a-z0-9-]+=[^;,]+)*);base64,([A-Za-z0-9+/]+={0,2})$/i;

const EXTENSION_TYPE: Record<string, MediaType> = Object.fromEntries([
  ...['jpg', 'jpeg', 'png', 'webp', 'gif'].map((ext) => [ext, 'image']),
  ...['mp4', '3gp', 'mov', 'webm'].map((ext) => [ext, 'video']),
  ...['mp3', 'ogg', 'oga', 'opus', 'm4a', 'aac', 'amr', 'wav'].map((ext) => [ext, 'audio']),
  ...['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'txt', 'csv', 'zip'].map((ext) => [ext, 'document']),
]);

/**
 * A direct media must be a public http(s) URL or a base64 data URI. The media type is taken as
 * given, or read from the data URI's MIME type or the URL's file extension; when neither tells,
 * the user has to choose — PilotStatus cannot guess either.
 */
export function parseMedia(media: unknown, mediaType: unknown, field = 'media'): Parsed<MediaSource> {
  if (typeof media !== 'string') return fail(issue(field, 'media.type', `must be a URL or a data URI, got ${describeValue(media)}`));
  const value = media.trim();

  let inferred: MediaType | undefined;
  const dataUri = DATA_URI.exec(value);
  if (dataUri) inferred = fromMime(dataUri[1]!.toLowerCase());
  else if (value.toLowerCase().startsWith('data:')) {
    return fail(issue(field, 'media.data_uri', 'is a data URI that is not base64: use data:<mime type>;base64,<data>'));
  } else {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return fail(issue(field, 'media.url', 'must be a public http(s) URL or a base64 data URI'));
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return fail(issue(field, 'media.url_protocol', `must use http or https, not ${url.protocol.replace(':', '')}`));
    }
    inferred = EXTENSION_TYPE[url.pathname.split('.').pop()?.toLowerCase() ?? ''];
  }

  if (mediaType !== undefined && mediaType !== null && mediaType !== '') {
    const given = typeof mediaType === 'string' ? mediaType.trim().toLowerCase() : mediaType;
    if (!MEDIA_TYPES.includes(given as MediaType)) {
      return fail(issue('mediaType', 'media_type.enum', `must be one of ${MEDIA_TYPES.join(', ')}`));
    }
    return ok({ media: value, mediaType: given as MediaType });
  }
  if (!inferred) {
    return fail(issue('mediaType', 'media_type.required', `is required: the media does not show whether it is ${MEDIA_TYPES.join(', ')}`));
  }
  return ok({ media: value, mediaType: inferred });
}

function fromMime(mime: string): MediaType {
  const family = mime.split('/')[0];
  return family === 'image' || family === 'video' || family === 'audio' ? family : 'document';
}
