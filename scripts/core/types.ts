// Shared types of the pure core. Nothing here touches the file system, git,
// the network or the clock.

export type Severity = 'error' | 'warning';

/** A path into a parsed record: mapping keys and sequence indexes. */
export type Path = readonly (string | number)[];

/** A finding as every output format prints it. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** Relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * What a rule reports. Positions are resolved afterwards from `path`, so a
 * rule never deals with line numbers and files are only located when a
 * finding actually needs it.
 */
export interface RuleFinding {
  file: string;
  /** The node that is wrong; absent or empty = the whole document. */
  path?: Path;
  /** Point at the mapping key instead of its value (unknown or duplicate keys). */
  at?: 'key' | 'value';
  /** A position known already (parse errors); wins over `path`. */
  line?: number;
  column?: number;
  message: string;
  /**
   * The date of what the finding is about. Before `records_since`, a charter
   * rule's error is reported as a warning (see data-model.md).
   */
  date?: string;
}

export interface RuleExample {
  /** A record (or fragment) that breaks the rule. */
  violation: string;
  /** The same record, fixed. */
  fix: string;
}

export interface Rule<M = unknown> {
  id: string;
  severity: Severity;
  /** One line: what the rule reports. */
  description: string;
  /** The charter or procedure sentence the rule enforces. */
  charter: string;
  /** Where that sentence stands (charter section, procedure document). */
  charterSection: string;
  /** The numbers of charter.yaml the rule applies (dotted keys): `explain --repo` quotes them. */
  charterKeys?: readonly string[];
  /** Errors at every date: never demoted to warnings before `records_since`. */
  alwaysError?: boolean;
  example: RuleExample;
  check(model: M): RuleFinding[];
}
