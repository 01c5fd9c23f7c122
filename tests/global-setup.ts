import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds dist/ once per test run: end-to-end tests load the plugin as users do. `SKIP_BUILD=1` keeps the dist/ that is
 * there (for runs of rule and model tests only, which load the sources).
 */
export default function setup(): void {
  if (process.env.SKIP_BUILD === '1') return;
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/tsdown/dist/run.mjs')], { cwd: root, stdio: 'ignore' });
}
