// Runs block alignment and diffing off the main thread (see diff-client.ts).
import {
  handleDiffRequest,
  replyTransferables,
  type DiffRequest,
} from './diff-protocol';

globalThis.addEventListener('message', (event: MessageEvent<DiffRequest>) => {
  const reply = handleDiffRequest(event.data);
  globalThis.postMessage(reply, { transfer: replyTransferables(reply) });
});
