// Reading the stand-in console page as a test sees it: the cards the console rendered, and our badges.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface BadgeOnPage {
  kind: string;
  severity: string;
  text: string;
  href: string | null;
}

export interface PageReading {
  /** The page's clock when it was read. */
  now: number;
  /** Order numbers of the cards, from the console's own header text, in page order. */
  cards: string[];
  /** Our badges, by the order number of the card they follow. */
  badges: Record<string, BadgeOnPage[]>;
  hostCount: number;
}

export async function readPage(page: Page): Promise<PageReading> {
  return page.evaluate(() => {
    const cards = [...document.body.innerText.matchAll(/订单(?:编号|号)：\s*(\d{6}-\d{6,20})/g)].map((match) => match[1]!);
    const badges: Record<string, BadgeOnPage[]> = {};
    const hosts = document.querySelectorAll<HTMLElement>('order-sentinel-badges');
    for (const host of hosts) {
      badges[host.dataset.orderSn ?? '?'] = [...(host.shadowRoot?.querySelectorAll<HTMLElement>('.badge') ?? [])].map((badge) => ({
        kind: badge.dataset.kind ?? '',
        severity: badge.dataset.severity ?? '',
        text: badge.textContent ?? '',
        href: badge.getAttribute('href'),
      }));
    }
    return { now: Date.now(), cards, badges, hostCount: hosts.length };
  });
}

/** Waits until the console shows cards and every one of them carries our badges. */
export async function waitForBadgedCards(page: Page): Promise<PageReading> {
  await expect.poll(async () => (await readPage(page)).cards.length, { message: 'console cards' }).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      const reading = await readPage(page);
      return reading.cards.filter((orderSn) => (reading.badges[orderSn]?.length ?? 0) === 0);
    }, { message: 'cards without badges' })
    .toEqual([]);
  return readPage(page);
}

/** Clicks a console tab by its label and waits for the list to be fetched again. */
export async function openTab(page: Page, label: string): Promise<void> {
  const before = (await readPage(page)).cards.join();
  await page.getByText(label, { exact: true }).first().click();
  await expect.poll(async () => (await readPage(page)).cards.join(), { message: `tab ${label}` }).not.toBe(before);
}
