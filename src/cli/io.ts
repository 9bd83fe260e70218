/** Where the command-line tool reads and writes: injectable, so that tests run it in-process. */

/** The streams a command uses. */
export interface CliIo {
  /** Writes text to standard output (no newline is added). */
  stdout(text: string): void;
  /** Writes text to standard error (no newline is added). */
  stderr(text: string): void;
  /** Reads the whole of standard input. */
  readStdin(): Promise<string>;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      process.stdin.on('data', (c: Buffer) => chunks.push(c));
      process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      process.stdin.on('error', reject);
    }),
  };
}
