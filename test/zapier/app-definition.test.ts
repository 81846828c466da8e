import './env';
import type { Bundle, ZObject } from 'zapier-platform-core';
import pilotStatusApp from '../../zapier/pilotstatus/src';
import ryzeApiApp from '../../zapier/ryzeapi/src';
import pilotStatusPackage from '../../zapier/pilotstatus/package.json';
import ryzeApiPackage from '../../zapier/ryzeapi/package.json';

/*
 * What the Zapier CLI's `validate` does not check (it accepts a visible trigger without a sample,
 * for instance) but a published app needs: samples with ids, labelled output fields, Title Case
 * labels, trigger descriptions in Zapier's "Triggers when …." form, and references that resolve.
 */

type Field = { key: string; label?: string; type?: string; choices?: unknown; altersDynamicFields?: boolean; dynamic?: string; search?: string };
type Operation = { inputFields?: unknown[]; outputFields?: Field[]; sample?: Record<string, unknown>; perform?: unknown };
type Step = { key: string; noun: string; display: { label?: string; description?: string; hidden?: boolean }; operation: Operation };
type AppShape = {
  version: string;
  flags?: { skipHttpPatch?: boolean };
  platformVersion: string;
  authentication: { type: string; fields: Field[]; test: unknown; connectionLabel?: unknown };
  triggers?: Record<string, Step>;
  creates?: Record<string, Step>;
  searches?: Record<string, Step>;
  searchOrCreates?: Record<string, { key: string; search: string; create: string; display: { label?: string } }>;
};

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
const isTitleCase = (label: string) => label.trim() !== '' && label.split(/\s+/).every((word, i) => (i > 0 && SMALL_WORDS.has(word)) || !/^[a-z]/.test(word));

const apps: [string, AppShape, { version: string; dependencies: Record<string, string> }][] = [
  ['PilotStatus', pilotStatusApp as unknown as AppShape, pilotStatusPackage],
  ['RyzeAPI', ryzeApiApp as unknown as AppShape, ryzeApiPackage],
];

const stepsOf = (app: AppShape) =>
  (['triggers', 'creates', 'searches'] as const).flatMap((group) => Object.entries(app[group] ?? {}).map(([key, step]) => ({ group, key, step })));

/** Every input field a step can show: plain ones, and what its field functions return for each choice that alters them. */
async function inputFieldsOf(operation: Operation): Promise<Field[]> {
  const plain = (operation.inputFields ?? []).filter((f): f is Field => typeof f === 'object' && f !== null);
  const functions = (operation.inputFields ?? []).filter((f): f is (z: ZObject, bundle: Bundle) => Promise<Field[]> | Field[] => typeof f === 'function');
  const bundles: Record<string, unknown>[] = [{}];
  for (const field of plain.filter((f) => f.altersDynamicFields && Array.isArray(f.choices))) {
    for (const choice of field.choices as { value: string }[]) bundles.push({ [field.key]: choice.value });
  }
  const generated = await Promise.all(
    functions.flatMap((fn) => bundles.map(async (inputData) => fn({} as ZObject, { inputData, authData: {} } as unknown as Bundle))),
  );
  return [...plain, ...generated.flat()];
}

describe.each(apps)('Zapier app definition: %s', (_name, app, pkg) => {
  it('takes its version from package.json, runs on zapier-platform-core 19.1.0 pinned exactly, and uses custom auth', () => {
    expect(app.version).toBe(pkg.version);
    expect(app.platformVersion).toBe('19.1.0');
    expect(pkg.dependencies).toEqual({ 'zapier-platform-core': '19.1.0' });
    expect(app.authentication.type).toBe('custom');
    expect(typeof app.authentication.test).toBe('function');
    expect(app.authentication.connectionLabel).toBeDefined();
  });

  it('leaves Node’s global http, https and fetch unpatched: every request goes through z.request', () => {
    expect(app.flags).toEqual({ skipHttpPatch: true });
  });

  it('labels the connection fields in Title Case and types every secret as a password', () => {
    for (const field of app.authentication.fields) {
      expect(isTitleCase(field.label ?? '')).toBe(true);
      if (/key|token/i.test(field.key)) expect(field.type).toBe('password');
    }
  });

  it('keys every step as it is registered', () => {
    for (const { key, step } of stepsOf(app)) expect(step.key).toBe(key);
  });

  it('gives every step a Title Case label and a description that is a sentence; triggers say "Triggers when …."', () => {
    for (const { group, step } of stepsOf(app)) {
      expect(isTitleCase(step.display.label ?? '')).toBe(true);
      expect(step.display.description).toMatch(/^[A-Z].+\.$/);
      if (group === 'triggers') expect(step.display.description).toMatch(/^Triggers when .+\.$/);
      expect(isTitleCase(step.noun)).toBe(true);
    }
  });

  it('gives every visible step a static sample with an id, and labelled output fields including the id', () => {
    for (const { step } of stepsOf(app).filter(({ step }) => !step.display.hidden)) {
      const { sample, outputFields } = step.operation;
      expect({ step: step.key, id: sample?.id }).toEqual({ step: step.key, id: expect.any(String) });
      expect(outputFields?.length).toBeGreaterThan(0);
      for (const field of outputFields ?? []) {
        expect({ step: step.key, field: field.key, titleCase: isTitleCase(field.label ?? '') }).toEqual({ step: step.key, field: field.key, titleCase: true });
      }
      expect(outputFields?.map((f) => f.key)).toContain('id');
    }
  });

  it('labels every input field in Title Case, and every dropdown and search link points at a step of the app', async () => {
    for (const { step } of stepsOf(app)) {
      for (const field of await inputFieldsOf(step.operation)) {
        expect({ step: step.key, field: field.key, titleCase: isTitleCase(field.label ?? '') }).toEqual({ step: step.key, field: field.key, titleCase: true });
        if (field.dynamic) {
          const [trigger, id, label] = field.dynamic.split('.');
          expect(app.triggers?.[trigger!]).toBeDefined();
          expect([id, typeof label]).toEqual(['id', 'string']);
        }
        if (field.search) expect(app.searches?.[field.search.split('.')[0]!]).toBeDefined();
      }
    }
  });

  it('pairs every search-or-create with a search of the same key and an existing create', () => {
    for (const [key, pair] of Object.entries(app.searchOrCreates ?? {})) {
      expect(pair.key).toBe(key);
      expect(app.searches?.[pair.search]).toBeDefined();
      expect(app.creates?.[pair.create]).toBeDefined();
      expect(isTitleCase(pair.display.label ?? '')).toBe(true);
    }
  });
});

describe('Zapier app definition: the steps each app offers', () => {
  const keys = (app: AppShape) => Object.fromEntries((['triggers', 'creates', 'searches'] as const).map((group) => [group, Object.keys(app[group] ?? {}).sort()]));

  it('PilotStatus: message events and the hidden template dropdown; send, cancel, import; find message', () => {
    const app = pilotStatusApp as unknown as AppShape;
    expect(keys(app)).toEqual({
      triggers: ['message_event', 'template'],
      creates: ['cancel_message', 'import_contacts', 'send_message'],
      searches: ['find_message'],
    });
    expect(app.triggers?.template?.display.hidden).toBe(true);
    expect(app.triggers?.message_event?.operation).toMatchObject({ type: 'hook' });
  });

  it('RyzeAPI: new tag, new chat in tag; create, delete, assign, unassign; find tag with find-or-create', () => {
    const app = ryzeApiApp as unknown as AppShape;
    expect(keys(app)).toEqual({
      triggers: ['new_chat_in_tag', 'new_tag'],
      creates: ['assign_tag', 'create_tag', 'delete_tag', 'unassign_tag'],
      searches: ['find_tag'],
    });
    expect(app.searchOrCreates?.find_tag).toMatchObject({ search: 'find_tag', create: 'create_tag' });
  });
});
