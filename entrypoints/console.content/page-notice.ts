import { consoleText as t } from '@/lib/i18n/console-messages';
import type { PageHealth } from '@/lib/messages/protocol';
import type { Lang } from '@/lib/time/shanghai';

const NOTICE_CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; }
.notice { display: flex; gap: 8px; align-items: center; max-width: 360px; padding: 8px 12px; border-radius: 4px;
  background: #fff7e6; border: 1px solid #ffd591; color: #ad4e00; box-shadow: 0 2px 8px rgba(0,0,0,.12);
  font: 12px/18px -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
.notice b { color: #e02e24; }
`;

export const NOTICE_TAG = 'order-sentinel-notice';

/** The single, unobtrusive notice shown while badges are paused because the page cannot be read. */
export class PageNotice {
  private host: HTMLElement | null = null;

  show(state: PageHealth['state'], lang: Lang): void {
    if (state === 'ok') {
      this.host?.remove();
      this.host = null;
      return;
    }
    if (this.host === null) {
      this.host = document.createElement(NOTICE_TAG);
      const root = this.host.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(NOTICE_CSS);
      root.adoptedStyleSheets = [sheet];
    }
    const box = document.createElement('div');
    box.className = 'notice';
    box.setAttribute('role', 'status');
    const name = document.createElement('b');
    name.textContent = t('appName', lang);
    const text = document.createElement('span');
    text.textContent = t(state === 'unmatched' ? 'structureChanged' : 'noCapture', lang);
    box.append(name, text);
    this.host.shadowRoot!.replaceChildren(box);
    this.host.dataset.state = state;
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }
}
