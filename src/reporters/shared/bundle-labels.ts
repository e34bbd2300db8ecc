/** Words for the elements of a bundle (一件事) that compare and diff reports name. */
import { uiText, type Lang } from '../../i18n/index.js';
import type { UiKey } from '../../i18n/ui.js';

const ELEMENTS: Record<string, UiKey> = {
  members: 'bundle-element.members',
  materials: 'bundle-element.materials',
  time: 'bundle-element.time',
  visits: 'bundle-element.visits',
  scope: 'bundle-element.scope',
  lead: 'bundle-element.lead',
  name: 'bundle-element.name',
  keyMatter: 'bundle-element.keyMatter',
  assisting: 'bundle-element.assisting',
  form: 'bundle-element.form',
  channel: 'bundle-element.channel',
  figures: 'bundle-element.figures',
};

const FIGURES: Record<string, UiKey> = {
  materials: 'bundle-figure.materials',
  time: 'bundle-figure.time',
  visits: 'bundle-figure.visits',
  forms: 'bundle-figure.forms',
};

/** An element's words; `figures.materials` is the published figures, then which one. */
export function bundleElementLabel(lang: Lang, element: string): string {
  const [head = '', tail] = element.split('.');
  const key = ELEMENTS[head];
  const label = key ? uiText(lang, key) : element;
  const figure = tail === undefined ? undefined : FIGURES[tail];
  if (!figure) return label;
  return lang === 'en' ? `${label} (${uiText(lang, figure)})` : `${label}（${uiText(lang, figure)}）`;
}
