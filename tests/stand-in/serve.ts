// Runs the stand-in console and couriers by hand:
//   npx tsx tests/stand-in/serve.ts --size 200 --seed 7 [--now 2026-11-20T10:00:00+08:00]
//     [--variant classic|restyled|unmatchable] [--malformed N] [--broken-body] [--delay MS] [--no-phone-check]
// Prints the port, the host names and a Chromium command line; stops on Ctrl+C.

import { parseArgs } from 'node:util';
import { chromiumFlags, startStandIns, type ConsoleVariant } from './console-server';
import { generateShop } from './synthetic-shop';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '200' },
    seed: { type: 'string', default: '7' },
    now: { type: 'string' },
    variant: { type: 'string', default: 'classic' },
    malformed: { type: 'string' },
    'broken-body': { type: 'boolean', default: false },
    delay: { type: 'string' },
    'no-phone-check': { type: 'boolean', default: false },
  },
});

const variants: readonly string[] = ['classic', 'restyled', 'unmatchable'];
if (!variants.includes(values.variant)) throw new Error(`--variant must be one of ${variants.join(', ')}`);
const now = values.now === undefined ? Date.now() : Date.parse(values.now);
if (Number.isNaN(now)) throw new Error(`--now is not a date: ${values.now}`);

const shop = generateShop({ seed: Number(values.seed), size: Number(values.size), now });
const standIns = await startStandIns({
  shop,
  variant: values.variant as ConsoleVariant,
  faults: {
    ...(values.malformed === undefined ? {} : { malformedOrderRows: Number(values.malformed) }),
    ...(values['broken-body'] ? { brokenOrderListBody: true } : {}),
    ...(values.delay === undefined ? {} : { delayMs: Number(values.delay) }),
  },
  requirePhoneTail: !values['no-phone-check'],
});

const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;
console.log(`stand-in console for shop ${shop.shopId} (${shop.orders.length} orders, ${shop.afterSales.length} after-sales cases, clock ${new Date(now).toISOString()})`);
console.log(`listening on https://127.0.0.1:${standIns.port} for ${standIns.hosts.join(', ')}`);
console.log(`certificate SPKI sha256: ${standIns.spkiHash}`);
console.log('\nopen it in Chromium (add --load-extension=.output/chrome-mv3 to try the extension):');
console.log(`  chromium --user-data-dir="$(mktemp -d)" ${chromiumFlags(standIns).map(quote).join(' ')} https://mms.pinduoduo.com/orders/list`);
console.log('\ninject a courier fault (kinds: http5xx timeout phone408 sign503 expired601 malformed rate429), clear it, read the log:');
console.log(`  curl -sk -X PUT https://127.0.0.1:${standIns.port}/__stand-in/courier-faults -d '{"kuaidi100":{"kind":"sign503","count":1}}'`);
console.log(`  curl -sk -X DELETE https://127.0.0.1:${standIns.port}/__stand-in/courier-faults`);
console.log(`  curl -sk https://127.0.0.1:${standIns.port}/__stand-in/requests`);
console.log('\nCtrl+C stops it.');

const stop = (): void => {
  void standIns.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
