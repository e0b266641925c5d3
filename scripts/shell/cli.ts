// What every command-line entry point shares: exit codes, and a clear
// one-line message instead of a stack trace.
/** A mistake in how the command was called: exit code 2 and the help text. */
export class UsageError extends Error {}

/** Today's calendar date where the command runs; the one place the clock is read. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isArgError(error: unknown): boolean {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Run `main` with the process arguments and exit with its code (2 on a usage error). */
export function runCli(help: string, main: (argv: string[]) => number | Promise<number>): void {
  const name = process.env.npm_lifecycle_event ?? 'command';
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as any Unix tool does.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw error;
    });
  }
  const argv = process.argv.slice(2);
  // Every command answers -h/--help the same way, before its own flags are parsed.
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(help);
    return;
  }
  Promise.resolve()
    .then(() => main(argv))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        if (error instanceof Error && (error instanceof UsageError || isArgError(error))) {
          process.stderr.write(`${name}: ${error.message}\n\n${help}`);
          process.exitCode = 2;
          return;
        }
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`${name}: could not finish: ${message}\n`);
        if (process.env.GOVERNANCE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
        process.exitCode = 2;
      },
    );
}
