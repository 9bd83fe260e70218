/**
 * Go's regexp template expansion (Regexp.Expand), which Prometheus uses for `replacement` and
 * `target_label`:
 * - `$$` is a literal `$`;
 * - `$name` takes the longest run of letters, digits and `_` as the name, so `$1_x` names the
 *   group `1_x` (usually absent: it expands to nothing), while `${1}_x` is group 1 then `_x`;
 * - a name made only of digits (no leading zero, below 10^9) is a group number, anything else a
 *   group name; unknown groups and groups that did not match expand to nothing;
 * - a `$` not followed by a valid name (or an unclosed `${`) is kept as a literal `$`.
 */
export function expandTemplate(template: string, input: string, indexes: number[], names: ReadonlyMap<string, number>): string {
  let out = '';
  let rest = template;
  for (;;) {
    const dollar = rest.indexOf('$');
    if (dollar < 0) {
      break;
    }
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const ref = extractReference(rest);
    if (!ref) {
      out += '$';
      continue;
    }
    rest = ref.rest;
    const group = ref.num >= 0 ? ref.num : names.get(ref.name) ?? -1;
    if (group >= 0 && 2 * group + 1 < indexes.length && indexes[2 * group] >= 0) {
      out += input.slice(indexes[2 * group], indexes[2 * group + 1]);
    }
  }
  return out + rest;
}

const NAME_CHAR = /^[\p{L}\p{Nd}_]/u;

interface Reference {
  readonly name: string;
  /** The group number, or -1 when the name is not a number. */
  readonly num: number;
  readonly rest: string;
}

/** Reads `name` or `{name}` at the start of `text` (the `$` already consumed), as Go's extract. */
function extractReference(text: string): Reference | undefined {
  let str = text;
  const brace = str.startsWith('{');
  if (brace) {
    str = str.slice(1);
  }
  let i = 0;
  while (i < str.length) {
    const ch = String.fromCodePoint(str.codePointAt(i)!);
    if (!NAME_CHAR.test(ch)) {
      break;
    }
    i += ch.length;
  }
  if (i === 0) {
    return undefined;
  }
  const name = str.slice(0, i);
  if (brace) {
    if (str[i] !== '}') {
      return undefined;
    }
    i++;
  }
  return { name, num: groupNumber(name), rest: str.slice(i) };
}

function groupNumber(name: string): number {
  let num = 0;
  for (const ch of name) {
    if (ch < '0' || ch > '9' || num >= 1e8) {
      return -1;
    }
    num = num * 10 + (ch.charCodeAt(0) - 48);
  }
  if (name[0] === '0' && name.length > 1) {
    return -1;
  }
  return num;
}
