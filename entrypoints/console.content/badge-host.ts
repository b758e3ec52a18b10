// One constructed stylesheet shared by every badge's shadow root: a new sheet per row is a known
// performance trap, and shadow roots keep the console's CSS and ours from touching each other.

const BADGE_CSS = `
:host { all: initial; display: inline-flex; gap: 4px; margin-left: 8px; vertical-align: middle;
  font: 12px/18px -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
.badge { display: inline-flex; align-items: center; gap: 2px; padding: 0 6px; border-radius: 2px;
  border: 1px solid #d9d9d9; color: #595959; background: #fafafa; white-space: nowrap; text-decoration: none; }
.badge[data-severity="info"] { border-color: #91caff; color: #0958d9; background: #e6f4ff; }
.badge[data-severity="warn"] { border-color: #ffd591; color: #d46b08; background: #fff7e6; }
.badge[data-severity="critical"] { border-color: #ffa39e; color: #cf1322; background: #fff1f0; }
.badge[data-severity="breached"] { border-color: #cf1322; color: #fff; background: #cf1322; }
`;

let sharedSheet: CSSStyleSheet | null = null;

function badgeSheet(): CSSStyleSheet {
  if (sharedSheet === null) {
    sharedSheet = new CSSStyleSheet();
    sharedSheet.replaceSync(BADGE_CSS);
  }
  return sharedSheet;
}

export const BADGE_HOST_TAG = 'order-sentinel-badges';

/** Creates the inline host that follows a card's order number, with its shadow root. */
export function createBadgeHost(orderSn: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(BADGE_HOST_TAG);
  host.dataset.orderSn = orderSn;
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [badgeSheet()];
  return { host, root };
}
