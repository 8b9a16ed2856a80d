/**
 * The emulator for Node (tests, `npm run emulator`): pdf.js's legacy build,
 * which supports Node 20, with eval off and the bundled standard font data
 * (without it pdf.js warns for every non-embedded font such as Helvetica).
 */
import { createEmulator } from './emulator';
import type { Emulator, EmulatorOptions, PdfjsModule } from './types';

/**
 * The Node built-in the font lookup needs, typed locally: this file is also
 * type-checked with the app's (browser) settings, which have no Node types.
 * `process.getBuiltinModule` exists from Node 20.16; pdf.js uses it too.
 */
interface NodeModuleBuiltin {
  createRequire(from: string): { resolve(id: string): string };
}

function standardFontDataUrl(): string | undefined {
  try {
    const nodeProcess = (
      globalThis as {
        process?: { getBuiltinModule?: (id: string) => unknown };
      }
    ).process;
    const builtin = nodeProcess?.getBuiltinModule?.('node:module') as
      NodeModuleBuiltin | undefined;
    if (!builtin) return undefined;
    const packageJson = builtin
      .createRequire(import.meta.url)
      .resolve('pdfjs-dist/package.json');
    // pdf.js in Node reads `${url}${file}` with fs: a path with a trailing slash.
    return packageJson.replace(/package\.json$/, 'standard_fonts/');
  } catch {
    return undefined;
  }
}

let loading: Promise<PdfjsModule> | null = null;

/**
 * Loads pdf.js once per process. The worker module is imported alongside:
 * it registers itself on globalThis.pdfjsWorker, which pdf.js's in-process
 * ("fake") worker uses instead of importing it on the first document.
 * Exported so that a server can warm it up before it says it is ready.
 */
export function loadNodePdfjs(): Promise<PdfjsModule> {
  loading ??= Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    // @ts-expect-error -- the worker build ships without type declarations
    import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
  ]).then(
    ([pdfjs]) => pdfjs,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export function createNodeEmulator(options: EmulatorOptions = {}): Emulator {
  const fonts = standardFontDataUrl();
  return createEmulator({
    loadPdfjs: loadNodePdfjs,
    ...options,
    pdfjsParams: {
      isEvalSupported: false,
      ...(fonts ? { standardFontDataUrl: fonts } : {}),
      ...options.pdfjsParams,
    },
  });
}
