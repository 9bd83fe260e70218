/**
 * Child process of the benchmark: measures the size given as JSON in argv[2] with the
 * repetitions in argv[3] and sends the SizeResult (or the error) to the parent.
 */

import { measureSize } from './measure-size';

try {
  process.send!({ result: measureSize(JSON.parse(process.argv[2]), JSON.parse(process.argv[3])) });
} catch (e) {
  process.send!({ error: e instanceof Error ? e.stack ?? e.message : String(e) });
}
