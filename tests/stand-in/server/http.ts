// The stand-in's own request/response shapes: the routing is plain functions of these, so the same code
// answers the HTTPS server (console-server.ts) and the in-process happy-dom harness (happy-dom-page.ts).

import type { CourierFaultKind } from './courier-faults';

export interface StandInRequest {
  /** Host header without the port, lower case. */
  host: string;
  method: string;
  /** Path with query, as requested. */
  url: string;
  body: Buffer;
  /** Request headers, names in lower case (the HTTPS server passes them; the in-process happy-dom harness does not). */
  headers?: Readonly<Record<string, string>>;
}

export interface StandInResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** One API call the stand-ins received (console APIs and courier queries; pages and assets are not logged). */
export interface LoggedRequest {
  host: string;
  path: string;
  /** Parsed JSON for the console; the form fields for the couriers; the raw text when unparseable. */
  body: unknown;
  /** When the stand-in received it (epoch ms, the machine's clock, not the shop's or the couriers'). */
  receivedAt: number;
  /**
   * The `Sec-Fetch-Site` header, when sent. An extension fetch that holds the host permission sends `none`,
   * one without it `cross-site` (tests/stand-in/README.md § Couriers).
   */
  secFetchSite?: string;
  /** Courier queries: the waybill asked about, null when the form does not say. */
  trackingNumber?: string | null;
  /** Courier queries: the injected fault that answered instead of the courier. */
  fault?: CourierFaultKind;
}

export const JSON_TYPE = 'application/json;charset=UTF-8';

export function jsonResponse(value: unknown, status = 200): StandInResponse {
  return { status, headers: { 'content-type': JSON_TYPE }, body: JSON.stringify(value) };
}

export function textResponse(status: number, body: string, contentType = 'text/plain;charset=UTF-8'): StandInResponse {
  return { status, headers: { 'content-type': contentType }, body };
}

/** The body as JSON, or undefined when it is not JSON. */
export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** An `application/x-www-form-urlencoded` body as a field map (first value of each field). */
export function parseForm(body: Buffer): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body.toString('utf8'))) {
    if (!(key in fields)) fields[key] = value;
  }
  return fields;
}
