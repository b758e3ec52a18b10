// The stand-in's own control endpoint, for a stand-in run by hand (serve.ts) or from another process: read
// and change the courier faults, read the request log. Tests in the same process use the router's
// `courierFaults` and `requests` directly. Answered only on the loopback address, never on a mapped host name.
//   GET  /__stand-in/courier-faults      → the faults in force
//   PUT  /__stand-in/courier-faults      {"kuaidi100":{"kind":"sign503","count":2}} → sets them (null clears one)
//   DELETE /__stand-in/courier-faults    → clears all
//   GET  /__stand-in/requests            → the request log

import type { CourierFaultControl } from './courier-faults';
import { jsonResponse, parseJson, textResponse, type LoggedRequest, type StandInRequest, type StandInResponse } from './http';

export const CONTROL_HOSTS: readonly string[] = ['127.0.0.1', 'localhost'];

export function controlApi(courierFaults: CourierFaultControl, requests: readonly LoggedRequest[]): (request: StandInRequest, pathname: string) => StandInResponse {
  return (request, pathname) => {
    if (pathname === '/__stand-in/requests' && request.method === 'GET') return jsonResponse(requests);
    if (pathname !== '/__stand-in/courier-faults') return textResponse(404, 'Not Found');
    switch (request.method) {
      case 'GET':
        return jsonResponse(courierFaults.current());
      case 'DELETE':
        courierFaults.clear();
        return jsonResponse(courierFaults.current());
      case 'PUT':
      case 'POST': {
        const body = parseJson(request.body);
        if (typeof body !== 'object' || body === null || Array.isArray(body)) return jsonResponse({ error: 'body must be a JSON object keyed by courier' }, 400);
        try {
          courierFaults.set(body);
        } catch (error) {
          return jsonResponse({ error: error instanceof Error ? error.message : String(error) }, 400);
        }
        return jsonResponse(courierFaults.current());
      }
      default:
        return textResponse(405, 'Method Not Allowed');
    }
  };
}
