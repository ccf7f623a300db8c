import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Every TypeScript file under a folder of the repository. */
function sources(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
}

describe('zod imports in the function code', () => {
  it('use the namespace import, which lets esbuild leave out zod’s 40 locales (~360 KB a bundle)', () => {
    // `import { z } from 'zod'` binds the object that references every locale; `import * as z` does not.
    const named = [...sources('functions'), ...sources('templates')].filter((file) =>
      /import\s*\{[^}]*\bz\b[^}]*\}\s*from\s*'zod'/.test(readFileSync(path.join(root, file), 'utf8')),
    );
    expect(named).toEqual([]);
  });
});
