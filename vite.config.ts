import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in src/web and is built into dist/web, which the server serves.
// `npm run dev:web` serves it with hot reload and passes /api to the server on port 3000.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // Libraries change less often than the app: a separate file stays in the browser's cache.
      // The rich-text editor (TipTap, ProseMirror) is only for writers and loads with their forms.
      output: {
        manualChunks: (id) =>
          /node_modules\/(@tiptap|prosemirror|linkifyjs|orderedmap|rope-sequence|w3c-keyname)/.test(
            id,
          )
            ? 'editor'
            : id.includes('node_modules')
              ? 'vendor'
              : undefined,
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
