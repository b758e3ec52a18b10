// Dispatch on the Host header: mms.pinduoduo.com → the console, poll.kuaidi100.com → Kuaidi100,
// api.kdniao.com → Kdniao, anything else → 404. Every API call is logged.

import type { SyntheticShop } from '../synthetic-shop';
import { consoleApi } from './console-api';
import type { CourierClock } from './courier-clock';
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
}

const NOT_FOUND = (): StandInResponse => textResponse(404, 'Not Found');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createRouter(options: RouterOptions): StandInRouter {
  const { shop, variant = 'classic', faults = {}, requirePhoneTail = true, courierClock } = options;
  const api = consoleApi(shop, faults);
  const pages = consolePages(shop, variant);
  const kuaidi100 = kuaidi100Api(shop, requirePhoneTail, courierClock);
  const kdniao = kdniaoApi(shop, requirePhoneTail, courierClock);
  const requests: LoggedRequest[] = [];

  const handleConsole = async (request: StandInRequest, pathname: string): Promise<StandInResponse> => {
    const handler = api.get(pathname);
    if (handler !== undefined) {
      if (request.method !== 'POST') return textResponse(405, 'Method Not Allowed');
      const body = parseJson(request.body) ?? request.body.toString('utf8');
      requests.push({ host: request.host, path: pathname, body });
      if (faults.delayMs !== undefined && faults.delayMs > 0) await sleep(faults.delayMs);
      return handler(body);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return NOT_FOUND();
    return pages(pathname) ?? NOT_FOUND();
  };

  const handleCourier = (request: StandInRequest, pathname: string, answer: (request: StandInRequest) => StandInResponse): StandInResponse => {
    requests.push({ host: request.host, path: pathname, body: parseForm(request.body) });
    return answer(request);
  };

  return {
    requests,
    async handle(request) {
      const pathname = new URL(request.url, 'https://stand-in.invalid').pathname;
      switch (request.host) {
        case STAND_IN_HOSTS.console:
          return handleConsole(request, pathname);
        case STAND_IN_HOSTS.kuaidi100:
          return handleCourier(request, pathname, kuaidi100);
        case STAND_IN_HOSTS.kdniao:
          return handleCourier(request, pathname, kdniao);
        default:
          return NOT_FOUND();
      }
    },
  };
}
