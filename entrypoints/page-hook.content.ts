import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Capture, CapturedEndpoint } from '@/lib/capture/capture';
import { endpointOf, traceRequestOf } from '@/lib/capture/endpoint';
import { MAX_SHOP_NAME, PAGE_CHANNEL, PAGE_MESSAGE_VERSION, type PageCaptureMessage } from '@/lib/capture/page-message';
import { stripBuyerPii } from '@/lib/capture/strip-pii';

/**
 * Page world, document_start: reads the console's own JSON responses (fetch and XHR) without
 * changing what the page receives, drops buyer PII, and posts the rest to our bridge.
 */
export default defineContentScript({
  matches: ['https://mms.pinduoduo.com/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    hookFetch();
    hookXhr();
  },
});

/** The shop the console says it shows (`__mms`'s user info): its id, and its name (not buyer data). */
function shopOfPage(): Pick<Capture, 'shopId' | 'shopName'> {
  type UserInfo = { mall_id?: unknown; mall_name?: unknown };
  const info = (window as unknown as { __mms?: { user?: { userInfo?: { _userInfo?: UserInfo } } } }).__mms?.user?.userInfo?._userInfo;
  const mallId = info?.mall_id;
  const mallName = info?.mall_name;
  return {
    shopId: typeof mallId === 'string' || typeof mallId === 'number' ? String(mallId) : null,
    // Cut to what the bridge accepts, so an odd name never costs the capture.
    shopName: typeof mallName === 'string' && mallName.trim() !== '' ? mallName.trim().slice(0, MAX_SHOP_NAME) : null,
  };
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function post(endpoint: CapturedEndpoint, url: string, requestBody: unknown, response: unknown): void {
  if (typeof response !== 'object' || response === null) return;
  const capture: Capture = {
    endpoint,
    ...shopOfPage(),
    capturedAt: Date.now(),
    // A trace is a GET: which order it is for is in its URL, not in a body.
    request: endpoint === 'courierTrace' ? traceRequestOf(url, window.location.href) : typeof requestBody === 'string' ? parseJson(requestBody) : null,
    response: stripBuyerPii(response),
  };
  // Plain postMessage, not @webext-core/messaging's window messenger: that one hides event.source and origin from the bridge's check and answers to an origin the poster names (and would take this hook from 1.7 to 2.8 KB gzipped).
  const message: PageCaptureMessage = { channel: PAGE_CHANNEL, version: PAGE_MESSAGE_VERSION, capture };
  window.postMessage(message, window.location.origin);
}

function hookFetch(): void {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the page's own fetch, kept to be called with its receiver (`this ?? window`) below
  const pageFetch = window.fetch;
  window.fetch = function fetchWithCapture(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const url = input instanceof Request ? input.url : String(input);
    const endpoint = endpointOf(url, window.location.href);
    const result = pageFetch.call(this ?? window, input, init);
    if (endpoint !== null) {
      const body = init?.body;
      result
        .then((response) => response.clone().text())
        .then((text) => post(endpoint, url, body, parseJson(text)))
        .catch(() => undefined);
    }
    return result;
  };
}

function hookXhr(): void {
  const proto = XMLHttpRequest.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the page's own open and send, kept to be called on each request below
  const { open: pageOpen, send: pageSend } = proto;
  const endpoints = new WeakMap<XMLHttpRequest, [CapturedEndpoint, string]>();

  proto.open = function openWithCapture(this: XMLHttpRequest, ...args: unknown[]) {
    const url = String(args[1]);
    const endpoint = endpointOf(url, window.location.href);
    if (endpoint === null) endpoints.delete(this);
    else endpoints.set(this, [endpoint, url]);
    return (pageOpen as (...a: unknown[]) => void).apply(this, args);
  };

  proto.send = function sendWithCapture(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const opened = endpoints.get(this);
    if (opened !== undefined) {
      this.addEventListener('load', () => {
        const response: unknown = this.responseType === 'json' ? this.response : this.responseType === '' || this.responseType === 'text' ? parseJson(this.responseText) : null;
        post(opened[0], opened[1], body, response);
      });
    }
    return pageSend.call(this, body);
  };
}
