/**
 * Build of the staff inbox (Preact): `dist/inbox/index.html` served at `/inbox`, hashed assets
 * under `/inbox/assets/`. JSX goes through esbuild (no framework plugin needed).
 */
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  base: '/inbox/',
  publicDir: false,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: {
    // One copy of preact whatever a dependency asks for.
    dedupe: ['preact'],
  },
  build: {
    outDir: path.resolve(__dirname, '../../dist/inbox'),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    assetsDir: 'assets',
    reportCompressedSize: true,
  },
  server: {
    // `vite --config src/inbox/vite.config.ts` during development, API on :3000.
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
});
