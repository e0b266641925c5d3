// Runs @actions/workflow-parser on workflow files and prints their errors as
// JSON ({file: [messages]}). A separate process: the parser imports its JSON
// schema without an import attribute, which Node's loader under vitest
// refuses and tsx's loader accepts.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';

export async function lintWorkflow(name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (result.value) {
    const template = await convertWorkflowTemplate(result.context, result.value);
    errors.push(...(template.errors ?? []).map((e) => e.Message));
  }
  return [...new Set(errors)];
}

// Keyed by the file's name, or by the path as given when two files share a name
// (a caller in .github/workflows/ and its template in templates/workflows/).
const files = process.argv.slice(2);
const names = files.map((f) => basename(f));
const out: Record<string, string[]> = {};
for (const [i, file] of files.entries()) {
  const name = names[i]!;
  out[names.indexOf(name) === names.lastIndexOf(name) ? name : file] = await lintWorkflow(name, readFileSync(file, 'utf8'));
}
process.stdout.write(`${JSON.stringify(out)}\n`);
