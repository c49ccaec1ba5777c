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
  /** Keys of the sites to build (`--sites`, scale mode only: the main report compares all four). */
  sites: string[];
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
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--sizes: expected positive whole numbers, got ${option('--sizes')}`);
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
    // A warm rebuild at 10,000 articles would take as long as the cold build again: the scale run asks for it.
    rebuild: mode === 'full' ? !flag('--no-rebuild') : flag('--rebuild'),
    // At 10,000 articles Standpoint takes about 20 minutes; the scale run builds Standpoint and bare Astro
    // unless told otherwise (Starlight's sidebar lists every page on every page, so its build grows with the square).
    sites: mode === 'scale' ? (option('--sites') ?? 'standpoint,bare').split(',') : ['standpoint', 'satteri', 'bare', 'starlight'],
    command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
  };
}
