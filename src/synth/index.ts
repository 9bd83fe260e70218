// Re-exports of the synth-time outputs.
export { RenderedConfigs } from './rendered-configs';
export type { RenderedConfigsOptions } from './rendered-configs';
export type { RenderedConfig } from './rendered-config';
