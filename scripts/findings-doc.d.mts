/** docs/findings.md as the build's registry and message catalogs make it. */
export function renderFindingsDoc(): string;
