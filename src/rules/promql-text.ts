/** Text helpers for PromQL: Go-style string unquoting and line:column positions as Prometheus reports them. */

const SIMPLE_ESCAPES: { [c: string]: string } = { 'a': '\x07', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v', '\\': '\\' };

/**
 * Unquotes a PromQL string literal (`"..."`, `'...'` or `` `...` ``) with Go's escape rules.
 * Returns undefined when the literal is unterminated or has an invalid escape.
 */
export function unquotePromQLString(literal: string): string | undefined {
  const quote = literal[0];
  if (literal.length < 2 || literal[literal.length - 1] !== quote) {
    return undefined;
  }
  const body = literal.slice(1, -1);
  if (quote === '`') {
    return body.includes('`') ? undefined : body;
  }
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\n' || c === quote) {
      return undefined;
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) {
      return undefined;
    }
    if (SIMPLE_ESCAPES[e] !== undefined) {
      out += SIMPLE_ESCAPES[e];
    } else if (e === quote) {
      out += e;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const width = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + width);
      if (!new RegExp(`^[0-9a-fA-F]{${width}}$`).test(hex) || parseInt(hex, 16) > 0x10ffff) {
        return undefined;
      }
      out += String.fromCodePoint(parseInt(hex, 16));
      i += width;
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) {
        return undefined;
      }
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else {
      return undefined;
    }
  }
  return out;
}

/** A 1-based line and column; the column counts UTF-8 bytes, as Prometheus does. */
export interface TextPosition {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column in bytes from the start of the line. */
  readonly column: number;
}

/** The Prometheus-style position of the character at `offset` (a JavaScript string index) in `text`. */
export function positionOf(text: string, offset: number): TextPosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const line = before.split('\n').length;
  return { line, column: Buffer.byteLength(before.slice(lineStart), 'utf8') + 1 };
}
