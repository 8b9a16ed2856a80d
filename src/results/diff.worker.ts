// Runs block alignment and diffing off the main thread (see diff-client.ts).
import { handleDiffRequest, type DiffRequest } from './diff-protocol';

globalThis.addEventListener('message', (event: MessageEvent<DiffRequest>) => {
  globalThis.postMessage(handleDiffRequest(event.data));
});
