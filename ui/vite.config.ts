import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import apiContract from './src/lib/api-contract.json' with { type: 'json' };

// `npm run dev` serves the UI on its own port; the API paths are proxied to a running server.
const apiTarget = process.env.MARQUEE_API_URL ?? 'http://127.0.0.1:8080';
// The server's own list of API prefixes (a server test keeps api-contract.json equal to it). `/admin` is the
// UI's admin page; only the admin API below it goes to the server.
const apiPaths = apiContract.apiPrefixes.map((path) => (path === '/admin' ? '/admin/' : path));

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    // `ws` carries the rooms' live feed (SignalR WebSockets) through the proxy too.
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: apiTarget, changeOrigin: false, ws: path === '/rooms' }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // React DOM + Motion + the router make the landing chunk ~480 kB (~155 kB gzipped); other views are split off.
    chunkSizeWarningLimit: 550,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    css: false,
  },
});
