import { IConstruct } from 'constructs';
import { fail } from '../common/errors';
import { isValidLabelName, isValidMetricName, isWellFormedUtf8 } from '../resolver/relabel/label-names';

// Metric and label names use the legacy scheme. Prometheus 3 would accept any UTF-8 name, but the
// legacy scheme is what Prometheus 2, Thanos before 0.38 and PromQL without quoting accept, so rules
// stay portable.

/** Validates a recording rule's `record`: a metric name, and not a PromQL expression pasted by mistake. */
export function validateRecordName(scope: IConstruct, field: string, record: string): void {
  if (!isValidMetricName(record)) {
    const hint = /[{}()[\]]/.test(record) ? ' It looks like PromQL: the expression belongs in `expr`.' : '';
    fail(scope, field, `"${record}" is not a valid recording rule name.${hint} Use a metric name: letters, digits, '_' and ':', not starting with a digit (e.g. job:http_requests:rate5m).`);
  }
}

/** Validates an alert name: the value of the `alertname` label, free text without the usual mistakes. */
export function validateAlertName(scope: IConstruct, field: string, alert: string): void {
  if (alert.trim() === '' || alert !== alert.trim() || /[\u0000-\u001f{}]/.test(alert) || !isWellFormedUtf8(alert)) {
    fail(scope, field, `${JSON.stringify(alert)} is not a valid alert name. Use a non-empty name without leading or trailing spaces, control characters or braces (e.g. HighErrorRate).`);
  }
}

/** Validates the label names (and values) of a rule or group as Prometheus rule files require. */
export function validateRuleLabels(scope: IConstruct, field: string, labels: { [name: string]: string } | undefined): void {
  for (const [name, value] of Object.entries(labels ?? {})) {
    if (!isValidLabelName(name) || name === '__name__') {
      fail(scope, `${field}.${name}`, `"${name}" is not a valid label name. Use letters, digits and '_', not starting with a digit, and not __name__.`);
    }
    if (typeof value !== 'string' || !isWellFormedUtf8(value)) {
      fail(scope, `${field}.${name}`, `${JSON.stringify(value)} is not a valid label value. Use a string of valid UTF-8 text.`);
    }
  }
}

/** Validates annotation names, which follow the label name rules. */
export function validateAnnotationNames(scope: IConstruct, field: string, annotations: { [name: string]: string }): void {
  for (const name of Object.keys(annotations)) {
    if (!isValidLabelName(name)) {
      fail(scope, `${field}.${name}`, `"${name}" is not a valid annotation name. Use letters, digits and '_', not starting with a digit (e.g. summary, runbook_url).`);
    }
  }
}

/**
 * Checks the Go template actions in an alerting rule's label or annotation values: every `{{`
 * needs its `}}` (Prometheus rejects the rule otherwise).
 */
export function validateTemplate(scope: IConstruct, field: string, text: string): void {
  let from = 0;
  for (;;) {
    const open = text.indexOf('{{', from);
    if (open < 0) {
      return;
    }
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      fail(scope, field, `the template action opened at character ${open + 1} of ${JSON.stringify(text)} is never closed. Close every "{{" with "}}" (e.g. "{{ $labels.instance }}").`);
    }
    from = close + 2;
  }
}
