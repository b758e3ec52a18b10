// @ts-check
// beast-core's pagination as the console renders it (lib/pdd/README.md § DOM clues): a `ul[data-testid="beast-core-pagination"]`
// whose class names carry the component release, e.g. `PGT_next_5-120-1`.

import { h } from './dom.js';

/**
 * Page numbers to show: all of them up to 7 pages, else the first, the last and two either side of the
 * current one, with 0 marking a gap.
 * @param {number} page @param {number} pages @returns {number[]}
 */
function visiblePages(page, pages) {
  if (pages <= 7) return Array.from({ length: pages }, (_, i) => i + 1);
  const from = Math.max(2, page - 2);
  const to = Math.min(pages - 1, page + 2);
  return [1, ...(from > 2 ? [0] : []), ...Array.from({ length: to - from + 1 }, (_, i) => from + i), ...(to < pages - 1 ? [0] : []), pages];
}

/**
 * @param {{ total: number, page: number, pageSize: number, version: string, onPage: (page: number) => void }} options
 */
export function pagination({ total, page, pageSize, version, onPage }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const cls = (/** @type {string[]} */ ...names) => names.map((name) => `PGT_${name}_${version}`).join(' ');
  /**
   * @param {string} label @param {number} target the page a click goes to
   * @param {string} className @param {boolean} disabled @param {Record<string, string>} [attrs]
   */
  const item = (label, target, className, disabled, attrs = {}) =>
    h('li', {
      className: disabled ? `${className} ${cls('disabled')}` : className,
      text: label,
      attrs: disabled ? { ...attrs, 'aria-disabled': 'true' } : attrs,
      onClick: () => {
        if (!disabled && target !== page) onPage(target);
      },
    });
  return h(
    'ul',
    { className: cls('outerWrapper'), attrs: { 'data-testid': 'beast-core-pagination', 'data-status': `beast-core-pagination-${pageSize}-${page}` } },
    h('li', { className: cls('totalText'), text: `共 ${total} 条` }),
    item('‹', page - 1, cls('prev'), page <= 1, { 'data-testid': 'beast-core-pagination-prev' }),
    ...visiblePages(page, pages).map((n, i, all) => {
      if (n !== 0) return item(String(n), n, n === page ? cls('pagerItem', 'pagerItemActive') : cls('pagerItem'), false, { title: String(n) });
      const back = i < all.indexOf(page);
      return item('•••', back ? Math.max(1, page - 5) : Math.min(pages, page + 5), cls(back ? 'jumpPrev' : 'jumpNext'), false);
    }),
    item('›', page + 1, cls('next'), page >= pages, { 'data-testid': 'beast-core-pagination-next' }),
  );
}
