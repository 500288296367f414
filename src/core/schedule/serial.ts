import { addDays, differenceInCalendarDays, format, isValid, parse } from "date-fns";

/**
 * Excel serial dates (1900 date system). Excel counts a 29 February 1900 that never was (serial 60), so
 * serials from 61 on are one day ahead of a plain day count from 31 December 1899.
 */

const FAKE_LEAP_DAY = 60;
/** 9999-12-31, the last date Excel shows. */
const MAX_SERIAL = 2958465;

function epoch(): Date {
  return new Date(1899, 11, 31);
}

/** Serial → ISO `YYYY-MM-DD` (time of day dropped); null for 60, values below 1 and beyond 9999. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_SERIAL || day === FAKE_LEAP_DAY) return null;
  return format(addDays(epoch(), day > FAKE_LEAP_DAY ? day - 1 : day), "yyyy-MM-dd");
}

/** ISO `YYYY-MM-DD` → serial; null for text that is not a date on or after 1900-01-01. */
export function isoToSerial(iso: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = parse(iso, "yyyy-MM-dd", epoch());
  if (!isValid(date)) return null;
  const days = differenceInCalendarDays(date, epoch());
  if (days < 1) return null;
  return days >= FAKE_LEAP_DAY ? days + 1 : days;
}

/**
 * Whether an Excel number format shows a date (`yyyy/m/d`, `yyyy"年"m"月"d"日"`, `[$-F800]dddd…`), not a
 * number or a time of day. Quoted text, escapes and bracketed codes are ignored; `m` alone with hours or
 * seconds is minutes.
 */
export function isDateFormat(numberFormat: string | null | undefined): boolean {
  if (!numberFormat) return false;
  if (/\[\$-F800\]|x-sysdate/i.test(numberFormat)) return true;
  const section = (numberFormat.split(";")[0] ?? "")
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/[_*]./g, "");
  if (/general/i.test(section)) return false;
  return /[yd]/i.test(section) || (/m/i.test(section) && !/[hs]/i.test(section));
}
