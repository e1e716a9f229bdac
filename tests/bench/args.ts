// Command-line flags shared by the benchmarks: `--flag value` pairs and plain `--switch`es.

/** The value after `flag`, or null when the flag is absent; a flag with no value is an error. */
export function flagValue(args: readonly string[], flag: string): string | null {
  const i = args.indexOf(flag);
  if (i < 0) return null;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
  return v;
}
