import type { PeekableBytes } from './input';
import type { CsvDelimiter, CsvEncoding } from './types';

const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const LF = 0x0a;
const CR = 0x0d;
// Before the header: blank lines, indentation and the bytes of a UTF-8 BOM.
const LEADING_NOISE = new Set([0x20, 0x09, LF, CR, 0xef, 0xbb, 0xbf]);

/**
 * Counts commas and semicolons outside quotes on the header line (the first non-blank line).
 * Works on bytes: quotes, delimiters and line breaks are ASCII, and neither UTF-8 nor
 * windows-1252 uses ASCII bytes inside another character, so the encoding need not be known yet.
 */
export class HeaderLineScanner {
  private started = false;
  private quoted = false;
  private commas = 0;
  private semicolons = 0;
  /** The header line's end has been seen. */
  complete = false;

  feed(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length && !this.complete; i++) {
      const byte = bytes[i]!;
      if (!this.started) {
        if (LEADING_NOISE.has(byte)) continue;
        this.started = true;
      }
      // `""` inside quotes toggles twice, so escaped quotes need no special case.
      if (byte === QUOTE) this.quoted = !this.quoted;
      else if (this.quoted) continue;
      else if (byte === LF || byte === CR) this.complete = true;
      else if (byte === COMMA) this.commas++;
      else if (byte === SEMICOLON) this.semicolons++;
    }
  }

  /** The more frequent of the two; comma on a tie (including a one-column header). */
  get delimiter(): CsvDelimiter {
    return this.semicolons > this.commas ? ';' : ',';
  }
}

/** The delimiter `HeaderLineScanner` picks for a text (handy for callers holding a string). */
export function detectDelimiter(text: string): CsvDelimiter {
  const scanner = new HeaderLineScanner();
  scanner.feed(new TextEncoder().encode(text));
  return scanner.delimiter;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * UTF-8 unless the sample is not valid UTF-8: then windows-1252, what Excel writes for
 * "CSV (comma/semicolon delimited)" on Portuguese and Spanish Windows (`N\xfamero` for `Número`).
 * Only the sample is checked, so a stray byte further down decodes as U+FFFD.
 */
export function sniffEncoding(sample: readonly Uint8Array[], sampleIsWholeFile: boolean): CsvEncoding {
  const first = sample[0];
  if (first && UTF8_BOM.every((byte, i) => first[i] === byte)) return 'utf-8';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (const chunk of sample) decoder.decode(chunk, { stream: true });
    // A sample cut mid-character is fine; a file that ends mid-character is not UTF-8.
    if (sampleIsWholeFile) decoder.decode();
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** How far ahead the encoding is sniffed: enough for the names of the first few hundred rows. */
export const SNIFF_BYTES = 64 * 1024;

export interface CsvDialect {
  readonly delimiter: CsvDelimiter;
  readonly encoding: CsvEncoding;
}

/** Reads ahead (a bounded amount) until the header line and the encoding sample are in. */
export async function sniffDialect(bytes: PeekableBytes): Promise<CsvDialect> {
  const scanner = new HeaderLineScanner();
  for (const chunk of bytes.buffered) scanner.feed(chunk);
  while (!(scanner.complete && bytes.bufferedBytes >= SNIFF_BYTES) && bytes.bufferedBytes < 4 * SNIFF_BYTES) {
    const chunk = await bytes.readAhead();
    if (!chunk) break;
    scanner.feed(chunk);
  }
  return { delimiter: scanner.delimiter, encoding: sniffEncoding(bytes.buffered, bytes.done) };
}
