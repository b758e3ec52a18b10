// Wall-clock strings in Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991, so a
// fixed offset is exact for every date the stand-in produces and keeps 100k-order shops fast to build.
// (The unit tests cross-check these against @date-fns/tz.)

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;

const SHANGHAI_OFFSET_S = 8 * HOUR;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function shanghaiWallClock(unixSeconds: number): WallClock {
  const date = new Date((Math.floor(unixSeconds) + SHANGHAI_OFFSET_S) * 1000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/** `YYYY-MM-DD HH:mm:ss` in Shanghai, the format couriers and the console print. */
export function shanghaiDateTime(unixSeconds: number): string {
  const t = shanghaiWallClock(unixSeconds);
  return `${t.year}-${pad2(t.month)}-${pad2(t.day)} ${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
}

const yymmddByDay = new Map<number, string>();

/** `YYMMDD` in Shanghai: the date prefix of an order number (cached per day: 100k orders span 90 days). */
export function shanghaiYymmdd(unixSeconds: number): string {
  const day = Math.floor((unixSeconds + SHANGHAI_OFFSET_S) / DAY);
  let text = yymmddByDay.get(day);
  if (text === undefined) {
    const t = shanghaiWallClock(unixSeconds);
    text = `${pad2(t.year % 100)}${pad2(t.month)}${pad2(t.day)}`;
    yymmddByDay.set(day, text);
  }
  return text;
}
