import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The playground is a static site: `npm run dev` serves it, `npm run build` writes dist-web/.

/** The Content Security Policy of the built page: no remote origin, no eval, workers from self/blob. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** Adds the CSP meta tag to the production build only (the dev server needs inline HMR scripts). */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'ddir-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // Monaco is one large chunk by nature (loaded on demand); warn only past its size.
  build: {
    outDir: 'dist-web',
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
});
