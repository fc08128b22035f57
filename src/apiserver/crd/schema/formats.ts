// String formats custom resources are checked against (kube-openapi's strfmt registry, limited to the CRD-supported set).

import { parseCIDR, parseIP } from '../../../api/validation/names.ts';

type Check = (s: string) => boolean;

const hostnameRe = /^([a-zA-Z0-9\p{S}\p{L}]((-?[a-zA-Z0-9\p{S}\p{L}]{0,62})?)|([a-zA-Z0-9\p{S}\p{L}](([a-zA-Z0-9\-\p{S}\p{L}]{0,61}[a-zA-Z0-9\p{S}\p{L}])?)(\.)){1,}([a-zA-Z\p{L}]){2,63})$/u;
const uuidRe = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const uuid3Re = /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const uuid4Re = /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const uuid5Re = /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i;
const creditCardRe = /^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$/;
const hexColorRe = /^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const rgbPart = '(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])';
const rgbColorRe = new RegExp(`^rgb\\(\\s*${rgbPart}\\s*,\\s*${rgbPart}\\s*,\\s*${rgbPart}\\s*\\)$`);
const base64Re = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$/;
const ssnRe = /^\d{3}[- ]?\d{2}[- ]?\d{4}$/;
const dateTimeTimeRe = /^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/;

function byteLen(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function isHostname(s: string): boolean {
  if (!hostnameRe.test(s) || byteLen(s) > 255) return false;
  return s.split('.').every((p) => byteLen(p) <= 63);
}

/** time.Parse("2006-01-02"): exact widths and a real calendar day. */
export function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

/** strfmt.IsDateTime: an RFC 3339 date, a `T`, and a time with a zone. */
export function isDateTime(s: string): boolean {
  if (s.length < 4) return false;
  const parts = s.toLowerCase().split('t');
  if (parts.length < 2 || !isDate(parts[0])) return false;
  const m = dateTimeTimeRe.exec(parts[1]);
  if (!m) return false;
  return m[1] <= '23' && m[2] <= '59' && m[3] <= '59';
}

const goDurationRe = /^(((\d+(\.\d*)?)|(\.\d+))(ns|us|µs|μs|ms|s|m|h))+$/u;

/** Go's time.ParseDuration grammar: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, or a bare 0. */
function isGoDuration(s: string): boolean {
  if (s === '0' || s === '+0' || s === '-0') return true;
  const body = s.replace(/^[-+]/, '');
  if (!body) return false;
  return goDurationRe.test(body);
}

const durationUnits: string[][] = [
  ['ns', 'nano'], ['us', 'µs', 'micro'], ['ms', 'milli'], ['s', 'sec'], ['m', 'min'], ['h', 'hr', 'hour'], ['d', 'day'], ['w', 'wk', 'week'],
];

/** strfmt.ParseDuration: Go durations, or any `<n> <unit>` words such as `3 days`. */
function isDuration(s: string): boolean {
  if (isGoDuration(s)) return true;
  for (const m of s.matchAll(/((\d+)\s*([A-Za-zµ]+))/gu)) {
    const u = m[3].trim().toLowerCase();
    for (const variants of durationUnits) {
      const last = variants.length - 1;
      if (variants.some((v, i) => (i === last && u.startsWith(v)) || v === u)) return true;
    }
  }
  return false;
}

/** url.ParseRequestURI: an absolute URI or an absolute path, with valid escapes and host. */
function isRequestURI(s: string): boolean {
  if (!s || [...s].some((c) => c < ' ' || c === '\x7f')) return false;
  let rest = s;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(s);
  if (s.startsWith(':')) return false;
  if (scheme) {
    rest = s.slice(scheme[0].length);
    if (!rest.startsWith('/')) return true; // opaque, e.g. mailto:x
  } else if (!rest.startsWith('/')) {
    return false;
  }
  const q = rest.indexOf('?');
  let path = q >= 0 ? rest.slice(0, q) : rest;
  if (scheme && path.startsWith('//')) {
    const slash = path.indexOf('/', 2);
    const authority = slash < 0 ? path.slice(2) : path.slice(2, slash);
    path = slash < 0 ? '' : path.slice(slash);
    const at = authority.lastIndexOf('@');
    const host = at >= 0 ? authority.slice(at + 1) : authority;
    if (!validHostPort(host)) return false;
  }
  return !/%(?![0-9A-Fa-f]{2})/.test(path);
}

function validHostPort(host: string): boolean {
  let h = host;
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    if (end < 0) return false;
    h = h.slice(end + 1);
    return h === '' || /^:\d*$/.test(h);
  }
  if (h.includes(' ')) return false;
  const colon = h.lastIndexOf(':');
  if (colon >= 0 && !/^\d*$/.test(h.slice(colon + 1))) return false;
  return !/%(?![0-9A-Fa-f]{2})/.test(h);
}

const atext = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\u0080-\\uFFFF]";
const dotAtom = `${atext}+(?:\\.${atext}+)*`;
const quoted = '"(?:[^"\\\\\\r\\n]|\\\\.)*"';
const addrSpecRe = new RegExp(`^(?:${dotAtom}|${quoted})@(?:${dotAtom}|\\[[^\\[\\]\\\\]*\\])$`, 'u');

/** net/mail.ParseAddress, approximately: `addr@domain` or `Name <addr@domain>`. */
function isEmail(s: string): boolean {
  const t = s.trim();
  const angle = /^(.*)<([^<>]*)>$/su.exec(t);
  if (angle) {
    const name = angle[1].trim();
    if (name && !/^(?:"(?:[^"\\]|\\.)*"|[^"<>@,;:\\[\]()]+)$/u.test(name)) return false;
    return addrSpecRe.test(angle[2]);
  }
  return addrSpecRe.test(t);
}

/** net.ParseMAC: 6, 8 or 20 octets as `xx:xx:..`, `xx-xx-..` or `xxxx.xxxx.xxxx`. */
function isMAC(s: string): boolean {
  const okLen = (n: number): boolean => n === 6 || n === 8 || n === 20;
  if (s.length < 14) return false;
  if (s[2] === ':' || s[2] === '-') {
    const parts = s.split(s[2]);
    return okLen(parts.length) && parts.every((p) => /^[0-9a-fA-F]{2}$/.test(p));
  }
  if (s[4] === '.') {
    const parts = s.split('.');
    return okLen(parts.length * 2) && parts.every((p) => /^[0-9a-fA-F]{4}$/.test(p));
  }
  return false;
}

function isISBN10(s: string): boolean {
  const t = s.replace(/[\s-]+/g, '');
  if (!/^(?:[0-9]{9}X|[0-9]{10})$/.test(t)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (i + 1) * Number(t[i]);
  sum += t[9] === 'X' ? 100 : 10 * Number(t[9]);
  return sum % 11 === 0;
}

function isISBN13(s: string): boolean {
  const t = s.replace(/[\s-]+/g, '');
  if (!/^[0-9]{13}$/.test(t)) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(t[i]);
  return Number(t[12]) - ((10 - (sum % 10)) % 10) === 0;
}

function isCreditCard(s: string): boolean {
  const t = s.replace(/[^0-9]+/g, '');
  if (!creditCardRe.test(t)) return false;
  let sum = 0;
  let double = false;
  for (let i = t.length - 1; i >= 0; i--) {
    let d = Number(t[i]);
    if (double) {
      d *= 2;
      sum += d >= 10 ? (d % 10) + 1 : d;
    } else {
      sum += d;
    }
    double = !double;
  }
  return sum % 10 === 0;
}

const checks: Record<string, Check> = {
  bsonobjectid: (s) => /^[0-9a-fA-F]{24}$/.test(s),
  uri: isRequestURI,
  email: isEmail,
  hostname: isHostname,
  ipv4: (s) => parseIP(s) !== undefined && s.includes('.'),
  ipv6: (s) => parseIP(s) !== undefined && s.includes(':'),
  cidr: (s) => parseCIDR(s) !== undefined,
  mac: isMAC,
  uuid: (s) => uuidRe.test(s),
  uuid3: (s) => uuid3Re.test(s),
  uuid4: (s) => uuid4Re.test(s),
  uuid5: (s) => uuid5Re.test(s),
  isbn: (s) => isISBN10(s) || isISBN13(s),
  isbn10: isISBN10,
  isbn13: isISBN13,
  creditcard: isCreditCard,
  ssn: (s) => s.length === 11 && ssnRe.test(s),
  hexcolor: (s) => hexColorRe.test(s),
  rgbcolor: (s) => rgbColorRe.test(s),
  byte: (s) => base64Re.test(s),
  password: () => true,
  date: isDate,
  duration: isDuration,
  datetime: isDateTime,
};

/**
 * The checker for a schema `format`, or undefined when Kubernetes does not check it for custom resources
 * (unknown formats, and int32/int64/float/double, are stripped before validation). Names are normalized
 * as go-openapi does: `date-time` is `datetime`.
 */
export function formatChecker(format: string | undefined): Check | undefined {
  if (!format) return undefined;
  const name = format.replaceAll('-', '');
  return Object.hasOwn(checks, name) ? checks[name] : undefined;
}
