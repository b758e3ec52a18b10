// The contract between the poller and the tracking clients (Kuaidi100, Kdniao, the demo simulation): what
// a query asks, what it may answer, and how a client reaches the network. Pure types: the clients build and
// read requests; the background owns `fetch` and hands it in as a Transport.
import type { TrackingResult } from './status';

/** The merchant's choice in settings (查询服务). `console_only` queries nobody: only the console's own traces are read. */
export type TrackingService = 'kuaidi100' | 'kdniao' | 'demo' | 'console_only';

/** A service that is asked about parcels. */
export type QueryProvider = Exclude<TrackingService, 'console_only'>;

export interface Kuaidi100Credentials {
  customer: string;
  key: string;
}

export interface KdniaoCredentials {
  businessId: string;
  apiKey: string;
  /** 1002 即时查询 (free tier) or 8001 在途监控 (paid, with StateEx sub-states). */
  requestType: '1002' | '8001';
}

/** One parcel to ask about. */
export interface TrackingQuery {
  trackingNumber: string;
  /** PDD `shipping_id` of an order carrying the parcel: the client maps it to its courier code. */
  shippingId: number | null;
  courierName: string | null;
  /** Four digits for 顺丰/中通 (the order's virtual-number extension, else the sender tail from settings); null when neither is known. */
  phoneTail: string | null;
  /** Upload time of the tracking number (epoch ms); the demo simulation's timeline counts from it. */
  shippedAt: number | null;
  /** The order's destination, for the demo simulation (it never sees the street address). */
  provinceName: string | null;
  cityName: string | null;
}

/**
 * What went wrong, in the classes of lib/tracking/README.md § Error classes, each with its handling:
 * - `auth`: account or key problem (Kuaidi100 503/601, Kdniao 签名/ID): stop querying this provider until settings change.
 * - `bad_input`: this waybill cannot be asked as it is (unknown courier, Kuaidi100 400): no retry until its order changes.
 * - `needs_phone`: 顺丰/中通 without the right phone tail (Kuaidi100 408, Kdniao CustomerName): wait for a tail.
 * - `rate`: rate limit or daily quota (HTTP 429, Kdniao cap): pause the provider until `retryAt`.
 * - `transient`: 5xx, network failure, timeout, unreadable body: exponential backoff with jitter, ≤ 5 tries.
 * A "no record yet" answer (Kuaidi100 500, Kdniao State 0) is not an error: it is a reading with `noRecord`.
 */
export type ProviderErrorClass = 'auth' | 'bad_input' | 'needs_phone' | 'rate' | 'transient';

export interface PlainMessage {
  zh: string;
  en: string;
}

export type QueryOutcome =
  | { ok: true; result: Extract<TrackingResult, { ok: true }> }
  | {
      ok: false;
      errorClass: ProviderErrorClass;
      /** The provider's own code when it sent one (returnCode, HTTP status), for logs and tests. */
      code: string | null;
      /** Technical detail, escaped, never containing credentials. */
      detail: string;
      /** What the merchant should do, in plain language ("签名错误：请核对授权key与customer"). */
      message: PlainMessage;
      /** For `rate`: when the provider may be asked again (epoch ms), if it said. */
      retryAt?: number;
    };

/** A request a client wants sent; the body is the exact text it signed over. */
export interface HttpRequestSpec {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

/** Sends a request; rejects on network failure or timeout (the client turns that into `transient`). */
export type Transport = (request: HttpRequestSpec) => Promise<{ status: number; text: string }>;

export interface TrackingClient {
  provider: QueryProvider;
  query(query: TrackingQuery, context: { now: number; transport: Transport }): Promise<QueryOutcome>;
}
