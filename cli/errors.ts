import { readFileSync } from 'node:fs';

/** An error meant for the person at the terminal: printed without a stack, exits non-zero. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/**
 * Reads a CSV file, parses every row first, then replaces what the store holds: the one shape of
 * `roster import` and `commitments import`. A file error (unreadable, or a bad row named by the
 * parser's own error class) becomes a CliError; a bad file changes nothing.
 */
export async function importCsvFile<T extends { code: string }>(input: {
  file: string;
  parse: (text: string) => T[];
  store: { replace(items: T[]): Promise<{ written: number; deleted: number }> };
  fileError: new (...args: never[]) => Error;
  /** What is stored, and what the codes are, for the summary line ("appointments", "codes"). */
  noun: string;
  codesNoun: string;
}): Promise<void> {
  let text: string;
  try {
    text = readFileSync(input.file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${input.file}: ${(error as Error).message}`);
  }
  try {
    const items = input.parse(text);
    const { written, deleted } = await input.store.replace(items);
    const codes = new Set(items.map((i) => i.code));
    process.stdout.write(
      `${input.file}: ${written} ${input.noun} for ${codes.size} ${input.codesNoun} stored, ${deleted} no longer listed removed\n`,
    );
  } catch (error) {
    if (error instanceof input.fileError) throw new CliError(error.message);
    throw error;
  }
}
