/**
 * The CLI's files require one another at run time (the bin requires cli-main.cjs, cli-main.cjs the
 * actions, the stubs the lazy files): those requires stay as written, and everything else is bundled in,
 * so a run resolves nothing in node_modules.
 */
export function runTimeRequires(entryNames: readonly string[]): { external: string[]; noExternal: RegExp[] } {
  const files = entryNames.map((n) => `./${n}.cjs`);
  return { external: files, noExternal: [new RegExp(`^(?!(${files.map((f) => f.replace(/[.]/g, '\\.')).join('|')})$)`)] };
}
