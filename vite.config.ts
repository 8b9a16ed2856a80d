/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './scripts/csp-plugin.ts';

const src = fileURLToPath(new URL('./src', import.meta.url));

// Node-only suites: the API client, the emulator, the pure results model and
// the node-side tooling. Everything else renders React and runs in jsdom.
const nodeSuites = [
  'src/api/**/*.test.ts',
  'src/emulator/**/*.test.ts',
  'src/results/**/*.test.ts',
  'src/lib/**/*.test.ts',
  'test/node/**/*.test.ts',
];

export default defineConfig({
  // Relative base: the built dist/ works from any host and any sub-path.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  resolve: { alias: { '@': src } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2048,
  },
  test: {
    globals: true,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: nodeSuites,
          setupFiles: ['test/setup-node.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}', 'test/dom/**/*.test.{ts,tsx}'],
          exclude: nodeSuites,
          setupFiles: ['test/setup-dom.ts'],
        },
      },
    ],
  },
});
