import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFigures {
  initialJsGzipBytes: number;
  initialFiles: string[];
  lazyChunks: { file: string; gzipBytes: number }[];
}

const gzipSize = (path: string) =>
  gzipSync(readFileSync(path), { level: 9 }).length;

/**
 * Initial JS = the entry script plus its modulepreloaded imports, as listed in
 * dist/index.html; every other .js/.mjs under dist/assets loads lazily.
 */
export function measureBundle(distDir = 'dist'): BundleFigures {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const referenced = [
    ...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.m?js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  const initialFiles = [...new Set(referenced.filter(Boolean))];
  const initialJsGzipBytes = initialFiles.reduce(
    (sum, file) => sum + gzipSize(join(distDir, file)),
    0,
  );
  const lazyChunks = readdirSync(join(distDir, 'assets'))
    .filter((f) => /\.m?js$/.test(f))
    .map((f) => `assets/${f}`)
    .filter((f) => !initialFiles.includes(f))
    .map((file) => ({ file, gzipBytes: gzipSize(join(distDir, file)) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { initialJsGzipBytes, initialFiles, lazyChunks };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function printBundle(figures: BundleFigures): void {
  console.log(
    `initial JS (gzip): ${kb(figures.initialJsGzipBytes)} in ${figures.initialFiles.length} file(s) (target <= 150 KB)`,
  );
  for (const chunk of figures.lazyChunks) {
    console.log(`  lazy chunk ${chunk.file}: ${kb(chunk.gzipBytes)} gzip`);
  }
}
