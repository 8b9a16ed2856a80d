/**
 * The emulator's environment-neutral entry. It needs a pdf.js loader: use
 * `createNodeEmulator` (./node) or `createBrowserEmulator` (./browser), or
 * pass `loadPdfjs` yourself. The app must import this lazily; only
 * ./demo-pipelines may be imported statically.
 */
export { createEmulator, DEFAULT_ORIGIN, EMULATOR_VERSION } from './emulator';
export {
  DEMO_API_KEY,
  DEMO_PIPELINES,
  isDemoPipelineId,
} from './demo-pipelines';
export type { DemoPipeline, DemoPipelineId } from './demo-pipelines';
export { noFaults } from './faults';
export type {
  Emulator,
  EmulatorFaults,
  EmulatorOptions,
  FailJobRule,
  PdfjsModule,
} from './types';
