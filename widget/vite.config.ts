/**
 * Build of the embeddable chat widget: one self-contained IIFE script (`dist/widget/widget.js`,
 * styles injected from JS, no hash so the embed snippet never changes) plus the demo municipal
 * page copied from `widget/public/` (`dist/widget/index.html`, served at `/`).
 */
import path from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  publicDir: path.resolve(__dirname, 'public'),
  logLevel: 'info',
  define: {
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    outDir: path.resolve(__dirname, '../dist/widget'),
    emptyOutDir: true,
    target: 'es2019',
    sourcemap: false,
    minify: 'esbuild',
    copyPublicDir: true,
    reportCompressedSize: true,
    lib: {
      entry: path.resolve(__dirname, 'src/index.ts'),
      name: 'TsunaguWidget',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
    rollupOptions: {
      output: { inlineDynamicImports: true },
    },
  },
});
