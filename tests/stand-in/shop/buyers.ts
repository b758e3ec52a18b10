// Obviously fake buyers. Province and city are real-looking (the destination check needs them);
// everything that identifies a person says 测试 ("test"), is a masked 138****xxxx-style number, or is an
// e-commerce privacy number 1840000xxxx-NNNN (主号-分机) on the 184 range the couriers' virtual numbers use.

import { DESTINATIONS, type Area } from './catalog';
import { weightedPicker, type Random } from './random';

export interface Buyer {
  name: string;
  nickname: string;
  /**
   * As the console shows it: masked `138****0001`, or a privacy number `主号-分机`, in full (`18400000003-4567`)
   * or masked (`184****0006-8912`).
   */
  mobile: string;
  /**
   * The four digits couriers accept as the receiver's (lib/tracking/README.md § Phone tail): the extension of a
   * privacy number, else the last four of the masked number (the buyer's real digits, which the extension must not keep).
   */
  phoneTail: string;
  address: string;
  district: string;
  area: Area;
  /** The console's buyer id (`uid` on after-sales rows). */
  uid: number;
}

const PHONE_PREFIXES = ['138', '139', '150', '186', '177'];

/** Every third buyer ordered with a privacy number, half of them shown masked: `184****0006-8912`. */
function privacyNumberOf(index: number, serialTail: string): { mobile: string; extension: string } | null {
  if (index % 3 !== 2) return null;
  let extension = (index * 7919 + 4567) % 10_000;
  // A client that read the main number's last four instead of the extension must get a 408, so they differ.
  if (String(extension).padStart(4, '0') === serialTail) extension = (extension + 1) % 10_000;
  const ext = String(extension).padStart(4, '0');
  const main = Math.floor(index / 3) % 2 === 0 ? `1840000${serialTail}` : `184****${serialTail}`;
  return { mobile: `${main}-${ext}`, extension: ext };
}

const pickDestination = weightedPicker(DESTINATIONS, (place) => place.weight);

export class BuyerPool {
  private readonly buyers: Buyer[] = [];
  private readonly width: number;

  constructor(
    private readonly random: Random,
    readonly size: number,
  ) {
    this.width = Math.max(4, String(size).length);
  }

  /** Buyer `index` (0-based), created on first use. */
  get(index: number): Buyer {
    const existing = this.buyers[index];
    if (existing !== undefined) return existing;
    const serial = String(index + 1).padStart(this.width, '0');
    const tail = serial.slice(-4);
    const privacy = privacyNumberOf(index, tail);
    const buyer: Buyer = {
      name: `测试买家${serial}`,
      nickname: `测试昵称${serial}`,
      mobile: privacy?.mobile ?? `${PHONE_PREFIXES[index % PHONE_PREFIXES.length]}****${tail}`,
      phoneTail: privacy?.extension ?? tail,
      address: `测试省测试市测试路${index + 1}号`,
      district: `测试${(index % 9) + 1}区`,
      area: pickDestination(this.random),
      uid: 8_100_000_000 + index * 37,
    };
    this.buyers[index] = buyer;
    return buyer;
  }

  any(): Buyer {
    return this.get(this.random.int(0, this.size - 1));
  }

  /** Every PII string handed out so far, deduplicated. */
  pii(): { names: string[]; phones: string[]; addresses: string[] } {
    const names: string[] = [];
    const phones = new Set<string>();
    const addresses: string[] = [];
    const districts = new Set<string>();
    this.buyers.forEach((buyer) => {
      // Names and addresses carry the buyer's serial, so they are unique; masked phones and districts repeat.
      names.push(buyer.name, buyer.nickname);
      addresses.push(buyer.address);
      phones.add(buyer.mobile);
      districts.add(buyer.district);
    });
    return { names, phones: [...phones], addresses: [...addresses, ...districts] };
  }
}
