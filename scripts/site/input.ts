// What every renderer of the published site takes, and what it gives back.
// The renderers are pure: a checked model in, file contents out. The shell
// (scripts/cli/site.ts) loads the records once, runs `check`, calls each
// renderer and writes the files.
import type { Model } from '../core/model.ts';
import type { Summary } from '../core/summary.ts';
import type { Finding } from '../core/types.ts';

export interface SiteInput {
  model: Model;
  /** Every finding of `check` on these records, warnings included. */
  findings: readonly Finding[];
  summary: Summary;
  /** The date the site is judged on (YYYY-MM-DD), injected: never the clock. */
  today: string;
  /** `https://github.com/OWNER/REPO`: file links, RFC pull requests. */
  repoUrl?: string;
  /** The commit the site is built from: file links point at it. */
  commit?: string;
  /**
   * Where the site is published (`https://owner.github.io/repo/`): the feed's
   * and the calendar's links become absolute under it. Without it they are
   * relative to the site root.
   */
  siteUrl?: string;
  /** The text of governance/charter.yaml: the charter page quotes the comment beside each number. */
  charterText?: string;
}

/** Relative path inside the output folder (forward slashes, no `..`) -> file content. */
export type SiteFiles = Map<string, string>;
