/**
 * Control characters in catalogue text, made visible. An item's name or phone may hold ESC, BEL or other
 * C0/C1 controls (YAML's "\e" and "\x9b" escapes put them there); written raw, `ESC ] 0 ; … BEL` retitles a
 * terminal, `ESC [ 31 m` recolours it, and a CSI can move the cursor over other lines. Every such character
 * becomes the four characters `\x1b` (`\x9b`, `\x7f` …), so the text reads the same and does nothing.
 * Newline and tab are kept: every format tongban writes either allows them or escapes them itself.
 */

/** C0 controls but tab and newline, DEL, and the C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- as above, without the global flag (test() keeps no state)
const HAS_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const hex = (c: string) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;

export function hasControls(text: string): boolean {
  return HAS_CONTROLS.test(text);
}

/** `text` with each control character but newline and tab written as `\xNN`. */
export function showControls(text: string): string {
  return HAS_CONTROLS.test(text) ? text.replace(CONTROLS, hex) : text;
}

/**
 * What a terminal, a Markdown document or a CI annotation must not get raw from catalogue text, besides
 * the controls above: line breaks (LF, U+2028, U+2029; CR and U+0085 are controls already), which would
 * let a value print a line of its own (a forged `✔ no problems`), and the bidi and invisible characters
 * of a Trojan-Source attack (U+061C, U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF), which reorder
 * or hide what is read.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
// eslint-disable-next-line no-control-regex -- as above, without the global flag
const HAS_UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

const shown = (c: string) => {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  return code <= 0xff ? hex(c) : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `text` as a terminal, Markdown or an annotation may show it: controls, line breaks, bidi and invisible characters escaped (tab kept). */
export function showTerminalText(text: string): string {
  return HAS_UNSAFE.test(text) ? text.replace(UNSAFE, shown) : text;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * `value` with every string in it — in arrays and plain objects, keys included — passed through
 * `showControls`. What holds no control character is returned as it is (the same object), so a clean
 * result costs one scan and no copy. Other objects (class instances, maps) are left alone.
 */
export function showControlsDeep<T>(value: T): T {
  return deep(value, new Set(), showControls) as T;
}

/** `value` with every string in it passed through `showTerminalText`, as `showControlsDeep` does. */
export function showTerminalTextDeep<T>(value: T): T {
  return deep(value, new Set(), showTerminalText) as T;
}

function deep(value: unknown, seen: Set<object>, show: (text: string) => string): unknown {
  if (typeof value === 'string') return show(value);
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  if (Array.isArray(value)) {
    seen.add(value);
    let copy: unknown[] | undefined;
    value.forEach((element, i) => {
      const shown = deep(element, seen, show);
      if (shown !== element) (copy ??= value.slice())[i] = shown;
    });
    seen.delete(value);
    return copy ?? value;
  }
  if (!isPlainObject(value)) return value;
  seen.add(value);
  const entries = Object.entries(value);
  let changed = false;
  const shown = entries.map(([key, element]) => {
    const k = show(key);
    const v = deep(element, seen, show);
    if (k !== key || v !== element) changed = true;
    return [k, v] as const;
  });
  seen.delete(value);
  return changed ? Object.fromEntries(shown) : value;
}
