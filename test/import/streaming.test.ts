import { importContacts } from '../../shared/labels/import';

const ROWS_PER_CHUNK = 500;

/** Distinct valid phones: +55 11 9xxxx-xxxx, numbered from `start`. */
const phoneAt = (n: number) => `+55119${String(10_000_000 + n).slice(-8)}`;

/** A CSV produced chunk by chunk, counting how far the importer has pulled it. */
function csvSource(chunkCount: number) {
  const state = { pulled: 0, closed: false };
  async function* chunks(): AsyncGenerator<string> {
    try {
      yield 'phone;name\r\n';
      for (let chunk = 0; chunk < chunkCount; chunk++) {
        state.pulled++;
        const lines: string[] = [];
        for (let i = 0; i < ROWS_PER_CHUNK; i++) lines.push(`${phoneAt(chunk * ROWS_PER_CHUNK + i)};Contact ${chunk}-${i}\r\n`);
        yield lines.join('');
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, chunks: chunks() };
}

describe('streaming CSV', () => {
  it('yields rows while reading, never more than a few chunks ahead, over 110k rows', async () => {
    const chunkCount = 220; // 110,000 rows
    const { state, chunks } = csvSource(chunkCount);
    let rows = 0;
    let maxAhead = 0;
    for await (const outcome of importContacts(chunks)) {
      if (!outcome.ok) throw new Error(`row ${outcome.row}: ${outcome.issues[0]?.message}`);
      rows++;
      maxAhead = Math.max(maxAhead, state.pulled * ROWS_PER_CHUNK - rows);
    }
    expect(rows).toBe(chunkCount * ROWS_PER_CHUNK);
    // The read-ahead for the encoding sniff (64 KiB ≈ 4 chunks here) is the most ever held.
    expect(maxAhead).toBeLessThanOrEqual(6 * ROWS_PER_CHUNK);
  }, 60_000);

  it('hands the first row on before the source is read to its end', async () => {
    const { state, chunks } = csvSource(1000);
    const rows = importContacts(chunks);
    const first = await rows.next();
    expect(first.value).toMatchObject({ row: 2, ok: true });
    expect(state.pulled).toBeLessThan(10);
    await rows.return(undefined as never);
    expect(state.closed).toBe(true);
  });

  it('closes the source when a file-level error stops the import', async () => {
    const { state, chunks } = csvSource(1000);
    const noHeader = (async function* () {
      yield 'email\n';
      yield* chunks;
    })();
    await expect(importContacts(noHeader).next()).rejects.toMatchObject({ issues: [{ rule: 'import.no_destination_column' }] });
    expect(state.pulled).toBeLessThan(10);
    expect(state.closed).toBe(true);
  });

  it('passes a failing source\'s own error through', async () => {
    const broken = (async function* () {
      yield 'phone\n+5511999999999\n';
      throw new Error('connection reset');
    })();
    await expect(
      (async () => {
        for await (const outcome of importContacts(broken)) expect(outcome.ok).toBe(true);
      })(),
    ).rejects.toThrow('connection reset');
  });
});
