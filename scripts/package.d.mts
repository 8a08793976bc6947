/** Writes a zip of every file under `dir`, each stored as `<prefix>/<path>`, with the built-in writer. */
export function writeZip(dir: string, out: string, prefix: string): void;
/** Zips `dir` into `<outDir>/<name>.zip` (system zip when present, else the built-in writer). */
export function packageSite(options: { dir?: string; outDir?: string; name: string; forceNode?: boolean }): { out: string; how: 'zip' | 'node'; files: number };
