import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The API's top-level paths (the controllers' prefixes): `npm run dev:web` sends them to the running service. */
const API_PATHS = [
  '/auth',
  '/lifecycle',
  '/cases',
  '/audit',
  '/deadlines',
  '/notifications',
  '/data-subjects',
  '/health',
  '/docs',
  '/views',
  '/worklist',
  '/municipality',
  '/reference-data',
  '/metrics',
  '/machine-migrations',
];
const service = process.env.IOP_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    // The service serves dist/web at / (src/api/web/web-app.module.ts).
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // A helmet CSP allows scripts from 'self' only: no inline module-preload polyfill.
    modulePreload: { polyfill: false },
  },
  server: { proxy: Object.fromEntries(API_PATHS.map((path) => [path, { target: service, changeOrigin: false }])) },
});
