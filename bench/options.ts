// Command-line options of `npm run bench` (see README.md, "Running it").
export interface Options {
  mode: 'full' | 'quick' | 'scale';
  sizes: number[];
  repeatsFor: (size: number) => number;
  lighthouseRuns: number;
  lighthouse: boolean;
  /** The CPU-profiled build and the build without social images, at the largest size. */
  profile: boolean;
  /** Warm rebuilds of Standpoint at the largest size (content and image caches kept). */
  rebuild: boolean;
  /** The command as typed, for RESULTS.md. */
  command: string;
}

export function parseOptions(argv: string[]): Options {
  const flag = (name: string) => argv.includes(name);
  const option = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const mode = flag('--scale') ? 'scale' : flag('--quick') ? 'quick' : 'full';
  const defaultSizes = { full: '1,10,100,1000', quick: '1,100', scale: '1000,10000' }[mode];
  const sizes = (option('--sizes') ?? defaultSizes).split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes: expected positive whole numbers, got ${option('--sizes')}`);
  const repeats = option('--repeats');
  const defaultRepeats = mode === 'full' ? 3 : 1;
  return {
    mode,
    sizes,
    repeatsFor: () => (repeats ? Number(repeats) : defaultRepeats),
    lighthouseRuns: repeats ? Number(repeats) : mode === 'full' ? 3 : 1,
    // The scale run measures builds only; Lighthouse and page weight do not change with the corpus.
    lighthouse: mode !== 'scale' && !flag('--no-lighthouse'),
    profile: mode === 'full' && !flag('--no-profile'),
    rebuild: mode !== 'quick' && !flag('--no-rebuild'),
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
  };
}
