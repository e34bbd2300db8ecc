/**
 * Phone cells as offices write them: several numbers (`；`, `;`, `，`, `、`, `/`, `或`, new lines), a label
 * (`咨询电话：`), the area code in brackets (`（020）83130000`) or followed by spaces, extensions (`转123`,
 * `-123` after a full number), service numbers without an area code (12345, 12315, 95xxx, 96xxx, 400/800
 * numbers in 3-3-4, 4-3-3 or unbroken form) and mobiles, and a note in brackets after a number
 * (`020-12345678（工作日9:00-17:00）`), which is kept with it. Separators inside a note do not split the cell.
 * Parsing is pure and linear: it runs on every item of every validation.
 */
import { splitOutsideBrackets } from './exchange/split.js';
import { toHalfWidth } from './text.js';

export type PhoneKind = 'landline' | 'mobile' | 'service' | 'toll-free';

export type ParsedPhone =
  | { ok: true; text: string; kind: PhoneKind; number: string; extension?: string; note?: string }
  /** A number written without its area code (a bare 7–8 digit local number). */
  | { ok: false; text: string; problem: 'area-code' }
  /** Text that is not a phone number at all. */
  | { ok: false; text: string; problem: 'not-a-number' };

/** What separates numbers in one cell. `-` and spaces are not: they occur inside numbers. */
const SEPARATORS = /[；;，,、/\n\r]+|或者?|及/u;
/** A label before the number: `咨询电话：`, `电话:`, `Tel:`. Short and anchored. */
const LABEL = /^[\p{Script=Han}A-Za-z（）()]{1,12}[:：]\s*/u;
/** `（0755）`, `(020)` at the start: an area code in brackets. */
const BRACKETED_AREA = /^[(（](0\d{2,3})[)）]\s*/u;
const EXTENSION = /(?:转|分机|ext\.?|x)\s*(\d{1,6})$/iu;
/** A note in brackets after the number: `（工作日9:00-17:00）`, `(办公室)`. */
const NOTE = /[(（]([^（）()]{1,60})[)）]$/u;

/** An area code: 010 and 02x have three digits with their 0, every other one four. */
const AREA = /^(?:010|02\d|0[3-9]\d{2})$/;
const LOCAL = /^\d{7,8}$/;
const MOBILE = /^1[3-9]\d{9}$/;
/** 12345, 12315, 12333, 12366, 110, 120…: the short public-service numbers (1 + 2–4 digits). */
const SHORT_SERVICE = /^1\d{2,4}$/;
/** 95xxx and 96xxx service numbers (banks, carriers, local hotlines). */
const NINE_SERVICE = /^9[56]\d{3,6}$/;
/** 400/800 numbers: 10 digits, unbroken or grouped 3-3-4 (`400-830-8888`), 4-3-3 (`4008-123-123`) or 3-7. */
const TOLL_FREE = /^[48]00(?:\d{7}|-\d{3}-\d{4}|\d-\d{3}-\d{3}|-\d{7})$/;
const LOCAL_ONLY = /^\d{7,8}(?:-\d{1,6})?$/;

/**
 * `020-83130000`, `02083130000`, `0755-8888-0000` (grouped), `020-83130000-123` (extension) → its parts.
 * Without dashes the area code's length follows from its first digits.
 */
function splitLandline(compact: string): { area: string; local: string; extension?: string } | undefined {
  if (!compact.startsWith('0')) return undefined;
  const parts = compact.split('-');
  if (parts.some((p) => !/^\d+$/.test(p))) return undefined;
  let area: string;
  let rest: string[];
  if (parts.length === 1) {
    const digits = parts[0] as string;
    const length = /^(?:010|02)/.test(digits) ? 3 : 4;
    area = digits.slice(0, length);
    rest = [digits.slice(length)];
  } else {
    area = parts[0] as string;
    rest = parts.slice(1);
  }
  if (!AREA.test(area) || rest.length > 3) return undefined;
  // `8888-0000` is one local number written in groups; what follows a whole number is its extension.
  const grouped =
    rest.length >= 2 && LOCAL.test((rest[0] as string) + (rest[1] as string)) && !LOCAL.test(rest[0] as string);
  const local = grouped ? (rest[0] as string) + (rest[1] as string) : (rest[0] as string);
  const tail = rest.slice(grouped ? 2 : 1);
  if (!LOCAL.test(local) || tail.length > 1 || (tail[0] !== undefined && !/^\d{1,6}$/.test(tail[0]))) return undefined;
  return { area, local, ...(tail[0] ? { extension: tail[0] } : {}) };
}

/** Longer than any number with its label, extension and note: not a phone number (and not worth a regex). */
const MAX_PHONE_TEXT = 120;

function parseOne(raw: string): ParsedPhone {
  const text = raw.trim();
  if (text.length > MAX_PHONE_TEXT) return { ok: false, text, problem: 'not-a-number' };
  let rest = toHalfWidth(text).replace(LABEL, '').trim();
  // A note after the number is kept as written (`（工作日9:00-17:00）`), unless it is all there is.
  let note: string | undefined;
  const noted = NOTE.exec(rest);
  if (noted && noted.index > 0) {
    note = text.slice(text.length - (rest.length - noted.index)).trim();
    rest = rest.slice(0, noted.index).trim();
  }
  const withNote = note !== undefined ? { note } : {};
  let extension: string | undefined;
  const ext = EXTENSION.exec(rest);
  if (ext) {
    extension = ext[1] as string;
    rest = rest.slice(0, ext.index);
    while (/[-\s]/.test(rest.charAt(rest.length - 1))) rest = rest.slice(0, -1);
  }
  const bracketed = BRACKETED_AREA.exec(rest);
  if (bracketed) rest = `${bracketed[1]}-${rest.slice(bracketed[0].length)}`;
  // Spaces and dashes inside a number are grouping: `0755 8888 0000`, `400-123-4567`.
  const compact = rest.replace(/[\s\u00a0]+/g, '').replace(/[－—–]/g, '-');
  const landline = splitLandline(compact);
  if (landline) {
    const ext2 = extension ?? landline.extension;
    return {
      ok: true,
      text,
      kind: 'landline',
      number: `${landline.area}-${landline.local}`,
      ...(ext2 ? { extension: ext2 } : {}),
      ...withNote,
    };
  }
  // A local service number dialled with its area code: 0755-12366, 020-12345.
  const localService = /^(0\d{2,3})-(1\d{4}|9[56]\d{3,6})$/.exec(compact);
  const withExtension = extension ? { extension } : {};
  if (localService)
    return {
      ok: true,
      text,
      kind: 'service',
      number: `${localService[1]}-${localService[2]}`,
      ...withExtension,
      ...withNote,
    };
  const digits = compact.replace(/-/g, '');
  if (MOBILE.test(digits)) return { ok: true, text, kind: 'mobile', number: digits, ...withExtension, ...withNote };
  // Written one way: 3-3-4, as the carriers print them.
  if (TOLL_FREE.test(compact)) {
    const number = `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
    return { ok: true, text, kind: 'toll-free', number, ...withExtension, ...withNote };
  }
  if (SHORT_SERVICE.test(digits) || NINE_SERVICE.test(digits))
    return { ok: true, text, kind: 'service', number: digits, ...withExtension, ...withNote };
  if (LOCAL_ONLY.test(compact)) return { ok: false, text, problem: 'area-code' };
  return { ok: false, text, problem: 'not-a-number' };
}

/** Every number in a phone cell, in order; empty for a cell with no text. */
export function parsePhones(cell: string): ParsedPhone[] {
  // Not inside a note: `（工作日，9:00-17:00）` is one note.
  return splitOutsideBrackets(cell, SEPARATORS)
    .map((part) => part.trim())
    .filter(Boolean)
    .map(parseOne);
}

/** The numbers of a cell written one way: `020-83130000；12345；0755-88880000转123`; undefined if none parse. */
export function normalisePhones(cell: string): { value: string } | { problem: string } | undefined {
  const phones = parsePhones(cell);
  if (phones.length === 0) return undefined;
  const bad = phones.find((p) => !p.ok);
  if (bad) return { problem: bad.text };
  return {
    value: phones
      .map((p) => (p.ok ? p.number + (p.extension ? `转${p.extension}` : '') + (p.note ?? '') : p.text))
      .join('；'),
  };
}
