import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm run build` builds the web app into dist/web (Vite) and the server into dist/server
// (esbuild), so production runs plain `node dist/server/main.js` with production dependencies
// only. `npm start` passes --if-needed: each part is built when missing or older than its
// sources, so a fresh checkout starts with one command and a second start skips the build.
const root = fileURLToPath(new URL('..', import.meta.url));
const shared = ['src/contracts', 'src/domain', 'src/charts', 'package-lock.json', 'tsconfig.json'];

interface Part {
  name: string;
  output: string;
  sources: string[];
  build: () => Promise<void>;
}

const parts: Part[] = [
  {
    name: 'web app',
    output: 'dist/web/index.html',
    sources: ['src/web', 'vite.config.ts', ...shared],
    build: async () => {
      // Loaded only to build: a start with nothing to build does not wait for the toolchain.
      const { build } = await import('vite');
      await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
    },
  },
  {
    name: 'server',
    output: 'dist/server/main.js',
    sources: ['src/server', 'scripts/build.ts', 'package.json', ...shared],
    build: buildServer,
  },
];

/**
 * One file per entry point with the project's code inside and every package left to
 * node_modules: packages find their own files (PGlite's WebAssembly, the fonts, argon2's native
 * module) as they do under tsx. `import.meta.url` in the bundle is the bundle's own address, so
 * dist/server/main.js sits at the depth of src/server/main.ts and paths relative to it hold.
 */
async function buildServer(): Promise<void> {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      main: 'src/server/main.ts',
      'cli/apkalpo': 'src/server/cli/apkalpo.ts',
      // PGlite's thread, started by the code bundled into each entry above from beside itself
      // (db/pglite-in-thread.ts), so it is written beside each.
      'pglite-thread': 'src/server/db/pglite-thread.ts',
      'cli/pglite-thread': 'src/server/db/pglite-thread.ts',
    },
    outdir: 'dist/server',
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node22',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  const missing = packagesOutsideDependencies(
    Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports.filter((entry) => entry.external).map((entry) => entry.path),
    ),
  );
  if (missing.length > 0) {
    throw new Error(
      `The server imports ${missing.join(', ')}, which a production install ` +
        '(npm ci --omit=dev) leaves out: move them to "dependencies" in package.json.',
    );
  }
}

/** Packages the server imports that are not production dependencies. */
function packagesOutsideDependencies(specifiers: string[]): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const production = new Set(Object.keys(manifest.dependencies ?? {}));
  const builtins = new Set(builtinModules);
  const names = specifiers
    .filter((specifier) => !specifier.startsWith('node:') && !builtins.has(specifier))
    .map((specifier) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/'),
    );
  return [...new Set(names)].filter((name) => !production.has(name)).sort();
}

function newestChange(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestChange(path.join(target, entry))),
    stats.mtimeMs,
  );
}

function upToDate(part: Part): boolean {
  const output = path.join(root, part.output);
  return (
    existsSync(output) &&
    statSync(output).mtimeMs >=
      Math.max(...part.sources.map((source) => newestChange(path.join(root, source))))
  );
}

const onlyIfNeeded = process.argv.includes('--if-needed');
for (const part of parts) {
  if (onlyIfNeeded && upToDate(part)) {
    console.log(`The ${part.name} is up to date.`);
    continue;
  }
  console.log(`Building the ${part.name}…`);
  await part.build();
  console.log(`The ${part.name} is built in ${path.dirname(part.output)}.`);
}
