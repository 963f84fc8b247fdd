import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'personal-data-key';

/**
 * The master key's secret: PERSONAL_DATA_KEY when set, else one generated on first use and kept
 * in DATA_DIR (like the JWT key), so that a local start needs no configuration. In production set
 * PERSONAL_DATA_KEY: every instance must share it, and without it no personal data can be read.
 */
export function personalDataSecret(configured: string | undefined, dataDir: string): { secret: string; generated: boolean } {
  if (configured) return { secret: configured, generated: false };
  const file = join(dataDir, FILE);
  if (!existsSync(file)) createOnce(dataDir, file);
  return { secret: readFileSync(file, 'utf8').trim(), generated: true };
}

/** Written aside and linked into place: processes starting together all read the same whole key. */
function createOnce(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(32).toString('base64url') + '\n', { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}
