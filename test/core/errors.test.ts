import { z } from 'zod/v4';
import {
  PackError,
  ValidationError,
  describeValue,
  fail,
  fromZodIssues,
  isPackError,
  issue,
  ok,
  unwrap,
  withPrefix,
  type ValidationIssue,
} from '../../shared/errors';
import { expectIssues, expectWellFormed } from './parsed';

describe('issue()', () => {
  it('puts the field first in the message so it stands alone in a log', () => {
    const i = issue('destinationNumber', 'phone.too_short', 'is too short');
    expect(i).toEqual({ field: 'destinationNumber', rule: 'phone.too_short', reason: 'is too short', message: 'destinationNumber is too short' });
  });

  it('capitalizes the reason when there is no field', () => {
    expect(issue('', 'type', 'must be an object').message).toBe('Must be an object');
  });
});

describe('ok / fail / unwrap', () => {
  it('ok wraps a value and unwrap returns it', () => {
    expect(ok(5)).toEqual({ ok: true, value: 5 });
    expect(unwrap(ok('x'))).toBe('x');
  });

  it('unwrap throws a ValidationError carrying every issue', () => {
    const a = issue('labels.0', 'label.empty', 'must not be empty');
    const b = issue('labels.3', 'label.type', 'must be text, got a number');
    let thrown: unknown;
    try {
      unwrap(fail(a, b));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    expect(thrown).toBeInstanceOf(PackError);
    expect(isPackError(thrown)).toBe(true);
    const error = thrown as ValidationError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.name).toBe('ValidationError');
    expect(error.issues).toEqual([a, b]);
    expect(error.message).toBe('2 problems: labels.0 must not be empty; labels.3 must be text, got a number');
  });

  it('a single issue becomes the whole message', () => {
    const error = new ValidationError([issue('groupId', 'destination.not_group', 'must be a group')]);
    expect(error.message).toBe('groupId must be a group');
    expect(error.issues[0]).toMatchObject({ field: 'groupId', rule: 'destination.not_group' });
  });

  it('no issues still gives a message', () => {
    expect(new ValidationError([]).message).toBe('Invalid input');
  });

  it('toJSON is serializable and includes the issues and the hint', () => {
    const i = issue('phone', 'required', 'is required');
    const error = new ValidationError([i], 'Map a phone field');
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ValidationError',
      code: 'VALIDATION_FAILED',
      message: 'phone is required',
      hint: 'Map a phone field',
      issues: [i],
    });
    expect(new ValidationError([i]).toJSON()).not.toHaveProperty('hint');
  });

  it('isPackError is false for other errors and values', () => {
    expect(isPackError(new Error('x'))).toBe(false);
    expect(isPackError({ code: 'VALIDATION_FAILED' })).toBe(false);
  });
});

describe('withPrefix()', () => {
  it('re-roots fields under a parent and rebuilds the message', () => {
    const [re] = withPrefix('labels', [issue('2', 'label.empty', 'must not be empty')]);
    expect(re).toEqual({ field: 'labels.2', rule: 'label.empty', reason: 'must not be empty', message: 'labels.2 must not be empty' });
  });

  it('an issue without a field takes the prefix as its field', () => {
    const [re] = withPrefix('buttons', [issue('', 'too_big', 'must have at most 3 buttons')]);
    expect(re).toMatchObject({ field: 'buttons', rule: 'too_big', message: 'buttons must have at most 3 buttons' });
  });

  it('an empty prefix keeps the issues as they are (in a new array)', () => {
    const issues = [issue('a', 'r', 'is bad')];
    const out = withPrefix('', issues);
    expect(out).toEqual(issues);
    expect(out).not.toBe(issues);
  });
});

describe('describeValue() names the type without echoing the value', () => {
  it.each<[string, unknown, string]>([
    ['null', null, 'null'],
    ['undefined', undefined, 'undefined'],
    ['a list', [1, 2], 'a list'],
    ['an object', { phone: '+5511999999999' }, 'an object'],
    ['a number', 5511999999999, 'a number'],
    ['NaN', Number.NaN, 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['a boolean', true, 'a boolean'],
    ['a string', 'secret', 'a string'],
    ['a bigint', 10n, 'a bigint'],
    ['a symbol', Symbol('s'), 'a symbol'],
    ['a function', () => 1, 'a function'],
    ['a date', new Date(0), 'an object'],
  ])('%s', (_name, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('never contains the digits of a phone it describes', () => {
    expect(describeValue(5511999999999)).not.toContain('5511999999999');
  });
});

describe('fromZodIssues()', () => {
  const schema = z.object({
    text: z.string().max(5, { error: 'must be at most 5 characters' }),
    buttons: z.array(z.string()).max(1),
    email: z.email().optional(),
    n: z.number(),
  });

  it('maps path, rule and reason, our sentences kept and zod defaults reworded', () => {
    const result = schema.safeParse({ text: 'toolong', buttons: ['a', 'b'], email: 'nope', n: 'x' });
    expect(result.success).toBe(false);
    const issues = fromZodIssues(result.error!.issues, 'message');
    expect(issues.map((i) => [i.field, i.rule])).toEqual([
      ['message.text', 'string.too_big'],
      ['message.buttons', 'array.too_big'],
      ['message.email', 'format.email'],
      ['message.n', 'invalid_type'],
    ]);
    for (const i of issues) expectWellFormed(i);
    expect(issues[0]!.reason).toBe('must be at most 5 characters');
    expect(issues[3]!.reason).toBe('must be a number');
    expect(issues[2]!.reason).toMatch(/^is invalid \(/);
  });

  it('without a prefix the field is the zod path alone', () => {
    const result = z.object({ a: z.object({ b: z.string() }) }).safeParse({ a: { b: 1 } });
    const issues: ValidationIssue[] = fromZodIssues(result.error!.issues);
    expectIssues(fail(...issues), [['a.b', 'invalid_type']]);
  });
});
