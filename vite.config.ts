import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { messagesPlugin } from './src/web/messages-plugin';
import { routePreloadsPlugin } from './src/web/route-preloads-plugin';

const routerFile = fileURLToPath(new URL('./src/web/app/router.tsx', import.meta.url));
// The messages in parts per page (messages-plugin.ts); the route preloads name a page's parts.
const messages = messagesPlugin(routerFile);

// No React plugin: esbuild compiles JSX with the automatic runtime, which is all we need and
// keeps the install small (see docs/adr/0004-web-client.md).
export default defineConfig({
  root: 'src/web',
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  // react-router's package exports only its development build (invariant messages, warnings); the
  // browser bundle takes the production build it also ships (#20 item 7: a fast first load).
  resolve: {
    alias: [{ find: /^react-router$/, replacement: fileURLToPath(new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url)) }],
  },
  // Every text file also as .br and .gz next to it: the server sends the smallest the browser
  // accepts without compressing per request (@fastify/static `preCompressed`).
  plugins: [
    messages,
    // Per route, the page's chunks, for the server to preload from index.html (route-preloads-plugin.ts).
    routePreloadsPlugin(routerFile, () => messages.api?.manifest() ?? null),
    compression({
      include: /\.(js|css|html|svg|json|webmanifest)$/,
      threshold: 512,
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip', { level: 9 })],
      skipIfLargerOrEqual: true,
      logLevel: 'silent',
    }),
  ],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // React libraries mark modules "use client" for server components; meaningless in a SPA.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE' || warning.code === 'SOURCEMAP_ERROR') return;
        warn(warning);
      },
      // Vendor chunks that change rarely and are cached apart from our code: the React runtime
      // with the router (every page), the i18n runtime; the big ones only where a page uses them.
      output: {
        // Chunks under 2 KB (an api.ts, a shared card: 0.5–1.4 KB compressed) are merged into
        // others: a home fetched 17 page files, and on a phone each file is a round trip over one
        // of six connections. Merged, a page loads 4–8 files for about 1 KB more. Rollup merges
        // only code without side effects, so what runs on a page does not change (#20 item 7).
        experimentalMinChunkSize: 2 * 1024,
        manualChunks(id) {
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/(react|react-dom|scheduler|react-router|@tanstack)\//.test(id)) return 'react';
          if (/\/node_modules\/(i18next|react-i18next)\//.test(id)) return 'i18n';
          if (/\/node_modules\/(echarts|zrender)\//.test(id)) return 'echarts';
          if (/\/node_modules\/zod\//.test(id)) return 'zod';
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
