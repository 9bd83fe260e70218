/**
 * Prometheus label and metric names under its two validation schemes: legacy (Prometheus 2:
 * `[a-zA-Z_][a-zA-Z0-9_]*`) and UTF-8 (Prometheus 3: any non-empty text that is valid UTF-8).
 */

/** A label name under the legacy scheme. */
export const LEGACY_LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A metric name under the legacy scheme (label name characters plus `:`). */
export const LEGACY_METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

/**
 * A legacy label name that may hold `$1` or `${name}` references to regex groups (Prometheus's
 * check of relabeling target labels and labelmap replacements).
 */
export const LEGACY_TEMPLATED_LABEL_NAME = /^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$/;

/** True when `text` has no lone surrogate, i.e. it encodes to valid UTF-8 (Go's utf8.ValidString). */
export function isWellFormedUtf8(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** True when `name` is a valid label name: legacy by default, any non-empty UTF-8 text when `utf8` is set. */
export function isValidLabelName(name: string, utf8: boolean = false): boolean {
  return utf8 ? name.length > 0 && isWellFormedUtf8(name) : LEGACY_LABEL_NAME.test(name);
}

/** True when `name` is a valid metric name: legacy by default, any non-empty UTF-8 text when `utf8` is set. */
export function isValidMetricName(name: string, utf8: boolean = false): boolean {
  return utf8 ? name.length > 0 && isWellFormedUtf8(name) : LEGACY_METRIC_NAME.test(name);
}

/**
 * True when `name` is a valid label name that may reference regex groups (`$1`, `${name}`): the
 * legacy templated form by default, any valid UTF-8 label name when `utf8` is set.
 */
export function isValidTemplatedLabelName(name: string, utf8: boolean = false): boolean {
  return utf8 ? isValidLabelName(name, true) : LEGACY_TEMPLATED_LABEL_NAME.test(name);
}
