// Builds the explorer into edge/explore (or the directory given), which the
// server embeds: explore.js (one bundle), explore.css, index.html and the
// licence texts of the bundled packages. The output depends only on the
// sources and the lockfile, so `make check` can rebuild and compare.
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2] ?? '../../edge/explore';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await esbuild.build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  charset: 'utf8',
  legalComments: 'none', // the full licence texts are in THIRD_PARTY_LICENSES.txt
  outfile: join(out, 'explore.js'),
  logLevel: 'warning',
});
cpSync('index.html', join(out, 'index.html'));
cpSync('style.css', join(out, 'explore.css'));
cpSync('icon.svg', join(out, 'icon.svg'));

// Every package in the bundle, with its version and licence text.
const bundled = ['cytoscape', 'cytoscape-fcose', 'cose-base', 'layout-base'];
const notices = bundled.map((name) => {
  const dir = join('node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return `${name} ${pkg.version} (${pkg.license})\n${'='.repeat(60)}\n${readFileSync(join(dir, 'LICENSE'), 'utf8').trim()}\n`;
});
writeFileSync(join(out, 'THIRD_PARTY_LICENSES.txt'),
  `The explorer bundle (explore.js) includes these packages:\n\n${notices.join('\n')}`);
