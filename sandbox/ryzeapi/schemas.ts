import { z } from 'zod/v4';

/*
 * The sandbox's own reading of RyzeAPI requests, written from the spec and never shared with the
 * client: if the client drifts from the wire format, an end-to-end test fails here.
 *
 * RyzeAPI is a Go service decoding JSON into a struct, so the rules follow what `encoding/json`
 * does with `{ Name string; Color int }`-like fields:
 *  - a missing field or `null` is the zero value (`""`, `0`), never an error by itself;
 *  - a value of the wrong JSON type (`"name": 5`, `"color": "5"`, `"color": 2.5`, a non-object
 *    body) fails decoding: 400 `Invalid request body: <...>`;
 *  - unknown fields are ignored.
 * The documented checks (`Tag name is required`, …) come after decoding, in the handlers.
 */

const goString = (field: string) =>
  z
    .string({ error: `cannot unmarshal ${field} into a string` })
    .nullish()
    .transform((value) => value ?? '');

const goInt = (field: string) =>
  z
    .number({ error: `cannot unmarshal ${field} into an integer` })
    .int({ error: `cannot unmarshal ${field} into an integer` })
    .nullish()
    .transform((value) => value ?? 0);

const jsonObject = <Shape extends z.ZodRawShape>(shape: Shape) => z.object(shape, { error: 'expected a JSON object' });

export const createTagBodySchema = jsonObject({ name: goString('name'), color: goInt('color') });

export const assignTagBodySchema = jsonObject({ number: goString('number'), tagId: goString('tagId') });

/** A query parameter as Go's `c.Query` reads it: the first value, trimmed; blank means absent. */
const queryParam = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined);

/** `1,2, 3` → `['1', '2', '3']`, blanks dropped. */
const commaList = queryParam.transform((value) => (value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter(Boolean)));

// Go's strconv.ParseBool spellings of true; anything else (or nothing) is false.
const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

export const deleteTagQuerySchema = z.looseObject({ tagId: queryParam });

export const unassignTagQuerySchema = z.looseObject({ number: queryParam, tagId: queryParam });

export const contactsByLabelQuerySchema = z.looseObject({
  labelIds: commaList,
  labelNames: commaList,
  refresh: queryParam.transform((value) => value !== undefined && TRUE_WORDS.has(value)),
});

export type ReadResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly detail: string };

/** Decodes a body or query; `detail` is what follows `Invalid request body: `. */
export function read<Schema extends z.ZodType>(schema: Schema, input: unknown): ReadResult<z.output<Schema>> {
  // Go's decoder reports an absent body as EOF.
  if (input === undefined) return { ok: false, detail: 'EOF' };
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const first = parsed.error.issues[0];
  return { ok: false, detail: first?.message ?? 'invalid' };
}
