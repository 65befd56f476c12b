/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Served by the gateway under /app/, so no route of the app can shadow an API path (/posts, /register, ...).
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    // The size budget is checked by scripts/bundle-size.mjs (gzipped), not by Vite's raw-size warning.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    // `npm run dev` (and `vite preview`): the API is the gateway of ./run (8080, or TIKTIMER_GATEWAY), same paths.
    proxy: Object.fromEntries(
      ['/register', '/token', '/auth', '/users', '/posts', '/media', '/api', '/health'].map((p) => [
        p,
        process.env.TIKTIMER_GATEWAY ?? 'http://localhost:8080',
      ]),
    ),
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
