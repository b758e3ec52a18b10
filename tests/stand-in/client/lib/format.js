// @ts-check
// How the console prints values: Shanghai wall-clock times whatever the machine's zone, yuan from cents.

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/**
 * `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai for unix seconds; '' for anything that is not a time.
 * @param {unknown} seconds
 */
export function shanghaiTime(seconds) {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return '';
  /** @type {Record<string, string>} */
  const part = {};
  for (const { type, value } of SHANGHAI.formatToParts(new Date(seconds * 1000))) part[type] = value;
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}

/** @param {unknown} cents */
export function yuan(cents) {
  return typeof cents === 'number' && Number.isFinite(cents) ? `¥${(cents / 100).toFixed(2)}` : '--';
}

/** The console hides all but the first character of a name until 查看. @param {unknown} name */
export function maskName(name) {
  return typeof name === 'string' && name.length > 0 ? `${name.charAt(0)}**` : '';
}

/** @param {unknown} value */
export function text(value) {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/**
 * Remaining time as the after-sales list prints it: `剩余1天02时03分`.
 * @param {number} seconds
 */
export function remaining(seconds) {
  const minutes = Math.max(0, Math.floor(seconds / 60));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `剩余${days > 0 ? `${days}天` : ''}${pad(hours)}时${pad(minutes % 60)}分`;
}
