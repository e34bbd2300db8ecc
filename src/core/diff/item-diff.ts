/** The differences between two versions of one item, element by element, sorted into findings and variations. */
import type { ImplementationItem } from '../model.js';
import { diffLists, entriesOf, type ListEntryChange, type ListShape } from './list-diff.js';
import {
  comparableValue,
  elementValue,
  isListElement,
  LIST_SHAPES,
  type ElementName,
  type FieldPolicy,
} from './elements.js';

export interface ElementChange {
  element: ElementName;
  /** Standard elements must agree: their differences are findings. */
  standard: boolean;
  before: unknown;
  after: unknown;
  /** For list elements: entry by entry. */
  entries?: ListEntryChange<unknown>[];
}

type AnyItem = Partial<ImplementationItem> & { name: string; type: string };

export function diffItem(
  before: AnyItem,
  after: AnyItem,
  policy: FieldPolicy,
  elements: readonly ElementName[],
): ElementChange[] {
  return diffValues(
    (element) => elementValue(before, element),
    (element) => elementValue(after, element),
    policy,
    elements,
  );
}

/**
 * `diffItem` of two items given by their element values (`elementValue`), asked for only the elements
 * compared: a caller that knows some values without the items need not load them.
 */
export function diffValues(
  before: (element: ElementName) => unknown,
  after: (element: ElementName) => unknown,
  policy: FieldPolicy,
  elements: readonly ElementName[],
): ElementChange[] {
  const changes: ElementChange[] = [];
  for (const element of elements) {
    if (!policy.standard.includes(element) && !policy.vary.includes(element)) continue;
    const b = before(element);
    const a = after(element);
    // An element one side does not state is shown, but is not a difference in the standard: that side is
    // incomplete (validate says so), it does not disagree. `compare` counts it the same way.
    const standard = policy.standard.includes(element) && b !== undefined && a !== undefined;
    if (isListElement(element)) {
      const entries = diffLists(entriesOf(b), entriesOf(a), LIST_SHAPES[element] as ListShape<unknown>);
      // A list whose only change is order agrees in content; order is shown, but only for lists where it
      // matters (steps), it is a difference.
      const meaningful = entries.filter((e) => e.kind !== 'moved' || element === 'process');
      if (meaningful.length) changes.push({ element, standard, before: b, after: a, entries: meaningful });
      continue;
    }
    if (comparableValue(b, element) !== comparableValue(a, element))
      changes.push({ element, standard, before: b, after: a });
  }
  return changes;
}
