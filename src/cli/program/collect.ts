/** Collect a repeatable option's values (a commander argParser): `--pick a --pick b` → ['a', 'b']. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
