// Output formats of `check`. Pure: each returns the text to print.
import { visible, workflowCommand, workflowLine } from './escape.ts';
import type { Summary } from './summary.ts';
import { checkInName } from './text.ts';
import type { Finding } from './types.ts';

export interface Style {
  file(s: string): string;
  error(s: string): string;
  warning(s: string): string;
  dim(s: string): string;
  ok(s: string): string;
}

export const plain: Style = { file: (s) => s, error: (s) => s, warning: (s) => s, dim: (s) => s, ok: (s) => s };

export const ansi: Style = {
  file: (s) => `\u001b[1m${s}\u001b[22m`,
  error: (s) => `\u001b[31m${s}\u001b[39m`,
  warning: (s) => `\u001b[33m${s}\u001b[39m`,
  dim: (s) => `\u001b[2m${s}\u001b[22m`,
  ok: (s) => `\u001b[32m${s}\u001b[39m`,
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatRfcList(numbers: readonly number[]): string {
  return numbers.map((n) => `RFC ${String(n).padStart(4, '0')}`).join(', ');
}

/** The committee's state in lines of plain text (shared by `check` and the PR report). */
export function committeeLines(summary: Summary): string[] {
  const c = summary.committee;
  const lines = [
    `Committee on ${c.date}: ${plural(c.members.length, 'member')} serving${c.members.length ? ` (${c.members.join(', ')})` : ''}`,
  ];
  if (c.quorum !== undefined) lines.push(`Quorum: ${c.quorum} present (${c.quorumRule})`);
  else lines.push('Quorum: unknown (governance/charter.yaml cannot be read)');
  if (c.chair) {
    const end = c.chair.termEnd;
    const term = end === undefined ? '' : end < c.date ? `, term ended ${end}: an election is due` : `, term ends ${end}`;
    lines.push(`Chair: ${c.chair.member} since ${c.chair.from}${term}`);
  } else lines.push('Chair: none in office');
  if (c.nextCheckIn) {
    const name = checkInName(c.termMonths);
    lines.push(c.nextCheckIn < c.date ? `The ${name} is due: since ${c.nextCheckIn}` : `Next ${name}: ${c.nextCheckIn}`);
  }
  const open = (['draft', 'discussion', 'fcp'] as const).filter((s) => c.openRfcs[s].length > 0);
  lines.push(
    open.length === 0
      ? 'Open RFCs: none'
      : `Open RFCs: ${open.map((s) => `${s} ${formatRfcList(c.openRfcs[s])}`).join('; ')}`,
  );
  return lines;
}

export function formatText(findings: readonly Finding[], summary: Summary, style: Style = plain): string {
  const out: string[] = [];
  let previousFile: string | undefined;
  for (const f of findings) {
    if (previousFile !== undefined && f.file !== previousFile) out.push('');
    previousFile = f.file;
    const sev = f.severity === 'error' ? style.error('error') : style.warning('warning');
    // File names and messages carry record text: shown, never acted on by the terminal.
    out.push(`${style.file(`${visible(f.file)}:${f.line}:${f.column}`)} ${sev} ${style.dim(f.rule)} ${visible(f.message)}`);
  }
  if (findings.length > 0) out.push('');
  out.push(...committeeLines(summary).map(visible));
  const files = new Set(findings.map((f) => f.file)).size;
  const checked = `${plural(summary.files, 'file')} checked`;
  if (summary.errors === 0 && summary.warnings === 0) out.push(style.ok(`✔ no problems (${checked})`));
  else {
    const total = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')} in ${plural(files, 'file')} (${checked})`;
    out.push(summary.errors > 0 ? style.error(`✖ ${total}`) : style.warning(`⚠ ${total}`));
  }
  return `${out.join('\n')}\n`;
}

/**
 * `--format github`: one annotation per finding, then the committee's state
 * and the total. Every line goes through the workflow escaping of escape.ts,
 * so no record value or path can become a workflow command.
 */
export function formatGithub(findings: readonly Finding[], summary: Summary): string {
  const out = findings.map((f) =>
    workflowCommand(f.severity, { title: f.rule, file: f.file, line: f.line, col: f.column }, f.message),
  );
  out.push(...committeeLines(summary).map(workflowLine));
  out.push(workflowLine(`${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')} (${plural(summary.files, 'file')} checked)`));
  return `${out.join('\n')}\n`;
}

export function formatJson(findings: readonly Finding[], summary: Summary): string {
  return `${JSON.stringify(
    {
      findings: findings.map(({ rule, severity, file, line, column, message }) => ({
        rule,
        severity,
        file,
        line,
        column,
        message,
      })),
      summary,
    },
    null,
    2,
  )}\n`;
}
