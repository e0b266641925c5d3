// How the tests start a command: through scripts/launch.mjs, exactly as
// `npm run <name>` does (and several times faster than compiling with tsx
// on every start).
import { fileURLToPath } from 'node:url';

const LAUNCHER = fileURLToPath(new URL('../scripts/launch.mjs', import.meta.url));

/** Arguments for `process.execPath` that run `npm run <name>`'s command. */
export function commandArgs(name: string): string[] {
  return [LAUNCHER, name];
}
