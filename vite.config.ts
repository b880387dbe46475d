import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// No React plugin: esbuild compiles JSX with the automatic runtime, which is all we need and
// keeps the install small (see docs/adr/0004-web-client.md).
export default defineConfig({
  root: 'src/web',
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  // Every text file also as .br and .gz next to it: the server sends the smallest the browser
  // accepts without compressing per request (@fastify/static `preCompressed`).
  plugins: [
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
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
