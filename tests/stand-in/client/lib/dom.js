// @ts-check
// DOM building without HTML strings: console data is untrusted text and only ever becomes textContent.

/**
 * @typedef {{ className?: string, text?: string, attrs?: Record<string, string>, onClick?: (event: Event) => void }} Props
 * @typedef {Node | string | null | undefined | false} Child
 */

/**
 * Creates an element. Strings among the children become text nodes.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {Child[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.text !== undefined) element.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  if (props.onClick) element.addEventListener('click', props.onClick);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** The content of `<meta name="…">`, or null. @param {string} name */
export function meta(name) {
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
}

/** The stand-in's page variant: classic, restyled or unmatchable. */
export function pageVariant() {
  return meta('stand-in-variant') ?? 'classic';
}

/** The console's clock in unix seconds: the stand-in's (its data is generated for it), else the machine's. */
export function consoleNowSeconds() {
  const fixed = Number(meta('stand-in-now'));
  return Math.floor((Number.isFinite(fixed) && fixed > 0 ? fixed : Date.now()) / 1000);
}
