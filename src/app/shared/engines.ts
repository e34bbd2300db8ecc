/** The engines compare and stats run on (app/shared/national.ts chooses): small enough to load at start. */
export type Engine = 'auto' | 'memory' | 'duckdb';
export const ENGINES: readonly Engine[] = ['auto', 'memory', 'duckdb'];
