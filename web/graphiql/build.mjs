// Builds the playground into the directory named by the first argument
// (make graphiql: edge/playground; make check builds into a temporary one and
// compares): index.html, assets/ with content-hashed names, and
// assets/LICENSES.txt with the licence (and notices) of every package in the bundle.
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const out = process.argv[2];
if (!out) throw new Error('usage: node build.mjs OUTDIR');
const assets = join(out, 'assets');
const publicPath = '/assets/graphiql/'; // where edge/playground.go serves assets/
rmSync(out, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  target: 'es2022',
  outdir: assets,
  publicPath,
  metafile: true,
  legalComments: 'none', // the full licence texts are in LICENSES.txt, named here:
  banner: { js: `/* Licences: ${publicPath}LICENSES.txt */`, css: `/* Licences: ${publicPath}LICENSES.txt */` },
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

// Monaco runs its language services in web workers; each is its own
// same-origin script (a classic worker, so any browser can start it).
const workers = await esbuild.build({
  ...common,
  entryPoints: {
    'worker-editor': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'worker-json': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'worker-graphql': 'monaco-graphql/esm/graphql.worker.js',
  },
  entryNames: '[name]-[hash]',
  format: 'iife',
});
const workerURLs = {};
for (const [file, o] of Object.entries(workers.metafile.outputs)) {
  if (o.entryPoint) workerURLs[basename(file).split('-')[1]] = publicPath + basename(file);
}

const page = await esbuild.build({
  ...common,
  entryPoints: { playground: 'src/main.jsx' },
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  format: 'esm',
  jsx: 'automatic',
  // Only for subscriptions over a subscriptionUrl, which the playground does not set.
  external: ['graphql-ws'],
  loader: { '.ttf': 'file' }, // Monaco's codicon font
  define: { ...common.define, WORKER_URLS: JSON.stringify(workerURLs) },
});
const outputs = Object.keys(page.metafile.outputs).map((f) => publicPath + basename(f));
const css = outputs.find((f) => f.endsWith('.css'));
const js = outputs.find((f) => f.endsWith('.js'));
// The page: no favicon request (an empty data: icon), nothing but same-origin files.
writeFileSync(join(out, 'index.html'), `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>InnoGraph · GraphiQL</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${css}">
<script type="module" src="${js}"></script>
</head>
<body>
<div id="graphiql"><noscript>The playground needs JavaScript; the API itself is at /query.</noscript></div>
</body>
</html>
`);

// One licence text per bundled package, found from the inputs esbuild read.
// These packages' npm tarballs carry no licence file: their package.json says
// MIT, and the text is their source repository's.
const licenceElsewhere = {
  '@graphiql/plugin-doc-explorer': 'node_modules/@graphiql/react/LICENSE', // graphql/graphiql monorepo
  '@graphiql/plugin-history': 'node_modules/@graphiql/react/LICENSE', // graphql/graphiql monorepo
  'react-compiler-runtime': 'node_modules/react/LICENSE', // facebook/react
  'react-remove-scroll-bar': 'licenses/react-remove-scroll-bar.LICENSE', // github.com/theKashey/react-remove-scroll-bar
};
// A package's folder is the last node_modules/<name> of an input's path (a
// nested one is another version of the package).
const dirs = new Set();
for (const input of [...Object.keys(workers.metafile.inputs), ...Object.keys(page.metafile.inputs)]) {
  const m = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
  if (m) dirs.add(m[1]);
}
const packages = [...dirs].map((dir) => ({ dir, ...JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }));
packages.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
let licences = 'Third-party software bundled in the InnoGraph playground (web/graphiql), with its licences.\n';
for (const pkg of packages) {
  const { dir, name } = pkg;
  const own = readdirSync(dir).find((f) => /^(licen[cs]e|copying)([.-]|$)/i.test(f));
  const file = own ? join(dir, own) : licenceElsewhere[name];
  if (!file) throw new Error(`${name}: no licence file to ship`);
  licences += `\n${'='.repeat(78)}\n${name}@${pkg.version} (${pkg.license})\n${'='.repeat(78)}\n\n`;
  licences += readFileSync(file, 'utf8').trim() + '\n';
  // Notices that travel with the licence (Apache-2.0 NOTICE, Monaco's third-party notices).
  for (const notice of readdirSync(dir).filter((f) => /^(notice|thirdpartynotices)([.-]|$)/i.test(f))) {
    licences += `\n--- ${name}: ${notice} ---\n\n` + readFileSync(join(dir, notice), 'utf8').trim() + '\n';
  }
}
writeFileSync(join(assets, 'LICENSES.txt'), licences);
