/**
 * Every check, in the order they run. Add a check by writing `checks/<check-id>.ts` and listing
 * it here.
 */

import { Check } from './check';
import { amAlertingEndpoint } from './checks/am-alerting-endpoint';
import { amConfigInvalid } from './checks/am-config-invalid';
import { amConfigSecret } from './checks/am-config-secret';
import { authAdditionalConfig } from './checks/auth-additional-config';
import { authSecretMissing } from './checks/auth-secret-missing';
import { haEphemeralStorage } from './checks/ha-ephemeral-storage';
import { haPdb } from './checks/ha-pdb';
import { manifestNoNamespace } from './checks/manifest-no-namespace';
import { portNameInvalid } from './checks/port-name-invalid';
import { portPodPortUndeclared } from './checks/port-pod-port-undeclared';
import { portPodTargetPortDeprecated } from './checks/port-pod-targetport-deprecated';
import { portServicePortName } from './checks/port-service-port-name';
import { portTargetPortMisuse } from './checks/port-targetport-misuse';
import { portUnfilteredEndpoint } from './checks/port-unfiltered-endpoint';
import { rbacDiscovery } from './checks/rbac-discovery';
import { ruleDuplicate } from './checks/rule-duplicate';
import { ruleInvalid } from './checks/rule-invalid';
import { scrapeClassUnknown } from './checks/scrape-class-unknown';
import { scrapeDuplicateJob } from './checks/scrape-duplicate-job';
import { scrapePath } from './checks/scrape-path';
import { scrapeTimeoutGtInterval } from './checks/scrape-timeout-gt-interval';
import { selInvalidSelector } from './checks/sel-invalid-selector';
import { selMonitorUnselected } from './checks/sel-monitor-unselected';
import { selNamespaceUnselected } from './checks/sel-namespace-unselected';
import { selNilSelector } from './checks/sel-nil-selector';
import { selRuleUnselected } from './checks/sel-rule-unselected';
import { versionIgnoredField } from './checks/version-ignored-field';
import { wireJobLabel } from './checks/wire-joblabel';
import { wireNamespaceMismatch } from './checks/wire-namespace-mismatch';
import { wireNoMatchingTargetObject } from './checks/wire-no-matching-target-object';
import { wireServiceNoPods } from './checks/wire-service-no-pods';
import { wireServiceTargetPortUndeclared } from './checks/wire-service-targetport-undeclared';

/**
 * All checks, by area: selection, wiring, ports, scrape settings, credentials, rules,
 * Alertmanager, RBAC, availability, manifests. OPERATOR-REJECTED runs after these (see run.ts).
 */
export const CHECKS: readonly Check[] = [
  selMonitorUnselected,
  selNamespaceUnselected,
  selNilSelector,
  selRuleUnselected,
  selInvalidSelector,
  wireNoMatchingTargetObject,
  wireNamespaceMismatch,
  wireServiceNoPods,
  wireServiceTargetPortUndeclared,
  wireJobLabel,
  portServicePortName,
  portTargetPortMisuse,
  portPodPortUndeclared,
  portPodTargetPortDeprecated,
  portUnfilteredEndpoint,
  portNameInvalid,
  scrapeTimeoutGtInterval,
  scrapeClassUnknown,
  scrapeDuplicateJob,
  scrapePath,
  versionIgnoredField,
  authSecretMissing,
  authAdditionalConfig,
  ruleInvalid,
  ruleDuplicate,
  amConfigInvalid,
  amConfigSecret,
  amAlertingEndpoint,
  rbacDiscovery,
  haEphemeralStorage,
  haPdb,
  manifestNoNamespace,
];

/** The check with `id`, or undefined. */
export function findCheck(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}
