import { fileURLToPath } from 'node:url';

/**
 * Where `npm run build` puts the web app. Bundled, this line runs from dist/server/main.js, at
 * the depth of src/server/ here, so the same relative path holds from the source and the build;
 * only main (and the browser tests' server) import it, not the command line, which sits deeper.
 */
export const WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
