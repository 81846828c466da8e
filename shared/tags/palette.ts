/**
 * The WhatsApp Business label palette as RyzeAPI documents it. The index is what the API stores
 * and is stable; the shade belongs to the WhatsApp client and may change between app versions.
 */
export const TAG_PALETTE = [
  { color: 0, hex: '#ff9485', name: 'Coral Red' },
  { color: 1, hex: '#64c4ff', name: 'Sky Blue' },
  { color: 2, hex: '#ffd429', name: 'Golden Yellow' },
  { color: 3, hex: '#dfaef0', name: 'Light Lilac' },
  { color: 4, hex: '#99b6c1', name: 'Bluish Gray' },
  { color: 5, hex: '#55ccb3', name: 'Mint Green' },
  { color: 6, hex: '#ff9dff', name: 'Pink' },
  { color: 7, hex: '#d3a91d', name: 'Mustard' },
  { color: 8, hex: '#6d7cce', name: 'Violet Blue' },
  { color: 9, hex: '#d7e752', name: 'Lime Green' },
  { color: 10, hex: '#00d0e2', name: 'Cyan' },
] as const;

export type TagColorIndex = (typeof TAG_PALETTE)[number]['color'];
export type TagPaletteEntry = (typeof TAG_PALETTE)[number];

/** The service's default, and where anything it cannot read ends up. */
export const DEFAULT_TAG_COLOR: TagColorIndex = 0;

export type TagColorNormalization = 'missing' | 'not_an_integer' | 'out_of_range' | 'unrecognized';

export type TagColor = TagPaletteEntry & {
  /** True when the input was not a palette index and became 0, as RyzeAPI itself would do. */
  readonly normalized: boolean;
  readonly reason?: TagColorNormalization;
};

const byName = new Map<string, TagPaletteEntry>(TAG_PALETTE.flatMap((e) => [[squash(e.name), e], [e.hex, e]]));

/**
 * Resolves a color the way users give it — an index (number or numeric text), a palette name
 * (`"mint green"`) or its hex — and otherwise falls back to 0 exactly as RyzeAPI does, saying so.
 */
export function normalizeTagColor(input: unknown): TagColor {
  if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) {
    return fallback('missing');
  }
  if (typeof input === 'string') {
    const text = input.trim();
    const named = byName.get(squash(text)) ?? byName.get(text.toLowerCase()) ?? byName.get(`#${text.toLowerCase()}`);
    if (named) return { ...named, normalized: false };
    if (!/^[+-]?\d+(\.\d+)?$/.test(text)) return fallback('unrecognized');
    return fromNumber(Number(text));
  }
  if (typeof input === 'number') return fromNumber(input);
  return fallback('unrecognized');
}

function fromNumber(value: number): TagColor {
  if (!Number.isInteger(value)) return fallback(Number.isFinite(value) ? 'not_an_integer' : 'unrecognized');
  const entry = TAG_PALETTE[value];
  return value >= 0 && entry ? { ...entry, normalized: false } : fallback('out_of_range');
}

function fallback(reason: TagColorNormalization): TagColor {
  return { ...TAG_PALETTE[DEFAULT_TAG_COLOR], normalized: true, reason };
}

function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}
