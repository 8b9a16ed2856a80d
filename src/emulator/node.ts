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

export async function loadNodePdfjs(): Promise<PdfjsModule> {
  const module =
    (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsModule;
  return module;
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
