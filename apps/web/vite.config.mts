/// <reference types="vitest/config" />
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv } from 'vite';
import react from '@vitejs/plugin-react';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');

/**
 * Builds the client into dist/web (served by the gateway at `/`, GraphQL at `/graphql` on the same origin).
 * `npm run dev:web` serves it with hot reload and proxies /graphql to a running platform
 * (`PRAXIS_PORT_BASE`, as `npm start` uses it; 4000 by default), so the session cookie stays same-origin.
 */
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, ROOT, 'PRAXIS_');
  const gatewayPort = Number(env.PRAXIS_PORT_BASE ?? 4000);
  return {
    root: HERE,
    plugins: [react()],
    build: {
      outDir: path.join(ROOT, 'dist', 'web'),
      emptyOutDir: true,
      manifest: true,
      sourcemap: true,
      chunkSizeWarningLimit: 800,
      rolldownOptions: {
        output: {
          // Libraries of the first load in chunks of their own, which keep their names (and the browser's cache)
          // from one release to the next; the first load fetches them side by side with the entry. `$initial`
          // keeps each group to what the entry imports statically: the pages' Mantine components stay in the
          // pages' chunks, and Apollo Client in its own (loaded with the first page that asks GraphQL anything).
          codeSplitting: {
            groups: [
              {
                name: 'react',
                test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
                tags: ['$initial'],
              },
              { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, tags: ['$initial'] },
            ],
          },
        },
      },
    },
    server: {
      port: 5173,
      proxy: {
        '/graphql': { target: `http://localhost:${gatewayPort}`, changeOrigin: false },
        // the engagement dashboard's CSV downloads (the gateway's plain export URLs)
        '/exports': { target: `http://localhost:${gatewayPort}`, changeOrigin: false },
      },
    },
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['src/test-setup.ts'],
      css: false,
      // a loaded machine types slowly: generous time, no timing assertions
      testTimeout: 30000,
    },
  };
});
