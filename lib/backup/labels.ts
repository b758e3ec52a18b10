// Words for the exported files. The merchant opens them in Excel or WPS, so headers and values are in
// Chinese; ids stay beside them so a file can be read back by a program.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { SHANGHAI } from '../time/shanghai';

/**
 * 'yyyy-MM-dd HH:mm:ss' in Asia/Shanghai, the console's own clock, whatever the machine's zone.
 * (lib/time/shanghai.ts formats only 'MM-dd HH:mm'; a full form there would replace this.)
 */
export function shanghaiDateTime(ms: number | null | undefined): string | null {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return null;
  return format(new TZDate(ms, SHANGHAI), 'yyyy-MM-dd HH:mm:ss');
}
