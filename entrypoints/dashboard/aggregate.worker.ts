// The dashboard's aggregation, off the page's main thread: opens the history database itself, streams it
// through lib/dashboard/aggregate.ts and posts progress and the result. One request at a time.
import { aggregateHistory, type AggregateReply, type AggregateRequest } from '@/lib/dashboard/aggregate';
import { openDatabase } from '@/lib/db/open';
import { errorMessage } from '@/lib/errors/error-message';

const post = (reply: AggregateReply) => postMessage(reply);

addEventListener('message', (message: MessageEvent<AggregateRequest>) => {
  void run(message.data);
});

async function run(request: AggregateRequest) {
  const started = performance.now();
  const opened = await openDatabase();
  if (!opened.ok) {
    post({ type: 'error', message: `${opened.reason}: ${opened.message}` });
    return;
  }
  try {
    const aggregate = await aggregateHistory(opened.db, request, (progress) => post({ type: 'progress', ...progress }));
    post({ type: 'result', aggregate, ms: performance.now() - started });
  } catch (error) {
    post({ type: 'error', message: errorMessage(error) });
  } finally {
    opened.db.close();
  }
}
