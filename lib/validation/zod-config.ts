import { z } from 'zod';

/**
 * zod's own settings for every schema in this folder; each schema module imports this file first,
 * so it runs before any schema is built — in the browser and on the server alike.
 *
 * 1. Messages worded for a person. zod's defaults are written for programmers ("Too big: expected
 *    string to have <=200 characters"), and any of them can reach a form or an API answer. A schema
 *    or check with its own message keeps it; every other issue gets {@link plainMessage}.
 * 2. No eval probe in the browser. zod compiles each object schema into a fast parser with
 *    `new Function` when it finds that eval works, and probes that with `Function("")` as the schema
 *    is built. The page's Content-Security-Policy forbids eval, so in the browser that probe is a CSP
 *    violation; there zod uses its interpreter instead. The server keeps the compiled parsers.
 */
z.config({ customError: plainMessage, ...(typeof window !== 'undefined' ? { jitless: true } : {}) });

/** "1 character", "250 characters". */
function count(n: number | bigint, unit: string): string {
  return `${n.toLocaleString('en-GB')} ${unit}${n === 1 || n === BigInt(1) ? '' : 's'}`;
}

/** A file size as a person reads it: "2 MB", "500 KB", "300 bytes". */
function bytes(n: number | bigint): string {
  const value = Number(n);
  if (value >= 1024 * 1024 && value % (1024 * 1024) === 0) return `${value / (1024 * 1024)} MB`;
  if (value >= 1024 && value % 1024 === 0) return `${value / 1024} KB`;
  return count(value, 'byte');
}

/** "“a”", "“a” or “b”", "“a”, “b” or “c”". */
function choices(values: readonly unknown[]): string {
  const words = values.map((v) => `“${String(v)}”`);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** The size of what was sent, when it has one: " (this has 250)". */
function sizeOf(input: unknown): string {
  const size =
    typeof input === 'string' ? input.length : Array.isArray(input) ? input.length : input instanceof Set || input instanceof Map ? input.size : null;
  return size === null ? '' : ` (this has ${size.toLocaleString('en-GB')})`;
}

const SIZED_UNITS: Record<string, string> = { string: 'character', array: 'item', set: 'item', map: 'entry' };

/** What an expected type asks the person to give. */
function kindWanted(expected: string): string {
  switch (expected) {
    case 'int':
      return 'Enter a whole number.';
    case 'number':
    case 'bigint':
    case 'nan':
      return 'Enter a number.';
    case 'string':
      return 'Enter some text.';
    case 'boolean':
      return 'Choose yes or no.';
    case 'date':
      return 'Enter a date.';
    case 'array':
    case 'set':
      return 'Give a list here.';
    default:
      return 'This value is not the kind this field takes.';
  }
}

const FORMAT_WORDS: Record<string, string> = {
  email: 'Enter an email address, like ada@example.com.',
  url: 'Enter a web address, like https://example.com.',
  date: 'Enter a date, like 2025-03-14.',
  datetime: 'Enter a date and time.',
  time: 'Enter a time, like 14:30.',
};

/**
 * A plain message for any zod issue: what to do, in the words of the form, with the numbers that
 * matter. Never zod's "expected", "<=", type names or "Invalid input".
 *
 * @example plainMessage({ code: 'too_big', origin: 'string', maximum: 200, input: 'x'.repeat(250), … }) // 'Use at most 200 characters (this has 250).'
 */
export function plainMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'Required.';
      if (issue.expected === 'number' && typeof issue.input === 'number') return 'Enter a number.';
      return kindWanted(issue.expected);
    case 'too_big': {
      const max = issue.maximum;
      const unit = SIZED_UNITS[issue.origin];
      if (unit) {
        if (issue.exact) return `Use exactly ${count(max, unit)}${sizeOf(issue.input)}.`;
        return `Use at most ${count(max, unit)}${sizeOf(issue.input)}.`;
      }
      if (issue.origin === 'file') return `Use a file of at most ${bytes(max)}.`;
      if (issue.origin === 'date') return `Enter a date no later than ${String(issue.maximum)}.`;
      return issue.inclusive === false ? `Enter a number below ${max}.` : `Enter ${max} or less.`;
    }
    case 'too_small': {
      const min = issue.minimum;
      const unit = SIZED_UNITS[issue.origin];
      if (unit) {
        const empty = (typeof issue.input === 'string' && issue.input.trim() === '') || (Array.isArray(issue.input) && issue.input.length === 0);
        if (empty) return Number(min) <= 1 ? 'Required.' : `Required: use at least ${count(min, unit)}.`;
        if (issue.exact) return `Use exactly ${count(min, unit)}${sizeOf(issue.input)}.`;
        return `Use at least ${count(min, unit)}${sizeOf(issue.input)}.`;
      }
      if (issue.origin === 'file') return `Use a file of at least ${bytes(min)}.`;
      if (issue.origin === 'date') return `Enter a date no earlier than ${String(issue.minimum)}.`;
      return issue.inclusive === false ? `Enter a number above ${min}.` : `Enter ${min} or more.`;
    }
    case 'invalid_format':
      if (issue.format === 'starts_with') return `Start with “${(issue as { prefix?: string }).prefix ?? ''}”.`;
      if (issue.format === 'ends_with') return `End with “${(issue as { suffix?: string }).suffix ?? ''}”.`;
      if (issue.format === 'includes') return `Include “${(issue as { includes?: string }).includes ?? ''}”.`;
      return FORMAT_WORDS[issue.format] ?? 'This is not written the way this field needs.';
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? 'Enter a whole number.' : `Enter a multiple of ${issue.divisor}.`;
    case 'unrecognized_keys':
      return issue.keys.length === 1 ? `${choices(issue.keys)} is not a field here.` : `${choices(issue.keys)} are not fields here.`;
    case 'invalid_value':
      return issue.values.length === 1 ? `Use ${choices(issue.values)}.` : `Choose ${choices(issue.values)}.`;
    case 'invalid_union':
      return 'This matches none of the forms this field takes.';
    case 'invalid_key':
      return 'One of the names in this list is not allowed.';
    case 'invalid_element':
      return 'One of the items in this list is not allowed.';
    default:
      return 'Check this value.';
  }
}
