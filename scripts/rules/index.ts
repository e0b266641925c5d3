// The one registry of rules. A meta-test fails when a file in this folder is
// not listed here, so a rule cannot be written and silently never run.
import type { Model } from '../core/model.ts';
import type { Rule } from '../core/types.ts';
import { rule as yamlSyntax } from './yaml-syntax.ts';
import { rule as schema } from './schema.ts';
import { rule as fileName } from './file-name.ts';
import { rule as unknownReference } from './unknown-reference.ts';

export const rules: readonly Rule<Model>[] = [yamlSyntax, schema, fileName, unknownReference];

export function findRule(id: string): Rule<Model> | undefined {
  return rules.find((r) => r.id === id);
}
