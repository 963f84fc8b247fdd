/**
 * Writes docs/lifecycle.md from the case machine; with --check, exits 1 when the file is stale
 * (for CI). Run from the repository root.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { caseMachine } from '../src/lifecycle/case.machine';
import { renderLifecycleDocs } from '../src/lifecycle/lifecycle-docs';

const target = resolve(process.cwd(), 'docs/lifecycle.md');
const rendered = renderLifecycleDocs(caseMachine);

if (process.argv.includes('--check')) {
  const current = readOrEmpty(target);
  if (current !== rendered) {
    console.error(`${target} is stale: run "npm run docs:lifecycle" and commit the result.`);
    process.exit(1);
  }
  console.log(`${target} is up to date.`);
} else {
  writeFileSync(target, rendered);
  console.log(`Wrote ${target}.`);
}

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
