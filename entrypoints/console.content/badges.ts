import { badgesFor, badgeSeverity, badgeText, type BadgeModel } from '@/lib/badges/badge-model';
import { detailUrl } from '@/lib/console-urls';
import { explainFinding, type ExplanationLine } from '@/lib/explain/explain-finding';
import { explainTrace } from '@/lib/explain/explain-trace';
import { consoleText as t } from '@/lib/i18n/console-messages';
import type { OrderView } from '@/lib/messages/protocol';
import type { FindingKind } from '@/lib/findings/registry';
import type { Lang } from '@/lib/time/shanghai';
import { BADGE_HOST_TAG, createBadgeHost } from './badge-host';
import type { Ticker } from './ticker';

export interface BadgeOptions {
  lang: Lang;
  enabled: Readonly<Record<FindingKind, boolean>>;
  formatInstant: (ms: number) => string;
}

/**
 * Draws an order's badges into the shadow root that follows its order number. Badges are links to the
 * order's detail page; hovering or focusing them opens the explanation, built only when first asked for.
 */
export class BadgeRenderer {
  private readonly viewOfHost = new WeakMap<HTMLElement, OrderView>();

  constructor(
    private readonly ticker: Ticker,
    private readonly options: () => BadgeOptions,
    private readonly clock: () => number = Date.now,
  ) {}

  readonly draw = (anchor: Element, view: OrderView | null): void => {
    const next = anchor.nextElementSibling;
    let host = next instanceof HTMLElement && next.localName === BADGE_HOST_TAG ? next : null;
    if (view === null) {
      host?.remove();
      return;
    }
    if (host === null || host.dataset.orderSn !== view.orderSn) {
      host?.remove();
      host = this.createHost(view.orderSn);
      anchor.after(host);
    }
    this.viewOfHost.set(host, view);
    this.render(host, view);
  };

  private createHost(orderSn: string): HTMLElement {
    const { host } = createBadgeHost(orderSn);
    const explain = () => {
      const view = this.viewOfHost.get(host);
      if (view !== undefined && host.shadowRoot !== null) this.showExplanation(host.shadowRoot, view);
    };
    host.addEventListener('mouseenter', explain);
    host.addEventListener('focusin', explain);
    return host;
  }

  private render(host: HTMLElement, view: OrderView, now = this.clock()): void {
    const root = host.shadowRoot!;
    const { lang, enabled } = this.options();
    const models = badgesFor(view.findings, enabled, now);
    const list = document.createElement('span');
    list.className = 'badges';
    for (const model of models) list.append(this.badge(model, host, view.orderSn, lang, now));
    if (view.waitingFor !== null) list.append(waitingChip(view.waitingFor, lang));
    if (models.length === 0 && view.waitingFor === null) list.append(quietBadge(lang));
    root.replaceChildren(list);
  }

  private badge(model: BadgeModel, host: HTMLElement, orderSn: string, lang: Lang, now: number): HTMLAnchorElement {
    const link = document.createElement('a');
    link.className = 'badge';
    link.href = detailUrl(orderSn);
    link.target = '_blank';
    link.rel = 'noopener';
    link.dataset.kind = model.kind;
    link.dataset.severity = model.severity;
    link.textContent = badgeText(model, now, lang);
    link.setAttribute('aria-label', `${badgeText(model, now, lang)} · ${t('orderDetail', lang)}`);
    if (model.dueAt !== null) {
      this.ticker.add({
        dueAt: model.dueAt,
        isConnected: () => link.isConnected,
        update: (tickNow) => {
          const severity = badgeSeverity(model, tickNow);
          if (severity === null) {
            // The window this clock counted down has closed: the order's badges are chosen again without it,
            // at this tick's instant, so that the badges drawn now are the ones still open then.
            const latest = this.viewOfHost.get(host);
            if (latest !== undefined) this.render(host, latest, tickNow);
            return;
          }
          const text = badgeText(model, tickNow, lang);
          if (link.textContent !== text) link.textContent = text;
          if (link.dataset.severity !== severity) link.dataset.severity = severity;
        },
      });
    }
    return link;
  }

  private showExplanation(root: ShadowRoot, view: OrderView): void {
    const { lang, enabled, formatInstant } = this.options();
    const now = this.clock();
    const panel = document.createElement('div');
    panel.className = 'explain';
    panel.setAttribute('role', 'tooltip');
    for (const model of badgesFor(view.findings, enabled, now)) {
      const explanation = explainFinding(model.finding, model.severity, lang, formatInstant);
      const section = titled(model.kind, `${explanation.title} · ${explanation.severity}`);
      if (explanation.due !== null) section.append(line(t('explainDue', lang), explanation.due));
      appendLines(section, explanation.lines);
      section.append(line(t('explainRule', lang), explanation.rule));
      if (explanation.heuristic) section.append(note(t('heuristic', lang)));
      if (explanation.verify !== null) section.append(note(explanation.verify, 'verify'));
      section.append(note(t('explainAdvice', lang, { advice: explanation.advice }), 'advice'));
      panel.append(section);
    }
    // The trace the findings were judged on (also behind a quiet ✓): where it came from and when.
    if (view.trace !== null) {
      const trace = explainTrace(view.trace, lang, formatInstant);
      const section = titled('trace', trace.title);
      appendLines(section, trace.lines);
      panel.append(section);
    }
    if (view.waitingFor !== null) {
      const section = titled('waiting', t(WAITING[view.waitingFor].label, lang));
      section.append(note(t(WAITING[view.waitingFor].help, lang), 'advice'));
      panel.append(section);
    }
    root.querySelector('.explain')?.remove();
    if (panel.childElementCount > 0) root.append(panel);
  }
}

const WAITING = {
  phone_tail: { label: 'waitingPhoneTail', help: 'waitingPhoneTailHelp' },
  courier: { label: 'waitingCourier', help: 'waitingCourierHelp' },
} as const;

/** The parcel is not queried until the merchant supplies what its courier needs: said on the card, not left silent. */
function waitingChip(waitingFor: NonNullable<OrderView['waitingFor']>, lang: Lang): HTMLElement {
  const chip = document.createElement('span');
  chip.className = 'badge';
  chip.dataset.kind = 'waiting';
  chip.dataset.severity = 'info';
  chip.textContent = t(WAITING[waitingFor].label, lang);
  return chip;
}

/** Says the order was read and nothing is due, so a card without warnings is not mistaken for a miss. */
function quietBadge(lang: Lang): HTMLElement {
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.dataset.kind = 'none';
  badge.textContent = '✓';
  badge.title = t('nothingDue', lang);
  badge.setAttribute('aria-label', t('nothingDue', lang));
  return badge;
}

function titled(kind: string, text: string): HTMLElement {
  const section = document.createElement('section');
  section.dataset.kind = kind;
  const title = document.createElement('h4');
  title.textContent = text;
  section.append(title);
  return section;
}

function appendLines(section: HTMLElement, lines: readonly ExplanationLine[]): void {
  for (const entry of lines) section.append(line(entry.label, entry.value));
}

function line(label: string, value: string): HTMLElement {
  const row = document.createElement('div');
  row.className = 'line';
  const name = document.createElement('span');
  name.className = 'label';
  name.textContent = label;
  const text = document.createElement('span');
  text.textContent = value;
  row.append(name, text);
  return row;
}

function note(text: string, className = 'note'): HTMLElement {
  const paragraph = document.createElement('p');
  paragraph.className = className;
  paragraph.textContent = text;
  return paragraph;
}
