// Instants are shown in the merchant's own time zone; when that is not China time, the platform's
// Beijing time follows in brackets, since every platform clock runs on it.
import { formatShanghai, SHANGHAI, type Lang } from '../time/shanghai';

export function instantFormatter(lang: Lang, timeZone?: string): (ms: number) => string {
  const local = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone,
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const zone = local.resolvedOptions().timeZone;
  const beijing = lang === 'zh' ? '北京时间' : 'Beijing';
  return (ms) => {
    const text = local.format(ms);
    return zone === SHANGHAI || zone === 'Asia/Chongqing' || zone === 'PRC' ? text : `${text} (${beijing} ${formatShanghai(ms)})`;
  };
}
