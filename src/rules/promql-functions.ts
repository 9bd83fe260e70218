/** The value types of PromQL expressions, with the names Prometheus uses in its error messages. */
export enum PromQLType {
  /** A single number. */
  SCALAR = 'scalar',
  /** One sample per series. */
  VECTOR = 'instant vector',
  /** A range of samples per series. */
  MATRIX = 'range vector',
  /** A string literal. */
  STRING = 'string',
}

/** The signature of a PromQL function as Prometheus 3's parser checks it. */
export interface PromQLFunction {
  /** Argument types in order; with `variadic`, the last type repeats. */
  readonly args: PromQLType[];
  /** 0: exactly `args`; n > 0: the last argument is optional and may repeat up to n times; -1: unbounded. */
  readonly variadic: number;
  /** The type of the call's result. */
  readonly returns: PromQLType;
  /** Needs `--enable-feature=promql-experimental-functions`. */
  readonly experimental: boolean;
}

const S = PromQLType.SCALAR;
const V = PromQLType.VECTOR;
const M = PromQLType.MATRIX;
const STR = PromQLType.STRING;

function fn(args: PromQLType[], returns: PromQLType = V, variadic = 0, experimental = false): PromQLFunction {
  return { args, returns, variadic, experimental };
}

const VECTOR_MATH = ['abs', 'absent', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'ceil', 'cos', 'cosh', 'deg', 'exp', 'floor',
  'histogram_avg', 'histogram_count', 'histogram_sum', 'histogram_stddev', 'histogram_stdvar', 'ln', 'log10', 'log2', 'rad', 'sgn',
  'sin', 'sinh', 'sort', 'sort_desc', 'sqrt', 'tan', 'tanh', 'timestamp'];
const OVER_TIME = ['absent_over_time', 'avg_over_time', 'changes', 'count_over_time', 'delta', 'deriv', 'idelta', 'increase', 'irate',
  'last_over_time', 'max_over_time', 'min_over_time', 'present_over_time', 'rate', 'resets', 'stddev_over_time', 'stdvar_over_time',
  'sum_over_time'];
const EXPERIMENTAL_OVER_TIME = ['first_over_time', 'mad_over_time', 'ts_of_first_over_time', 'ts_of_max_over_time', 'ts_of_min_over_time',
  'ts_of_last_over_time'];
const DATE = ['days_in_month', 'day_of_month', 'day_of_week', 'day_of_year', 'hour', 'minute', 'month', 'year'];

/** Every function Prometheus 3 knows, by name. */
export const PROMQL_FUNCTIONS: ReadonlyMap<string, PromQLFunction> = new Map<string, PromQLFunction>([
  ...VECTOR_MATH.map((name): [string, PromQLFunction] => [name, fn([V])]),
  ...OVER_TIME.map((name): [string, PromQLFunction] => [name, fn([M])]),
  ...EXPERIMENTAL_OVER_TIME.map((name): [string, PromQLFunction] => [name, fn([M], V, 0, true)]),
  ...DATE.map((name): [string, PromQLFunction] => [name, fn([V], V, 1)]),
  ['clamp', fn([V, S, S])],
  ['clamp_max', fn([V, S])],
  ['clamp_min', fn([V, S])],
  ['histogram_fraction', fn([S, S, V])],
  ['histogram_quantile', fn([S, V])],
  ['histogram_quantiles', fn([V, STR, S, S], V, 9, true)],
  ['double_exponential_smoothing', fn([M, S, S], V, 0, true)],
  ['info', fn([V, V], V, 1, true)],
  ['integral', fn([M, S], V, 1, true)],
  ['label_replace', fn([V, STR, STR, STR, STR])],
  ['label_join', fn([V, STR, STR, STR], V, -1)],
  ['pi', fn([], S)],
  ['predict_linear', fn([M, S])],
  ['quantile_over_time', fn([S, M])],
  ['round', fn([V, S], V, 1)],
  ['scalar', fn([V], S)],
  ['sort_by_label', fn([V, STR], V, -1, true)],
  ['sort_by_label_desc', fn([V, STR], V, -1, true)],
  ['time', fn([], S)],
  ['vector', fn([S])],
  ['start', fn([], S, 0, true)],
  ['end', fn([], S, 0, true)],
  ['range', fn([], S, 0, true)],
  ['step', fn([], S, 0, true)],
]);

/** Aggregation operators that take a parameter before the vector, and the parameter's type. */
export const AGGREGATION_PARAMETERS: ReadonlyMap<string, PromQLType> = new Map([
  ['topk', S],
  ['bottomk', S],
  ['quantile', S],
  ['limitk', S],
  ['limit_ratio', S],
  ['count_values', STR],
]);

/** Aggregation operators behind `--enable-feature=promql-experimental-functions`. */
export const EXPERIMENTAL_AGGREGATIONS: ReadonlySet<string> = new Set(['limitk', 'limit_ratio']);
