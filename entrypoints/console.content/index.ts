import { defineContentScript } from 'wxt/utils/define-content-script';
import { Annotator } from './annotator';
import { startBridge } from './bridge';

/**
 * Isolated world. The bridge listens from document_start, before the page's first request;
 * the annotator starts once the document has a body.
 */
export default defineContentScript({
  matches: ['https://mms.pinduoduo.com/*'],
  runAt: 'document_start',
  main(ctx) {
    let annotator: Annotator | null = null;
    const pending: Parameters<Annotator['update']>[0][] = [];
    startBridge(
      ctx.signal,
      () => undefined,
      (reply) => {
        if (!reply.ok) return;
        if (annotator === null) pending.push(reply.orders);
        else annotator.update(reply.orders);
      },
    );
    const startAnnotator = () => {
      annotator = new Annotator(document.body);
      annotator.start(ctx.signal);
      for (const views of pending.splice(0)) annotator.update(views);
    };
    if (document.body !== null) startAnnotator();
    else ctx.addEventListener(document, 'DOMContentLoaded', startAnnotator, { once: true });
  },
});
