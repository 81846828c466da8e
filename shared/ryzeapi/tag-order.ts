import type { RyzeTag } from './schemas';

/**
 * RyzeAPI allocates tag ids sequentially, so a smaller numeric id is an older tag; ids that are
 * not numbers count as newer than any number, and sort among themselves by text.
 */
export function oldestTagFirst(a: RyzeTag, b: RyzeTag): number {
  const [x, y] = [Number(a.id), Number(b.id)];
  if (Number.isFinite(x) && Number.isFinite(y) && x !== y) return x - y;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const newestTagFirst = (a: RyzeTag, b: RyzeTag): number => oldestTagFirst(b, a);
