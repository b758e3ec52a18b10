// The console's pages: a minimal HTML shell per page (the real console renders everything client-side
// too) and the static files of the page scripts under tests/stand-in/client/.

import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SyntheticShop } from '../synthetic-shop';
import { textResponse, type StandInResponse } from './http';

export type ConsoleVariant = 'classic' | 'restyled' | 'unmatchable';

export const ASSET_PREFIX = '/stand-in-assets/';

const CLIENT_DIR = fileURLToPath(new URL('../client/', import.meta.url));

const PAGES: Record<string, { title: string; container: string; script: string }> = {
  '/orders/list': { title: '订单查询', container: 'mf-mms-orders-container', script: 'orders-app.js' },
  '/aftersales/aftersale_list': { title: '售后列表', container: 'mf-mms-aftersales-container', script: 'aftersales-app.js' },
  '/orders/detail': { title: '订单详情', container: 'mf-mms-orders-container', script: 'detail-app.js' },
};

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript;charset=UTF-8',
  '.css': 'text/css;charset=UTF-8',
};

/** A 1×1 white PNG: every goods thumbnail. */
const THUMB_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC', 'base64');

/** JSON that is safe inside an inline <script>. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function pageHtml(shop: SyntheticShop, variant: ConsoleVariant, page: { title: string; container: string; script: string }): string {
  const mms = { user: { userInfo: { _userInfo: { mall_id: shop.shopId, mall_name: shop.shopName } } } };
  // stand-in-now: the console's clock is the shop's clock, whatever the machine's (see README).
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="stand-in-variant" content="${variant}">
<meta name="stand-in-now" content="${shop.now}">
<title>${page.title} - 拼多多商家后台</title>
<link rel="stylesheet" href="${ASSET_PREFIX}console.css">
</head>
<body>
<div id="pdd-app-skeleton-main-content"><div id="${page.container}"></div></div>
<script>window.__mms = ${scriptJson(mms)};</script>
<script type="module" src="${ASSET_PREFIX}${page.script}"></script>
</body>
</html>
`;
}

/** Every file under the client directory, by its path below ASSET_PREFIX. */
function loadAssets(): Map<string, StandInResponse> {
  const assets = new Map<string, StandInResponse>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (extname(entry.name) in CONTENT_TYPES) {
        const type = CONTENT_TYPES[extname(entry.name)] as string;
        assets.set(relative(CLIENT_DIR, path).split(sep).join('/'), { status: 200, headers: { 'content-type': type, 'cache-control': 'no-cache' }, body: readFileSync(path) });
      }
    }
  };
  walk(CLIENT_DIR);
  assets.set('thumb.png', { status: 200, headers: { 'content-type': 'image/png' }, body: THUMB_PNG });
  return assets;
}

/** GET handlers of the console host: pages and assets, or null when the path is none of them. */
export function consolePages(shop: SyntheticShop, variant: ConsoleVariant): (pathname: string) => StandInResponse | null {
  const assets = loadAssets();
  const html = new Map(Object.entries(PAGES).map(([path, page]) => [path, pageHtml(shop, variant, page)]));
  return (pathname) => {
    if (pathname.startsWith(ASSET_PREFIX)) return assets.get(pathname.slice(ASSET_PREFIX.length)) ?? null;
    const page = html.get(pathname);
    if (page !== undefined) return textResponse(200, page, 'text/html;charset=UTF-8');
    if (pathname === '/') return { status: 302, headers: { location: '/orders/list' }, body: '' };
    return null;
  };
}
