#!/usr/bin/env node
/**
 * The production build of the server (`npm run build:server`; the Dockerfile runs it): plain
 * JavaScript that Node runs without tsx or any other dev dependency.
 *
 *   node scripts/build-server.mjs [--out build]
 *
 * Writes a self-contained app directory:
 *   <out>/src/server/main.js            the server (npm packages stay imports: `npm ci --omit=dev`)
 *   <out>/src/server/engines/*-worker.js the worker threads (scheduling, grouping, timetables)
 *   <out>/src/cli/main.js               the command-line tools (backup, restore, retention, …)
 *   <out>/drizzle, <out>/content        migrations and seed content, read at run time
 *   <out>/dist/web                      the built web client (`npx vite build` first)
 *   <out>/package.json, package-lock.json  for `npm ci --omit=dev`
 * Run it as `node src/server/main.js` from <out>.
 *
 * The source finds its files relative to itself (`import.meta.url`: the migrations, the content,
 * the web client, the workers). Bundled, every module would share the bundle's URL, so each
 * module's `import.meta.url` is rewritten to the URL its own compiled file would have in <out>:
 * the relative paths then hold as they do in the source tree, and the workers are found as `.js`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : path.join(root, 'build'));

const ENTRIES = [
  'src/server/main.ts',
  'src/server/engines/scheduling-worker.ts',
  'src/server/engines/grouping-worker.ts',
  'src/server/engines/timetable-worker.ts',
  'src/cli/main.ts',
];

if (!fs.existsSync(path.join(root, 'dist/web/index.html'))) {
  console.error('The web client is not built: run `npx vite build` first.');
  process.exit(1);
}

/** Each source module's import.meta.url → the URL of its would-be compiled file next to the bundle. */
function moduleUrls(bundleFile) {
  return {
    name: 'module-urls',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        let contents = await fs.promises.readFile(args.path, 'utf8');
        if (contents.includes('import.meta.url') && args.path.startsWith(path.join(root, 'src'))) {
          const compiled = path.join(out, path.relative(root, args.path)).replace(/\.ts$/, '.js');
          let relative = path.relative(path.dirname(bundleFile), compiled).split(path.sep).join('/');
          if (!relative.startsWith('.')) relative = `./${relative}`;
          contents = contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`);
        }
        return { contents, loader: 'ts' };
      });
    },
  };
}

fs.rmSync(out, { recursive: true, force: true });
const external = new Set();
for (const entry of ENTRIES) {
  const outfile = path.join(out, entry.replace(/\.ts$/, '.js'));
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // npm packages are installed in the image (`npm ci --omit=dev`), not bundled: native modules
    // (argon2, sharp) and PGlite's WASM files stay where their packages expect them.
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [moduleUrls(outfile)],
  });
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imported of output.imports) if (imported.external) external.add(imported.path);
  }
}

// Every package the bundles import must be a runtime dependency: `npm ci --omit=dev` installs nothing else.
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const packageOf = (specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
const missing = [...external].filter((s) => !s.startsWith('node:') && !pkg.dependencies?.[packageOf(s)]).map(packageOf);
if (missing.length) {
  console.error(`The server imports packages that are not runtime dependencies (package.json "dependencies"): ${[...new Set(missing)].join(', ')}`);
  process.exit(1);
}

for (const dir of ['drizzle', 'content', 'dist/web']) fs.cpSync(path.join(root, dir), path.join(out, dir), { recursive: true });
for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(root, file), path.join(out, file));
fs.writeFileSync(path.join(out, 'external-packages.json'), `${JSON.stringify([...external].filter((s) => !s.startsWith('node:')).map(packageOf).filter((v, i, a) => a.indexOf(v) === i).sort(), null, 2)}\n`);
console.log(`Server built into ${path.relative(process.cwd(), out) || '.'} — start it there with: node src/server/main.js`);
