import { z } from 'zod/v4';

/**
 * A list the service may return bare or wrapped (`{ <key>: [...] }`, `{ data: [...] }`,
 * `{ items: [...] }`): list endpoints whose envelope the docs do not show are read either way.
 */
export function listOf<Item extends z.ZodType>(item: Item, key: string) {
  const list = z.array(item);
  return z.union([
    list,
    z.looseObject({ [key]: list }).transform((wrapped) => wrapped[key] as z.output<typeof list>),
    z.looseObject({ data: list }).transform((wrapped) => wrapped.data),
    z.looseObject({ items: list }).transform((wrapped) => wrapped.items),
  ]);
}

/** Ids the services send as strings, or sometimes numbers; kept as strings. */
export const idField = z.union([z.string().min(1), z.number()]).transform(String);

export const optionalText = z.string().nullish();
