/** Reading manifests from files, folders and stdin, and remembering where each object came from. */

export { loadManifests, parseManifests, listManifestFiles, STDIN_NAME } from './load';
export { InputError, recordSource, sourceOf, carrySource, describeSource, describeObject } from './source';
export type { InputSource } from './source';
