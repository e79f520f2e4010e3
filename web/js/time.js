// Times: everything is shown in China Standard Time (UTC+8, no daylight saving) whatever
// the browser's time zone, as the records and the deadlines are; and "now" is the
// server's clock (the queue answer carries it), so a countdown is right even when the
// desk computer's clock is off or the server runs a drill clock.

const CST_MS = 8 * 3600 * 1000;
let serverOffsetMs = 0; // server now − browser now

export function setServerNow(iso) {
  const t = Date.parse(iso);
  if (!Number.isNaN(t)) serverOffsetMs = t - Date.now();
}

export function serverNowMs() {
  return Date.now() + serverOffsetMs;
}

function pad(n, w = 2) {
  return String(n).padStart(w, '0');
}

// Fields of an instant in China time.
export function chinaParts(ms) {
  const d = new Date(ms + CST_MS);
  return {
    y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(),
    h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds(),
  };
}

// "2025年10月14日 17:00" (zh) or "2025-10-14 17:00" (en); '' for null.
export function formatDateTime(iso, lang) {
  if (!iso) return '';
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  if (Number.isNaN(ms)) return String(iso);
  const p = chinaParts(ms);
  return lang === 'en'
    ? `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}`
    : `${p.y}年${pad(p.mo)}月${pad(p.d)}日 ${pad(p.h)}:${pad(p.mi)}`;
}

export function formatDate(iso, lang) {
  const s = formatDateTime(iso, lang);
  return s.slice(0, s.indexOf(' '));
}

// What a clerk types in a date-time field, in China time: "2025-09-29 09:02",
// "2025-09-29 09:02:30", "2025/9/29 9:02", "2025-09-29T09:02", or a full ISO-8601 time
// with an offset ("…+08:00", "…Z"). Returns the ISO string with +08:00 the server stores,
// or null when it is not a time.
export function parseDateTimeInput(text) {
  const s = text.trim();
  let m = s.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/);
  if (m) {
    const [y, mo, d, hh = '0', mi = '0', ss = '0'] = m.slice(1);
    const parts = [+y, +mo, +d, +hh, +mi, +ss];
    if (!validParts(...parts)) return null;
    return `${y}-${pad(+mo)}-${pad(+d)}T${pad(+hh)}:${mi.padStart(2, '0')}:${ss.padStart(2, '0')}+08:00`;
  }
  m = s.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/);
  if (m) {
    if (!validParts(+m[1], +m[2], +m[3], +m[4], +m[5], +(m[6] || 0))) return null;
    const ms = Date.parse(s);
    if (Number.isNaN(ms)) return null;
    return toChinaIso(ms);
  }
  return null;
}

function validParts(y, mo, d, h, mi, s) {
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

export function toChinaIso(ms) {
  const p = chinaParts(ms);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}+08:00`;
}

// The form field's text for a stored ISO time: "2025-09-29 09:02" in China time.
export function dateTimeInputText(iso) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return String(iso || '');
  const p = chinaParts(ms);
  const base = `${p.y}-${pad(p.mo)}-${pad(p.d)} ${pad(p.h)}:${pad(p.mi)}`;
  return p.s ? `${base}:${pad(p.s)}` : base;
}

// Today in China time as YYYY-MM-DD (server clock).
export function chinaDay(ms = serverNowMs()) {
  const p = chinaParts(ms);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
}

// Milliseconds left until `iso` by the server clock (negative when past).
export function remainingMs(iso) {
  return Date.parse(iso) - serverNowMs();
}
