/** A code list as import reads it: each value by its name (its title and aliases) and by its national code. */
export interface CodeListLookup {
  byName: ReadonlyMap<string, unknown>;
  byCode: ReadonlyMap<string, unknown>;
}
