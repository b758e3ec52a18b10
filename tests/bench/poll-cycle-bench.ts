// The worker's CPU time for one poll cycle of 50 replies (issue 11): the real Kuaidi100 client (signing,
// encoding, reading) against an in-memory transport that answers with the stand-in's bodies, the real cycle
// and history ingest, over fake-indexeddb in Node. fake-indexeddb is far slower than Chromium's IndexedDB, so
// the total is an upper bound; the client's share (sign, parse, normalize) is printed apart.
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { openSentinelDb } from '../../lib/db/schema';
import { DEFAULT_POLICY } from '../../lib/findings/policy';
import { ingestCapture } from '../../lib/ingest/ingest-capture';
import { runPollCycle } from '../../lib/polling/cycle';
import { kuaidi100Client } from '../../lib/tracking/kuaidi100-client';
import type { TrackingClient, Transport } from '../../lib/tracking/provider';
import { createRouter, STAND_IN_HOSTS } from '../stand-in/server/router';
import { STAND_IN_KUAIDI100 } from '../stand-in/server/credentials';
import { STAND_IN_SENDER_PHONE_TAIL } from '../stand-in/console-server';
import { generateShop } from '../stand-in/synthetic-shop';

const REPLIES = 50;
const RUNS = 5;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const now = Date.now();
const shop = generateShop({ seed: 11, size: 400, now });
const router = createRouter({ shop });
/** Answers as the stand-in Kuaidi100 does, without a socket; the time spent here is not the worker's. */
const transport: Transport = async (request) => {
  const response = await router.handle({ host: STAND_IN_HOSTS.kuaidi100, method: 'POST', url: new URL(request.url).pathname, body: Buffer.from(request.body) });
  return { status: response.status, text: typeof response.body === 'string' ? response.body : response.body.toString('utf8') };
};
const client = kuaidi100Client(STAND_IN_KUAIDI100);
/** Time spent in the client itself (sign, encode, parse, normalize), the stand-in's answering left out. */
let clientMs = 0;
const measuredClient: TrackingClient = {
  provider: client.provider,
  async query(query, context) {
    let answering = 0;
    const before = performance.now();
    const outcome = await client.query(query, {
      ...context,
      transport: async (request) => {
        const handedOver = performance.now();
        const reply = await context.transport(request);
        answering += performance.now() - handedOver;
        return reply;
      },
    });
    clientMs += performance.now() - before - answering;
    return outcome;
  },
};

const cpu: number[] = [];
const wall: number[] = [];
const clientShare: number[] = [];
let readings = 0;
for (let run = 0; run < RUNS; run++) {
  const db = openSentinelDb(`poll-cycle-bench-${run}`);
  const shipped = shop.orders.filter((row) => typeof row.tracking_number === 'string' && row.tracking_number.trim() !== '' && row.order_status_str === '已发货，待收货');
  await ingestCapture(db, { endpoint: 'recentOrderList', shopId: shop.shopId, capturedAt: now, request: null, response: { success: true, result: { pageItems: shipped } } }, now, DEFAULT_POLICY);
  clientMs = 0;
  const startCpu = process.cpuUsage();
  const startWall = performance.now();
  const report = await runPollCycle(db, {
    now: () => now,
    random: Math.random,
    client: measuredClient,
    transport,
    settings: { service: 'kuaidi100', senderPhoneTail: STAND_IN_SENDER_PHONE_TAIL, dailyBudget: 100_000 },
    policy: DEFAULT_POLICY,
    maxThisCycle: REPLIES,
  });
  const used = process.cpuUsage(startCpu);
  wall.push(performance.now() - startWall);
  cpu.push((used.user + used.system) / 1000);
  clientShare.push(clientMs);
  readings = report.readings + Object.values(report.errors).reduce((sum, n) => sum + n, 0);
  db.close();
}

console.log(`One poll cycle of ${readings} Kuaidi100 replies (${shop.orders.length}-order shop, median of ${RUNS}; Node, fake-indexeddb)`);
console.log(`  worker CPU time: ${median(cpu).toFixed(0)} ms (wall ${median(wall).toFixed(0)} ms), of which the client (sign, encode, parse, normalize): ${median(clientShare).toFixed(1)} ms`);
