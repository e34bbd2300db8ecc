/**
 * Every key a message catalog must word, from the lists that define them: finding codes, usage codes, and
 * the vocabulary reports use (elements, attributes, measures, the parts of an explained code). The compiler
 * checks each catalog against this type, so a code without words in either language does not build.
 */
import type { ExplainMessage } from '../core/codes/explain.js';
import type { AttributeName, ElementName } from '../core/diff/elements.js';
import type { FindingCode } from '../core/finding-codes.js';
import type { MeasureName } from '../core/stats/measures.js';
import type { UsageCode } from '../core/usage-codes.js';

export type MessageKey =
  | FindingCode
  | UsageCode
  | ExplainMessage
  | `element.${ElementName}`
  | `attribute.${AttributeName}`
  | `measure.${MeasureName}`;

export type Messages = Readonly<Record<MessageKey, string>>;
