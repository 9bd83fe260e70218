import { INVALID_EXPRESSIONS, KNOWN_DIFFERENCES, VALID_EXPRESSIONS } from './promql-cases';
import { PromQL } from '../../src/rules';
import { promtoolCheckRules } from '../support/prometheus-tools';

/** promtool's verdict per expression: undefined when accepted, else `line:column` and message. */
function promtoolVerdicts(expressions: string[]): Map<number, { position: string; message: string } | undefined> {
  const groups = expressions.map((expr, i) => ({ name: `g${i}`, rules: [{ record: 'r', expr }] }));
  const { output } = promtoolCheckRules({ groups });
  const verdicts = new Map<number, { position: string; message: string } | undefined>(expressions.map((_, i) => [i, undefined]));
  for (const line of output.split('\n')) {
    const m = /group "g(\d+)", rule 1, "r": could not parse expression: (\d+:\d+): parse error: (.*)$/.exec(line);
    if (m) {
      verdicts.set(Number(m[1]), { position: m[2], message: m[3] });
    } else if (/group "g\d+"/.test(line)) {
      throw new Error(`unexpected promtool output: ${line}`);
    }
  }
  return verdicts;
}

function ours(expr: string): { position: string; message: string } | undefined {
  const problem = PromQL.check(expr);
  return problem ? { position: `${problem.line}:${problem.column}`, message: problem.message } : undefined;
}

describe('PromQL checker agrees with promtool 2.53.3', () => {
  const all = [...VALID_EXPRESSIONS, ...INVALID_EXPRESSIONS, ...KNOWN_DIFFERENCES.map((d) => d.expr)];
  let verdicts: Map<number, { position: string; message: string } | undefined>;

  beforeAll(() => {
    verdicts = promtoolVerdicts(all);
  });

  test('the table is large enough to mean something', () => {
    expect(VALID_EXPRESSIONS.length).toBeGreaterThanOrEqual(50);
    expect(INVALID_EXPRESSIONS.length).toBeGreaterThanOrEqual(70);
  });

  test.each(VALID_EXPRESSIONS.map((expr, i) => [expr, i]))('accepted by both: %j', (expr, i) => {
    expect(verdicts.get(i as number)).toBeUndefined();
    expect(ours(expr as string)).toBeUndefined();
  });

  test.each(INVALID_EXPRESSIONS.map((expr, i) => [expr, VALID_EXPRESSIONS.length + i]))('rejected by both at the same position: %j', (expr, i) => {
    const theirs = verdicts.get(i as number);
    expect(theirs).toBeDefined();
    expect(ours(expr as string)?.position).toEqual(theirs!.position);
  });

  test('type errors carry Prometheus\'s own message', () => {
    const semantic = INVALID_EXPRESSIONS.map((expr, i) => ({ expr, theirs: verdicts.get(VALID_EXPRESSIONS.length + i)! }))
      // limitk is unknown to Prometheus 2.53 and experimental in Prometheus 3: same verdict and position, other words.
      .filter(({ expr }) => !expr.startsWith('limitk'))
      .filter(({ theirs }) => /^(expected|binary|comparisons|set operator|ranges|offset|vector|metric|no |wrong|bool|label|unary|duration|function|unknown function|@)/.test(theirs.message));
    expect(semantic.length).toBeGreaterThanOrEqual(30);
    for (const { expr, theirs } of semantic) {
      expect({ expr, message: ours(expr)!.message }).toEqual({ expr, message: theirs.message });
    }
  });

  test.each(KNOWN_DIFFERENCES.map((d, i) => [d.expr, d, VALID_EXPRESSIONS.length + INVALID_EXPRESSIONS.length + i]))(
    'documented difference: %j', (_expr, difference, i) => {
      const d = difference as (typeof KNOWN_DIFFERENCES)[number];
      expect(verdicts.get(i as number) === undefined).toBe(d.promtool);
      expect(ours(d.expr) === undefined).toBe(d.ours);
    });
});

describe('PromQL.check', () => {
  test('reports the first problem with line and column', () => {
    expect(PromQL.check('sum(rate(x[5m]) by job')).toEqual({ line: 1, column: 17, message: 'unexpected identifier "by"' });
    expect(PromQL.check('up ==\n bar baz')).toMatchObject({ line: 2, column: 6 });
  });

  test('counts columns in UTF-8 bytes, as Prometheus does', () => {
    // "bar" is the 14th character but starts at byte 18: each of 日 and 本 takes three bytes.
    expect(PromQL.check('up{job="日本"} bar')).toMatchObject({ line: 1, column: 18 });
  });

  test('accepts a valid expression', () => {
    expect(PromQL.check('sum by (job) (rate(http_requests_total[5m])) > 0')).toBeUndefined();
  });

  test('rejects experimental features as the operator\'s default Prometheus does', () => {
    expect(PromQL.check('x[5m + 1m]')?.message).toBe('experimental duration expression is not enabled');
    expect(PromQL.check('x offset (5m)')?.message).toBe('experimental duration expression is not enabled');
    expect(PromQL.check('limitk(2, x)')?.message).toMatch(/experimental/);
    expect(PromQL.check('x > on(a) fill(0) y')?.message).toBe('binop fill modifiers are experimental and not enabled');
  });
});
