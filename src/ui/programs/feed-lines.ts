/**
 * Feed commands from forms, pure. `feedLine` writes one `feed PROG IN VALUE [val=…]
 * [time=…] [diff=…]` from form fields (blank optional fields are left out).
 * `jsonRowsToFeedLines` turns pasted JSON rows — `[[key, val, diff?], …]` with values in
 * SERVER.md's JSON form — into feed lines, or says which row is not valid. Values are
 * written back in the command-line syntax: a Tuple of Ints as `1,2`, anything else as
 * a closed term without spaces (`formatValue`).
 */
import { valueFromJson } from '../../lang/value-json.js';
import { formatValue } from '../../lang/value-print.js';
import type { Value } from '../../lang/value.js';

/** The fields of the feed form (strings as typed). */
export interface FeedFields {
  readonly key: string;
  readonly val: string;
  readonly time: string;
  readonly diff: string;
}

/** The command-line token of a value. */
export function valueToken(v: Value): string {
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number' || typeof x === 'bigint')) {
    return v.map(String).join(',');
  }
  // Values hold no strings, so removing whitespace never changes a term's meaning.
  return formatValue(v).replace(/\s+/g, '');
}

/** One feed line from the form (fields trimmed; the key may not be blank, `_` is unit). */
export function feedLine(program: string, input: number, fields: FeedFields): string {
  const parts = ['feed', program, String(input), fields.key.trim() === '' ? '_' : fields.key.trim()];
  if (fields.val.trim() !== '') parts.push(`val=${fields.val.trim()}`);
  if (fields.time.trim() !== '') parts.push(`time=${fields.time.trim()}`);
  if (fields.diff.trim() !== '' && fields.diff.trim() !== '1') parts.push(`diff=${fields.diff.trim()}`);
  return parts.join(' ');
}

/** Feed lines for pasted JSON rows, or the first problem found. */
export function jsonRowsToFeedLines(
  program: string,
  input: number,
  text: string,
): { readonly lines: string[] } | { readonly error: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { error: `Not JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!Array.isArray(parsed)) return { error: 'Expected an array of rows: [[key, val, diff], …]' };
  const lines: string[] = [];
  for (const [i, row] of parsed.entries()) {
    if (!Array.isArray(row) || row.length < 1 || row.length > 3) {
      return { error: `Row ${i + 1}: expected [key], [key, val] or [key, val, diff]` };
    }
    const key = valueFromJson(row[0]);
    const val = row.length >= 2 ? valueFromJson(row[1]) : ([] as Value);
    const diff: unknown = row[2] ?? 1;
    if (key === undefined) return { error: `Row ${i + 1}: the key is not a value` };
    if (val === undefined) return { error: `Row ${i + 1}: the val is not a value` };
    if (typeof diff !== 'number' || !Number.isSafeInteger(diff) || diff === 0) {
      return { error: `Row ${i + 1}: diff must be a non-zero integer` };
    }
    const parts = ['feed', program, String(input), valueToken(key)];
    if (!(Array.isArray(val) && val.length === 0)) parts.push(`val=${valueToken(val)}`);
    if (diff !== 1) parts.push(`diff=${diff}`);
    lines.push(parts.join(' '));
  }
  return { lines };
}
