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
  return deep(value, new Set()) as T;
}

function deep(value: unknown, seen: Set<object>): unknown {
  if (typeof value === 'string') return showControls(value);
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  if (Array.isArray(value)) {
    seen.add(value);
    let copy: unknown[] | undefined;
    value.forEach((element, i) => {
      const shown = deep(element, seen);
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
    const k = showControls(key);
    const v = deep(element, seen);
    if (k !== key || v !== element) changed = true;
    return [k, v] as const;
  });
  seen.delete(value);
  return changed ? Object.fromEntries(shown) : value;
}
