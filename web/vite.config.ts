import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      '@contracts': fileURLToPath(new URL('../contracts', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  // Development: `npm run dev` (API on :3000) and `npm run dev:web`; ZL_WEB_PORT and ZL_API override.
  server: {
    port: Number(process.env.ZL_WEB_PORT ?? 5173),
    strictPort: true,
    proxy: { '/api': process.env.ZL_API ?? 'http://localhost:3000' },
  },
});
