import { currentLang } from './i18n.js';

// Dates are shown in the community's zone (the register's timeZone), whatever the device's zone is.
let zone = 'Asia/Shanghai';

/** The zone every date is shown in from now on: the community's. */
export function setZone(communityZone) {
  if (communityZone) zone = communityZone;
}

/** fen (long, possibly negative) as ¥1,234.56 — exact: the integer is split, never divided as a float. */
export function money(fen) {
  if (fen === null || fen === undefined) return '—';
  const negative = fen < 0;
  const abs = BigInt(Math.abs(Number(fen)));
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}¥${yuan}.${cents}`;
}

/** An instant (ISO 8601) as date and time in the community's zone. */
export function dateTime(iso) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(currentLang(), { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (yyyy-MM-dd) as written in the person's language; it has no zone. */
export function date(isoDate) {
  if (!isoDate) return '—';
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(currentLang(), { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** m² with two decimals from the register's 0.01 m² units or a decimal number. */
export function area(m2) {
  return m2 === null || m2 === undefined ? '—' : `${Number(m2).toLocaleString(currentLang(), { minimumFractionDigits: 2, maximumFractionDigits: 2 })} m²`;
}

export function percent(part, whole) {
  if (!whole) return '—';
  return `${(100 * part / whole).toLocaleString(currentLang(), { maximumFractionDigits: 1 })}%`;
}

/** The month (yyyy-MM) this instant falls in, in the community's zone. */
export function monthOf(instant = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(instant);
  return `${parts.find(p => p.type === 'year').value}-${parts.find(p => p.type === 'month').value}`;
}

/** The calendar day (yyyy-MM-dd) an instant falls on in the community's zone. */
export function dayOf(instant) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(instant));
}

/**
 * A wall-clock time typed in the community's zone ("2026-12-15T18:00") as an ISO instant, whatever the
 * device's zone: the zone's offset at that moment is read from Intl (exact outside the hour a clock changes).
 */
export function instantOf(localDateTime) {
  const asIfUtc = Date.parse(`${localDateTime.length === 16 ? `${localDateTime}:00` : localDateTime}Z`);
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(asIfUtc));
  const get = type => Number(parts.find(p => p.type === type).value);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return new Date(asIfUtc - (shown - asIfUtc)).toISOString();
}
