// The importer's output: what would be (or was) written, and the report of
// every gap in the source.
import type { Decided, SchemaFailure } from './plan.ts';
import type { Gap } from './types.ts';

export interface ReportInput {
  command: string;
  source: string;
  repo: string;
  write: boolean;
  force: boolean;
  decided: readonly Decided[];
  gaps: readonly Gap[];
  suggestions: readonly string[];
  failures: readonly SchemaFailure[];
  /** Print the text of every new or changed file (a dry run shows what it would write). */
  showContent: boolean;
}

const LABEL: Record<Decided['outcome'], string> = { new: 'new', unchanged: 'unchanged', update: 'replace', kept: 'keep' };

export function formatReport(r: ReportInput): string {
  const out: string[] = [];
  const mode = r.failures.length > 0 ? 'nothing written' : r.write ? 'written' : 'dry run, nothing written; pass --write to write';
  out.push(`import ${r.command} from ${r.source} into ${r.repo} (${mode})`, '');
  if (r.showContent) {
    for (const d of r.decided) {
      if (d.text === undefined) continue;
      out.push(`--- ${d.record.path} (${d.outcome === 'new' ? 'new' : `replaces the existing file: differs in ${d.differs.join(', ')}`})`);
      out.push(d.text.replace(/\n$/, ''), '');
    }
  }
  out.push('Records:');
  for (const d of r.decided) {
    let line = `  ${LABEL[d.outcome].padEnd(9)} ${d.record.path}`;
    if (d.outcome === 'kept') line += `: differs in ${d.differs.join(', ')} (kept; --force replaces it)`;
    if (d.outcome === 'update') line += `: differs in ${d.differs.join(', ')}`;
    out.push(line);
  }
  const count = (o: Decided['outcome']): number => r.decided.filter((d) => d.outcome === o).length;
  out.push(
    `  ${count('new')} new, ${count('update')} to replace, ${count('unchanged')} unchanged, ${count('kept')} kept because they differ`,
    '',
  );
  if (r.failures.length > 0) {
    out.push(`Schema failures (${r.failures.length}): nothing was written`);
    for (const f of r.failures) for (const m of f.messages) out.push(`  ${f.path}: ${m}`);
    out.push('');
  }
  out.push(`Gaps in the source (${r.gaps.length}):`);
  if (r.gaps.length === 0) out.push('  none');
  for (const g of r.gaps) out.push(`  ${g.where}  ${g.message}`);
  if (r.suggestions.length > 0) {
    out.push('', `Hand edits the imported votes make possible (${r.suggestions.length}):`);
    for (const s of r.suggestions) out.push(`  ${s}`);
  }
  return `${out.join('\n')}\n`;
}
