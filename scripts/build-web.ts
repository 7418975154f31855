import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

// `npm start` builds the web app when it is missing or older than its sources, so a fresh
// checkout starts with one command; `npm run build` always builds.
const root = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = path.join(root, 'dist/web/index.html');
const sources = ['src/web', 'src/contracts', 'src/domain', 'vite.config.ts', 'package-lock.json'];

function newestChange(target: string): number {
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestChange(path.join(target, entry))),
    stats.mtimeMs,
  );
}

const onlyIfNeeded = process.argv.includes('--if-needed');
const upToDate =
  existsSync(builtIndex) &&
  statSync(builtIndex).mtimeMs >=
    Math.max(...sources.map((source) => newestChange(path.join(root, source))));

if (onlyIfNeeded && upToDate) {
  console.log('The web app is up to date.');
} else {
  console.log('Building the web app…');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log('The web app is built in dist/web.');
}
