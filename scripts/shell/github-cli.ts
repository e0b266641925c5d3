// What every command that talks to GitHub takes from its flags and the
// environment, read one way: the client (GITHUB_TOKEN, GITHUB_REPOSITORY,
// GITHUB_API_URL), the pull request number (--pr, or --pr-file from an
// artifact, read as data) and commit SHAs given as flags.
import { readArtifactFile } from './artifact.ts';
import { UsageError } from './cli.ts';
import { GitHub, parsePrNumber } from './github.ts';

/** The API client from the environment; its retries are said on stderr, prefixed with the command's name. */
export function githubFromEnv(command: string): GitHub {
  return new GitHub({
    token: process.env.GITHUB_TOKEN ?? '',
    repository: process.env.GITHUB_REPOSITORY ?? '',
    apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
    log: (line) => process.stderr.write(`${command}: ${line}\n`),
  });
}

/** An artifact's pr-number file is a number: a few bytes are plenty. */
const MAX_PR_NUMBER_BYTES = 64;

/** The pull request from `--pr N` or `--pr-file FILE` (exactly one); anything but a positive integer is a usage error. */
export function prNumberOption(values: { pr?: string | undefined; 'pr-file'?: string | undefined }, fileAllowed = true): number {
  if (values.pr !== undefined && values['pr-file'] !== undefined) throw new UsageError('give --pr or --pr-file, not both');
  if (values.pr === undefined && (!fileAllowed || values['pr-file'] === undefined))
    throw new UsageError(fileAllowed ? '--pr N (or --pr-file FILE) is required' : '--pr is needed');
  const text = values.pr ?? readArtifactFile('--pr-file', values['pr-file'] ?? '', MAX_PR_NUMBER_BYTES);
  try {
    return parsePrNumber(text);
  } catch (error) {
    throw new UsageError(`--pr: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A full commit SHA given as `flag` (SHA-1 or SHA-256), or undefined when the flag is absent. */
export function shaOption(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/i.test(value)) throw new UsageError(`${flag} ${value.slice(0, 80)}: expected a full commit SHA`);
  return value;
}
