import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Database, type BindValues, type SQLiteValue } from 'node-sqlite3-wasm';
import { SCHEMA, TABLES } from './schema';

export type Row = Record<string, SQLiteValue>;

/**
 * SQLite compiled to WebAssembly (node-sqlite3-wasm): a real embedded SQL database that runs on
 * Node 20 and 24 alike with no native build, file-backed or in memory.
 */
export class SandboxDatabase {
  private readonly db: Database;

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.exec(SCHEMA);
  }

  all<T = Row>(sql: string, values?: BindValues): T[] {
    return this.db.all(sql, values) as T[];
  }

  get<T = Row>(sql: string, values?: BindValues): T | undefined {
    return (this.db.get(sql, values) ?? undefined) as T | undefined;
  }

  run(sql: string, values?: BindValues): { changes: number } {
    const { changes } = this.db.run(sql, values);
    return { changes: Number(changes) };
  }

  /** Runs `work` atomically; the sandbox is single-threaded, so this also serializes writers. */
  transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  isEmpty(): boolean {
    return this.get('SELECT 1 AS one FROM tenants LIMIT 1') === undefined;
  }

  wipe(): void {
    this.transaction(() => {
      for (const table of TABLES) this.db.exec(`DELETE FROM ${table}`);
    });
  }

  /** Every row of every table: what the "no destination anywhere" checks read. */
  dump(): Record<string, Row[]> {
    return Object.fromEntries(TABLES.map((table) => [table, this.all(`SELECT * FROM ${table}`)]));
  }

  close(): void {
    this.db.close();
  }
}
