/**
 * A value taken out of a parsed item to be kept in a result (a reference version, a change's before and
 * after), copied so that it holds nothing of the file it came from: a parser's strings are slices of the
 * file's text and keep all of it alive, which for 100k results is 100k files' text.
 */

/** A string of its own (V8 slices strings of 13 characters or more; shorter ones are copies already). */
export function ownText(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** `value` with its plain objects, lists and texts copied; anything else (numbers, dates…) as it is. */
export function detach<T>(value: T): T {
  if (typeof value === 'string') return ownText(value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((entry: unknown) => detach(entry)) as T;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = proto === null ? (Object.create(null) as Record<string, unknown>) : {};
  for (const key of Object.keys(value))
    Object.defineProperty(copy, ownText(key), {
      value: detach((value as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return copy as T;
}
