// js-yaml 4.3 added `maxDepth`; @types/js-yaml does not describe it yet.
import 'js-yaml';

declare module 'js-yaml' {
  interface LoadOptions {
    /** Deepest nesting accepted before load throws (default 100). */
    maxDepth?: number;
  }
}
