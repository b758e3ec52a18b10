// Runs the aggregation in a module Web Worker (Vite bundles ./aggregate.worker.ts into the extension as
// its own file, which the MV3 page CSP allows: same origin, no eval). A worker that fails to start or
// crashes is reported as an error reply, shown on the page.
import type { AggregateRunner } from './dashboard-store';

export const workerRunner: AggregateRunner = (request, onReply) => {
  const worker = new Worker(new URL('./aggregate.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('message', (message: MessageEvent<Parameters<typeof onReply>[0]>) => {
    onReply(message.data);
    if (message.data.type !== 'progress') worker.terminate();
  });
  worker.addEventListener('error', (event) => {
    onReply({ type: 'error', message: event.message || 'the aggregation worker failed to start' });
    worker.terminate();
  });
  worker.postMessage(request);
  return () => worker.terminate();
};
