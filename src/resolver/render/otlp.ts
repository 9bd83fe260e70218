/** The `otlp` section (spec.otlp): how metrics received over OTLP are translated. */

import { RenderContext } from './context';
import { RenderError } from './errors';
import { versionBelow } from './version';

/**
 * The value of the `otlp` section (the operator's appendOTLPConfig), or undefined when spec.otlp
 * is not set or sets nothing the version supports. Throws where the operator refuses the
 * configuration: Prometheus < 2.55, a translation strategy the version or the name validation
 * scheme does not allow, and (from 3.5) contradictory resource attribute settings.
 */
export function renderOTLP(ctx: RenderContext): Record<string, unknown> | undefined {
  const o = ctx.spec.otlp;
  if (o == null) return undefined;
  validateOTLP(ctx, o);

  const otlp: Record<string, unknown> = {};
  if ((o.promoteResourceAttributes ?? []).length > 0) {
    ctx.minVersion('2.55.0').set(otlp, 'promote_resource_attributes', o.promoteResourceAttributes);
  }
  if (o.translationStrategy != null) ctx.minVersion('3.0.0').set(otlp, 'translation_strategy', o.translationStrategy);
  if (o.keepIdentifyingResourceAttributes != null) {
    ctx.minVersion('3.1.0').set(otlp, 'keep_identifying_resource_attributes', o.keepIdentifyingResourceAttributes);
  }
  if (o.convertHistogramsToNHCB != null) ctx.minVersion('3.4.0').set(otlp, 'convert_histograms_to_nhcb', o.convertHistogramsToNHCB);
  if (o.promoteAllResourceAttributes != null) {
    ctx.minVersion('3.5.0').set(otlp, 'promote_all_resource_attributes', o.promoteAllResourceAttributes);
  }
  if ((o.ignoreResourceAttributes ?? []).length > 0) {
    ctx.minVersion('3.5.0').set(otlp, 'ignore_resource_attributes', o.ignoreResourceAttributes);
  }
  if (o.promoteScopeMetadata != null) ctx.minVersion('3.6.0').set(otlp, 'promote_scope_metadata', o.promoteScopeMetadata);
  if (o.labelNameUnderscoreSanitization != null) {
    ctx.minVersion('3.8.0').set(otlp, 'label_name_underscore_sanitization', o.labelNameUnderscoreSanitization);
  }
  if (o.labelNamePreserveMultipleUnderscores != null) {
    ctx.minVersion('3.8.0').set(otlp, 'label_name_preserve_multiple_underscores', o.labelNamePreserveMultipleUnderscores);
  }
  return Object.keys(otlp).length > 0 ? otlp : undefined;
}

function validateOTLP(ctx: RenderContext, o: any): void {
  const fail = (message: string, field = 'spec.otlp'): never => {
    throw new RenderError(message, ctx.prometheus, field);
  };
  const strategy: string = o.translationStrategy ?? '';
  const field = 'spec.otlp.translationStrategy';
  if (versionBelow(ctx.version, '2.55.0')) fail('OTLP configuration is only supported from Prometheus version 2.55.0');
  if (strategy === 'NoUTF8EscapingWithSuffixes' && ctx.spec.nameValidationScheme === 'Legacy') {
    fail('nameValidationScheme "Legacy" is not compatible with OTLP translation strategy "NoUTF8EscapingWithSuffixes"', field);
  }
  if (strategy === 'NoTranslation' && versionBelow(ctx.version, '3.4.0')) {
    fail('translation strategy "NoTranslation" is only supported from Prometheus version 3.4.0', field);
  }
  if (strategy === 'UnderscoreEscapingWithoutSuffixes' && versionBelow(ctx.version, '3.6.0')) {
    fail('translation strategy "UnderscoreEscapingWithoutSuffixes" is only supported from Prometheus version 3.6.0', field);
  }
  if (versionBelow(ctx.version, '3.5.0')) return;
  const promoteAll = o.promoteAllResourceAttributes === true;
  if ((o.promoteResourceAttributes ?? []).length > 0 && promoteAll) {
    fail("'promoteAllResourceAttributes' cannot be set to 'true' simultaneously with 'promoteResourceAttributes'", 'spec.otlp.promoteAllResourceAttributes');
  }
  if ((o.ignoreResourceAttributes ?? []).length > 0 && !promoteAll) {
    fail("'ignoreResourceAttributes' can only be set when 'promoteAllResourceAttributes' is true", 'spec.otlp.ignoreResourceAttributes');
  }
}
