import { expandTemplate } from './expand';
import { compileAnchored, RE2Expression } from './re2';

/**
 * Why `source` is not a valid relabeling regex (Go's error text), or undefined when it is.
 * Prometheus compiles relabeling regexes with RE2, anchored as `^(?:<source>)$`; this checks the same way.
 */
export function relabelRegexError(source: string): string | undefined {
  try {
    compileAnchored(source);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * A relabeling regular expression as Prometheus compiles it: RE2 syntax, anchored at both ends
 * (`^(?:<source>)$`), so that it must match the whole input.
 */
export class RelabelRegexp {
  /** The expression as written in the configuration (without the anchors). */
  public readonly source: string;
  private readonly compiled: RE2Expression;
  private readonly names: Map<string, number>;

  /** Compiles `source`; throws an Error naming the expression when it is not valid RE2. */
  constructor(source: string) {
    this.source = source;
    try {
      this.compiled = compileAnchored(source);
    } catch (e) {
      throw new Error(`invalid regex ${JSON.stringify(source)}: ${(e as Error).message}`);
    }
    this.names = new Map(Object.entries(this.compiled.namedGroups()));
  }

  /** True when the expression matches the whole of `input`. */
  public matches(input: string): boolean {
    return this.compiled.matcher(input).find();
  }

  /**
   * The start/end offsets of the match and of each group (Go's FindStringSubmatchIndex):
   * `[start0, end0, start1, end1, ...]` with -1 for groups that did not take part; undefined
   * when there is no match.
   */
  public matchIndexes(input: string): number[] | undefined {
    const m = this.compiled.matcher(input);
    if (!m.find()) {
      return undefined;
    }
    const out: number[] = [];
    for (let g = 0; g <= m.groupCount(); g++) {
      out.push(m.start(g), m.end(g));
    }
    return out;
  }

  /** Expands a `$1`/`${name}` template against a match of `input` (Go's Regexp.ExpandString). */
  public expand(template: string, input: string, indexes: number[]): string {
    return expandTemplate(template, input, indexes, this.names);
  }

  /**
   * Go's ReplaceAllString for an anchored expression: the whole input is replaced by the expanded
   * template when it matches; otherwise the input is returned unchanged.
   */
  public replaceAll(input: string, template: string): string {
    const indexes = this.matchIndexes(input);
    return indexes ? this.expand(template, input, indexes) : input;
  }
}
