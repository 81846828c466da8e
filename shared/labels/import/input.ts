import { describeValue } from '../../errors';
import { fileError } from './file-error';
import type { ImportInput } from './types';

/** Big inputs are handed on in slices so the CSV parser (and the text decoder) work a piece at a time. */
export const CHUNK_BYTES = 64 * 1024;

/** Turns any accepted input into a stream of byte chunks; text is encoded as UTF-8. */
export async function* byteChunks(input: ImportInput): AsyncGenerator<Uint8Array, void, undefined> {
  if (typeof input === 'string' || ArrayBuffer.isView(input)) {
    yield* sliced(toBytes(new Utf8Encoder(), input, true));
    return;
  }
  if (!isAsyncIterable(input)) throw inputTypeError(input);
  const encoder = new Utf8Encoder();
  for await (const chunk of input) {
    if (typeof chunk !== 'string' && !ArrayBuffer.isView(chunk)) throw inputTypeError(chunk);
    const bytes = toBytes(encoder, chunk, false);
    if (bytes.length > 0) yield* sliced(bytes);
  }
  const tail = encoder.flush();
  if (tail.length > 0) yield tail;
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function';

const inputTypeError = (value: unknown) =>
  fileError('import.input_type', `must be the file's bytes (Uint8Array / Buffer), its text, or a stream of them, got ${describeValue(value)}`);

function toBytes(encoder: Utf8Encoder, chunk: string | ArrayBufferView, last: boolean): Uint8Array {
  if (typeof chunk !== 'string') return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const bytes = encoder.encode(chunk);
  if (!last) return bytes;
  const tail = encoder.flush();
  return tail.length ? concatBytes([bytes, tail]) : bytes;
}

function* sliced(bytes: Uint8Array): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) yield bytes.subarray(start, start + CHUNK_BYTES);
}

/**
 * TextEncoder on its own would turn a surrogate pair split across two text chunks into two
 * replacement characters; holding a trailing high surrogate back keeps the character whole.
 */
class Utf8Encoder {
  private readonly encoder = new TextEncoder();
  private pending = '';

  encode(text: string): Uint8Array {
    let whole = this.pending + text;
    this.pending = '';
    const last = whole.charCodeAt(whole.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.pending = whole.slice(-1);
      whole = whole.slice(0, -1);
    }
    return this.encoder.encode(whole);
  }

  flush(): Uint8Array {
    const rest = this.pending;
    this.pending = '';
    return this.encoder.encode(rest);
  }
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

/** A byte stream whose first chunks can be looked at (format, encoding, delimiter) before it is read. */
export class PeekableBytes {
  private readonly iterator: AsyncIterator<Uint8Array, void, undefined>;
  private readonly head: Uint8Array[] = [];
  private headBytes = 0;
  private ended = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** The chunks read ahead so far. */
  get buffered(): readonly Uint8Array[] {
    return this.head;
  }

  get bufferedBytes(): number {
    return this.headBytes;
  }

  get done(): boolean {
    return this.ended;
  }

  /** Reads one more chunk ahead; `undefined` at the end. */
  async readAhead(): Promise<Uint8Array | undefined> {
    if (this.ended) return undefined;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return undefined;
    }
    this.head.push(next.value);
    this.headBytes += next.value.length;
    return next.value;
  }

  /** The first `count` bytes (fewer if the stream is shorter). */
  async peek(count: number): Promise<Uint8Array> {
    while (this.headBytes < count && (await this.readAhead())) {
      // reading ahead
    }
    return concatBytes(this.head).subarray(0, count);
  }

  /** Every chunk, the read-ahead ones first. Ending early closes the source. */
  async *chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    try {
      while (this.head.length > 0) {
        const chunk = this.head.shift()!;
        this.headBytes -= chunk.length;
        yield chunk;
      }
      while (!this.ended) {
        const next = await this.iterator.next();
        if (next.done) this.ended = true;
        else yield next.value;
      }
    } finally {
      await this.close();
    }
  }

  /** Lets the source go (a Node stream is destroyed) when the import stops before its end. */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.iterator.return?.();
  }
}
