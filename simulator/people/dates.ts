/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so that a date never shifts with the machine's zone.
 * Done with day numbers rather than Date objects: a bulk run computes a few of these for every process.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a civil date (Howard Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yoe = year - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** The civil date of a day number (civil_from_days). */
function fromDayNumber(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${pad(yoe + era * 400 + (m <= 2 ? 1 : 0), 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

const parts = (date: string): [number, number, number] => [
  Number(date.slice(0, 4)),
  Number(date.slice(5, 7)),
  Number(date.slice(8, 10)),
];

export const isoDate = (ms: number): string => fromDayNumber(Math.floor(ms / DAY_MS));

/** `YYYY-MM-DDThh:mm:ssZ`, the timestamp form Assure documents (no milliseconds). */
export const isoTimestamp = (ms: number): string => `${new Date(ms).toISOString().slice(0, 19)}Z`;

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return fromDayNumber(dayNumber(y, m, d) + days);
}

/** Same day and month N years on; 29 February becomes 1 March in a common year, as Date does. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = parts(date);
  return fromDayNumber(dayNumber(y + years, m, 1) + d - 1);
}

/** Whole years from `birth` to `on`, as an age is counted. */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) < birth.slice(5) ? years - 1 : years;
}
