// How the tests start a command.
//
// `commandArgs` spawns it through scripts/launch.mjs, exactly as
// `npm run <name>` does: a real process, for what only a process shows (the
// launcher, the exit status, a closed pipe). Each spawn costs a node start
// and, for most commands, compiling the schemas (about 0.8 s of CPU).
//
// `runCommand` runs the same entry point, scripts/cli/<name>.ts, inside the
// test's process: the same argument parsing, the same runCli (usage errors,
// exit codes, --help), the same writes to stdout and stderr, captured; the
// modules it imports (and the compiled schemas) are loaded once per worker.
import { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const LAUNCHER = fileURLToPath(new URL('../scripts/launch.mjs', import.meta.url));

/** Arguments for `process.execPath` that run `npm run <name>`'s command. */
export function commandArgs(name: string): string[] {
  return [LAUNCHER, name];
}

export interface CommandResult {
  /** The exit code the process would end with. */
  status: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  private readonly chunks: Buffer[] = [];
  override _write(chunk: unknown, encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), encoding));
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

let runs = 0;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Run `npm run <name> -- ...args` in this process: process.argv, the
 * environment (`env` on top of this process's; `undefined` unsets), stdin
 * (empty), stdout and stderr (captured; none a terminal, as under spawnSync)
 * are the command's for the run and restored after. Runs one at a time.
 */
export function runCommand(name: string, args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CommandResult> {
  const run = queue.then(() => runOnce(name, args, env));
  queue = run.catch(() => undefined);
  return run;
}

async function runOnce(name: string, args: readonly string[], env: Record<string, string | undefined>): Promise<CommandResult> {
  if (!/^[a-z-]+$/.test(name)) throw new Error(`not a command: ${name}`);
  const entry = fileURLToPath(new URL(`../scripts/cli/${name}.ts`, import.meta.url));
  const stdout = new Capture();
  const stderr = new Capture();
  const saved = {
    argv: process.argv,
    exitCode: process.exitCode,
    stdin: Object.getOwnPropertyDescriptor(process, 'stdin'),
    stdout: Object.getOwnPropertyDescriptor(process, 'stdout'),
    stderr: Object.getOwnPropertyDescriptor(process, 'stderr'),
    env: new Map<string, string | undefined>(),
  };
  // As scripts/launch.mjs sets it: messages name the command.
  const setEnv: Record<string, string | undefined> = { ...env, npm_lifecycle_event: name };
  for (const [key, value] of Object.entries(setEnv)) {
    saved.env.set(key, process.env[key]);
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  process.argv = [process.execPath, entry, ...args];
  process.exitCode = undefined;
  // As spawnSync gives a child: an empty standard input, and no terminal anywhere.
  const stdin = new Readable({ read() { this.push(null); } });
  Object.defineProperty(process, 'stdin', { configurable: true, enumerable: true, get: () => stdin });
  Object.defineProperty(process, 'stdout', { configurable: true, enumerable: true, get: () => stdout });
  Object.defineProperty(process, 'stderr', { configurable: true, enumerable: true, get: () => stderr });
  try {
    // A new module instance each run: the entry point runs its runCli at import.
    await import(/* @vite-ignore */ `${entry}?run=${++runs}`);
    // runCli answers --help before anything else and returns; otherwise it sets
    // process.exitCode when the command's promise settles, success or failure.
    const help = args.includes('-h') || args.includes('--help');
    while (!help && process.exitCode === undefined) await new Promise((r) => setTimeout(r, 1));
    const code = process.exitCode;
    return { status: typeof code === 'number' ? code : Number(code ?? 0), stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    process.exitCode = saved.exitCode;
    process.argv = saved.argv;
    if (saved.stdin) Object.defineProperty(process, 'stdin', saved.stdin);
    if (saved.stdout) Object.defineProperty(process, 'stdout', saved.stdout);
    if (saved.stderr) Object.defineProperty(process, 'stderr', saved.stderr);
    for (const [key, value] of saved.env) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
