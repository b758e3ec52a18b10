// Obviously fake buyers. Province and city are real-looking (the destination check needs them);
// everything that identifies a person says 测试 ("test") or is a masked 1380000xxxx-style number.

import { DESTINATIONS, type Area } from './catalog';
import { weightedPicker, type Random } from './random';

export interface Buyer {
  name: string;
  nickname: string;
  /** Masked as the console shows it: `138****0001`. */
  mobile: string;
  /** The four digits couriers ask for (lib/tracking/README.md § Phone tail). */
  phoneTail: string;
  address: string;
  district: string;
  area: Area;
  /** The console's buyer id (`uid` on after-sales rows). */
  uid: number;
}

const PHONE_PREFIXES = ['138', '139', '150', '186', '177'];

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
    const buyer: Buyer = {
      name: `测试买家${serial}`,
      nickname: `测试昵称${serial}`,
      mobile: `${PHONE_PREFIXES[index % PHONE_PREFIXES.length]}****${tail}`,
      phoneTail: tail,
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
