import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The back office is served by the gateway under /office/, at the same origin as the API and the sign-in; in
// development Vite forwards /api and /auth to it.
export default defineConfig({
  base: '/office/',
  plugins: [react()],
  server: {
    port: 5174,
    proxy: Object.fromEntries(['/api', '/auth'].map((path) => [path, process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080'])),
  },
  build: { target: 'es2022', sourcemap: false },
});
