/** Second pass of the widget build (see vite.config.ts): the chat frame's script, `dist/widget/frame.js`. */
import { defineConfig } from 'vite';
import { widgetBuild } from './vite.config';

export default defineConfig(widgetBuild('src/frame/index.ts', 'frame.js', false));
