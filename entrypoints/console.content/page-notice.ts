import { consoleText as t } from '@/lib/i18n/console-messages';
import type { PageHealth } from '@/lib/messages/protocol';
import type { Lang } from '@/lib/time/shanghai';

const NOTICE_CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; }
.notice { display: flex; gap: 8px; align-items: flex-start; max-width: 360px; padding: 8px 12px; border-radius: 4px;
  background: #fff7e6; border: 1px solid #ffd591; color: #ad4e00; box-shadow: 0 2px 8px rgba(0,0,0,.12);
  font: 12px/18px -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
.notice.calm { background: #f5f5f5; border-color: #d9d9d9; color: #595959; }
.notice b { color: #e02e24; }
.lines { display: flex; flex-direction: column; }
.skipped { cursor: help; }
`;

export const NOTICE_TAG = 'order-sentinel-notice';

/**
 * The single, unobtrusive notice of the page: badges paused because the page cannot be read, and rows of
 * the latest captures that could not be read and were skipped (a calm line, the reasons on hover).
 */
export class PageNotice {
  private host: HTMLElement | null = null;
  private paused: PageHealth['state'] = 'ok';
  private skipped: { count: number; reasons: readonly string[] } = { count: 0, reasons: [] };
  private lang: Lang = 'zh';

  show(state: PageHealth['state'], lang: Lang): void {
    this.paused = state;
    this.lang = lang;
    this.render();
  }

  showSkipped(count: number, reasons: readonly string[], lang: Lang): void {
    this.skipped = { count, reasons };
    this.lang = lang;
    this.render();
  }

  private render(): void {
    const lang = this.lang;
    if (this.paused === 'ok' && this.skipped.count === 0) {
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
    // Skipped rows alone are no alarm: the rest of the page is read and badged.
    box.className = this.paused === 'ok' ? 'notice calm' : 'notice';
    box.setAttribute('role', 'status');
    const name = document.createElement('b');
    name.textContent = t('appName', lang);
    const lines = document.createElement('span');
    lines.className = 'lines';
    if (this.paused !== 'ok') {
      const text = document.createElement('span');
      text.textContent = t(this.paused === 'unmatched' ? 'structureChanged' : 'noCapture', lang);
      lines.append(text);
    }
    if (this.skipped.count > 0) {
      const text = document.createElement('span');
      text.className = 'skipped';
      text.textContent = t('rowsSkipped', lang, { count: this.skipped.count });
      text.title = this.skipped.reasons.join('\n');
      lines.append(text);
    }
    box.append(name, lines);
    this.host.shadowRoot!.replaceChildren(box);
    this.host.dataset.state = this.paused;
    this.host.dataset.skippedRows = String(this.skipped.count);
    if (!this.host.isConnected) document.documentElement.append(this.host);
  }
}
