/**
 * Build of the embeddable chat widget, in two passes (Vite builds one IIFE per pass):
 * - this file: the embed script `dist/widget/widget.js` (launcher + frame, a few kB, no hash so
 *   the one-line embed never changes), plus `widget/public/` (the demo municipal page served at
 *   `/`, and `frame.html`, the chat frame's page);
 * - `vite.frame.config.ts`: `dist/widget/frame.js`, the chat itself, loaded by frame.html.
 */
import path from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

export function widgetBuild(entry: string, fileName: string, first: boolean): UserConfig {
  return {
    root: __dirname,
    publicDir: first ? path.resolve(__dirname, 'public') : false,
    logLevel: 'info',
    define: {
      'process.env.NODE_ENV': JSON.stringify('production'),
    },
    build: {
      outDir: path.resolve(__dirname, '../dist/widget'),
      emptyOutDir: first,
      target: 'es2019',
      sourcemap: false,
      minify: 'esbuild',
      copyPublicDir: first,
      reportCompressedSize: true,
      lib: {
        entry: path.resolve(__dirname, entry),
        name: first ? 'TsunaguWidget' : 'TsunaguWidgetFrame',
        formats: ['iife'],
        fileName: () => fileName,
      },
      rollupOptions: {
        output: { inlineDynamicImports: true },
      },
    },
  };
}

export default defineConfig(widgetBuild('src/embed/index.ts', 'widget.js', true));
