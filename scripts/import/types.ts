// What an import produces before anything touches the disk.

export type RecordKindOut = 'meeting' | 'vote' | 'rfc';

export interface PlannedRecord {
  /** Repository-relative path, forward slashes. */
  path: string;
  kind: RecordKindOut;
  /** The record (an RFC's front matter). */
  value: Record<string, unknown>;
  /** An RFC's Markdown body, after the front matter. */
  body?: string;
}

/** Something in the source the importer could not read with certainty, or a fact worth a look. */
export interface Gap {
  /** A meeting date, or a file name. */
  where: string;
  message: string;
}

export interface ImportPlan {
  records: PlannedRecord[];
  gaps: Gap[];
  /** Hand edits the imported records make possible (a `legacy` placeholder that now has a vote). */
  suggestions: string[];
}
