// Dispatch on the Host header: mms.pinduoduo.com → the console, poll.kuaidi100.com → Kuaidi100,
// api.kdniao.com → Kdniao, the loopback address → the stand-in's control endpoint (control.ts), anything
// else → 404. Every API call is logged, with its Sec-Fetch-Site header.
// Courier replies carry no CORS headers, like the real services: a fetch without the host permission fails.

import type { SyntheticShop } from '../synthetic-shop';
import { consoleApi, consoleTraceApi } from './console-api';
import type { CourierClock } from './courier-clock';
import { CONTROL_HOSTS, controlApi } from './control';
import { createCourierFaultControl, faultResponse, queriedTrackingNumber, TIMEOUT_HOLD_MS, TIMEOUT_RESPONSE, type CourierFaultControl, type CourierName } from './courier-faults';
import type { ConsoleFaults } from './faults';
import { parseForm, parseJson, textResponse, type LoggedRequest, type StandInRequest, type StandInResponse } from './http';
import { kdniaoApi } from './kdniao';
import { kuaidi100Api } from './kuaidi100';
import { consolePages, type ConsoleVariant } from './pages';

export const STAND_IN_HOSTS = { console: 'mms.pinduoduo.com', kuaidi100: 'poll.kuaidi100.com', kdniao: 'api.kdniao.com' } as const;

export interface RouterOptions {
  shop: SyntheticShop;
  variant?: ConsoleVariant;
  faults?: ConsoleFaults;
  /** Kuaidi100 and Kdniao refuse 顺丰/中通 queries without the receiver's phone tail, as the real ones do. Default true. */
  requirePhoneTail?: boolean;
  /** The moment the couriers answer for; default the shop's clock running on in real time. */
  courierClock?: CourierClock;
}

export interface StandInRouter {
  handle(request: StandInRequest): Promise<StandInResponse>;
  /** The API calls received so far, oldest first. */
  readonly requests: LoggedRequest[];
  /** Faults injected into the courier stand-ins, changeable while a test runs. */
  readonly courierFaults: CourierFaultControl;
}

const NOT_FOUND = (): StandInResponse => textResponse(404, 'Not Found');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A held `timeout` reply must not keep a test process alive after the client has given up. */
const sleepUnref = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

const secFetchSiteOf = (request: StandInRequest): { secFetchSite?: string } => {
  const value = request.headers?.['sec-fetch-site'];
  return value === undefined ? {} : { secFetchSite: value };
};

export function createRouter(options: RouterOptions): StandInRouter {
  const { shop, variant = 'classic', faults = {}, requirePhoneTail = true, courierClock } = options;
  const api = consoleApi(shop, faults);
  const trace = consoleTraceApi(shop, courierClock);
  const pages = consolePages(shop, variant);
  const kuaidi100 = kuaidi100Api(shop, requirePhoneTail, courierClock);
  const kdniao = kdniaoApi(shop, requirePhoneTail, courierClock);
  const requests: LoggedRequest[] = [];
  // The machine's clock, the one the extension schedules by: gaps between queries are measured as received here.
  const log = (entry: Omit<LoggedRequest, 'receivedAt'>): void => void requests.push({ ...entry, receivedAt: Date.now() });
  const courierFaults = createCourierFaultControl();
  const control = controlApi(courierFaults, requests);

  const handleConsole = async (request: StandInRequest, pathname: string): Promise<StandInResponse> => {
    const handler = api.get(pathname);
    if (handler !== undefined) {
      if (request.method !== 'POST') return textResponse(405, 'Method Not Allowed');
      const body = parseJson(request.body) ?? request.body.toString('utf8');
      log({ host: request.host, path: pathname, body, ...secFetchSiteOf(request) });
      if (faults.delayMs !== undefined && faults.delayMs > 0) await sleep(faults.delayMs);
      return handler(body);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return NOT_FOUND();
    const traced = trace(request.url);
    if (traced !== null) {
      // A GET: what it asked is in its query.
      log({ host: request.host, path: pathname, body: Object.fromEntries(new URL(request.url, 'https://stand-in.invalid').searchParams), ...secFetchSiteOf(request) });
      return traced;
    }
    return pages(pathname) ?? NOT_FOUND();
  };

  const handleCourier = async (courier: CourierName, request: StandInRequest, pathname: string, answer: (request: StandInRequest) => StandInResponse): Promise<StandInResponse> => {
    const form = parseForm(request.body);
    const trackingNumber = queriedTrackingNumber(courier, form);
    // Only queries can fail like queries: a preflight or a stray GET gets the courier's own answer.
    const fault = request.method === 'POST' ? courierFaults.take(courier, trackingNumber) : null;
    log({ host: request.host, path: pathname, body: form, ...secFetchSiteOf(request), trackingNumber, ...(fault === null ? {} : { fault: fault.kind }) });
    if (fault === null) return answer(request);
    if (fault.kind !== 'timeout') return faultResponse(courier, fault.kind, form);
    await sleepUnref(fault.holdMs ?? TIMEOUT_HOLD_MS);
    return TIMEOUT_RESPONSE();
  };

  return {
    requests,
    courierFaults,
    async handle(request) {
      const pathname = new URL(request.url, 'https://stand-in.invalid').pathname;
      switch (request.host) {
        case STAND_IN_HOSTS.console:
          return handleConsole(request, pathname);
        case STAND_IN_HOSTS.kuaidi100:
          return handleCourier('kuaidi100', request, pathname, kuaidi100);
        case STAND_IN_HOSTS.kdniao:
          return handleCourier('kdniao', request, pathname, kdniao);
        default:
          return CONTROL_HOSTS.includes(request.host) ? control(request, pathname) : NOT_FOUND();
      }
    },
  };
}
