// Bundles the unit tests for Node (esbuild) and runs them with node:test.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'explorer-test-'));
try {
  await esbuild.build({
    entryPoints: ['test/logic.test.ts'], bundle: true, platform: 'node', format: 'esm',
    outfile: join(out, 'logic.test.mjs'), logLevel: 'warning',
  });
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=dot', join(out, 'logic.test.mjs')], { stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
