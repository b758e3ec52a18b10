// One constructed stylesheet shared by every badge's shadow root: a new sheet per row is a known
// performance trap, and shadow roots keep the console's CSS and ours from touching each other.

const BADGE_CSS = `
:host { all: initial; position: relative; display: inline-block; margin-left: 8px; vertical-align: middle;
  font: 12px/18px -apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
.badges { display: inline-flex; flex-wrap: wrap; gap: 4px; }
.badge { display: inline-flex; align-items: center; padding: 0 6px; border-radius: 2px; border: 1px solid #d9d9d9;
  color: #595959; background: #fafafa; white-space: nowrap; text-decoration: none; font-variant-numeric: tabular-nums; }
.badge[data-kind="none"] { color: #52c41a; border-color: #b7eb8f; background: #f6ffed; }
.badge:focus-visible { outline: 2px solid #1677ff; outline-offset: 1px; }
.badge[data-severity="info"] { border-color: #91caff; color: #0958d9; background: #e6f4ff; }
.badge[data-severity="warn"] { border-color: #ffd591; color: #d46b08; background: #fff7e6; }
.badge[data-severity="critical"] { border-color: #ffa39e; color: #cf1322; background: #fff1f0; }
.badge[data-severity="breached"] { border-color: #cf1322; color: #fff; background: #cf1322; }
.explain { display: none; position: absolute; top: calc(100% + 4px); left: 0; z-index: 2147483000; width: 360px;
  max-height: 420px; overflow: auto; padding: 8px 12px; border-radius: 4px; background: #fff; color: #262626;
  box-shadow: 0 6px 16px rgba(0,0,0,.12), 0 3px 6px -4px rgba(0,0,0,.12); white-space: normal; }
:host(:hover) .explain, :host(:focus-within) .explain { display: block; }
.explain section + section { margin-top: 8px; padding-top: 8px; border-top: 1px solid #f0f0f0; }
.explain h4 { margin: 0 0 4px; font-size: 13px; }
.explain .line { display: flex; gap: 8px; }
.explain .label { flex: none; width: 96px; color: #8c8c8c; }
.explain p { margin: 4px 0 0; }
.explain .note { color: #8c8c8c; }
.explain .advice { color: #262626; }
.explain .verify { color: #d46b08; }
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
