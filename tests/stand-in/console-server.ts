// The stand-in seller console and courier APIs on one HTTPS server on loopback (see README.md).
// Point a browser at it with chromiumFlags(); requests are routed by their Host header.

import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SyntheticShop } from './synthetic-shop';
import { makeSelfSignedCert } from './server/cert';
import type { CourierClock } from './server/courier-clock';
import type { CourierFault, CourierFaultControl, CourierFaultKind, CourierName } from './server/courier-faults';
import type { ConsoleFaults } from './server/faults';
import type { LoggedRequest, StandInRequest } from './server/http';
import type { ConsoleVariant } from './server/pages';
import { createRouter, STAND_IN_HOSTS, type StandInRouter } from './server/router';

export { STAND_IN_KDNIAO, STAND_IN_KUAIDI100, STAND_IN_SENDER_PHONE_TAIL } from './server/credentials';
export { receiverPhoneTail } from './server/phone-tails';
export { kdniaoSign } from './server/kdniao';
export { kuaidi100Sign } from './server/kuaidi100';
export { STAND_IN_HOSTS } from './server/router';
export { COURIER_FAULT_KINDS, TIMEOUT_HOLD_MS } from './server/courier-faults';
export type { ConsoleFaults, ConsoleVariant, CourierClock, CourierFault, CourierFaultControl, CourierFaultKind, CourierName, LoggedRequest };

export interface StandInOptions {
  shop: SyntheticShop;
  /** Markup of the console pages: today's, a restyled release, or one whose cards carry no order number. */
  variant?: ConsoleVariant;
  faults?: ConsoleFaults;
  /** The couriers refuse 顺丰/中通 queries without the receiver's phone tail (default true, as the real APIs). */
  requirePhoneTail?: boolean;
  /** The moment Kuaidi100 and Kdniao answer for (epoch ms); default the shop's clock running on in real time. */
  courierClock?: CourierClock;
}

export interface StandIns {
  port: number;
  certPem: string;
  /** Base64 SHA-256 of the certificate's SPKI, for --ignore-certificate-errors-spki-list. */
  spkiHash: string;
  hosts: string[];
  /** API calls received (console and couriers), oldest first, with their `sec-fetch-site`. */
  requests: LoggedRequest[];
  /** Faults injected into the courier stand-ins at runtime: `standIns.courierFaults.set({ kuaidi100: { kind: 'sign503' } })`. */
  courierFaults: CourierFaultControl;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1 << 20;

export async function startStandIns(options: StandInOptions): Promise<StandIns> {
  const hosts = Object.values(STAND_IN_HOSTS) as string[];
  const cert = await makeSelfSignedCert(hosts);
  const router = createRouter(options);
  const server = createServer({ key: cert.keyPem, cert: cert.certPem }, (req, res) => {
    serve(router, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain;charset=UTF-8' });
      res.end(`stand-in error: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('stand-in server has no port');
  return {
    port: address.port,
    certPem: cert.certPem,
    spkiHash: cert.spkiHash,
    hosts,
    requests: router.requests,
    courierFaults: router.courierFaults,
    close: () => closeServer(server),
  };
}

/** Chromium flags that send the stand-in hosts (and nothing else) to the server and trust its certificate. */
export function chromiumFlags(standIns: Pick<StandIns, 'port' | 'spkiHash' | 'hosts'>): string[] {
  const maps = standIns.hosts.map((host) => `MAP ${host} 127.0.0.1:${standIns.port}`);
  return [`--host-resolver-rules=${[...maps, 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ')}`, `--ignore-certificate-errors-spki-list=${standIns.spkiHash}`];
}

async function serve(router: StandInRouter, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      res.writeHead(413).end();
      return;
    }
    chunks.push(chunk);
  }
  const request: StandInRequest = {
    host: (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase(),
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    body: Buffer.concat(chunks),
    headers: Object.fromEntries(Object.entries(req.headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : value]]))),
  };
  const response = await router.handle(request);
  res.writeHead(response.status, response.headers);
  res.end(request.method === 'HEAD' ? undefined : response.body);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeAllConnections();
  });
}
