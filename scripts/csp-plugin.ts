import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built site, as a <meta> tag so that it
 * travels with dist/ to any static host.
 *
 * - connect-src: the API base URL is user-set (US/EU/AU presets, on-prem,
 *   a proxy) and result URLs are presigned storage URLs on hosts we cannot
 *   know at build time, so any https origin is allowed, plus plain http only
 *   on loopback (the emulator server, a local proxy). Nothing else.
 * - script-src: our own bundle only; 'wasm-unsafe-eval' lets pdf.js
 *   instantiate its WebAssembly image decoders (no JS eval).
 * - worker-src: the pdf.js and diff workers, served from our origin.
 * - no inline scripts, no plugins, no framing of forms, no base tag.
 *
 * Only added to the production build: Vite's dev server injects inline
 * scripts for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: {
            'http-equiv': 'Content-Security-Policy',
            content: CONTENT_SECURITY_POLICY,
          },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
