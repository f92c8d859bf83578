import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The portal is served by the gateway at the same origin as the API; in development Vite forwards /api and
// the sign-in (/auth) to it, keeping the Host so that Keycloak returns to Vite's address.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: Object.fromEntries(['/api', '/auth'].map((path) => [path, process.env.GATEWAY_URL ?? 'http://127.0.0.1:8080'])),
    fs: { allow: ['../../..'] }, // the user guide is read from the repository's docs/
  },
  build: { target: 'es2022', sourcemap: false },
  test: { environment: 'jsdom' },
});
