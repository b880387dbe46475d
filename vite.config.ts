import { defineConfig } from 'vite';

// No React plugin: esbuild compiles JSX with the automatic runtime, which is all we need and
// keeps the install small (see docs/adr/0004-web-client.md).
export default defineConfig({
  root: 'src/web',
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
