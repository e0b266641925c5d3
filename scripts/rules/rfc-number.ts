import type { Model, Rfc } from '../core/model.ts';
import type { Rule, RuleFinding } from '../core/types.ts';
import { rfcsNumbered } from '../core/rule-kit.ts';

const fileNumber = (n: number): string => String(n).padStart(4, '0');

export const rule: Rule<Model> = {
  id: 'rfc-number',
  severity: 'error',
  // A number names the RFC in votes, agendas and supersedes: a clash is wrong at every date.
  alwaysError: true,
  description: "two RFCs with the same non-zero number; `rfc` does not match the file name's number (`0000-<slug>.md` holds `rfc: 0`)",
  charter: 'Name your RFC file as XXXX-title-of-your-proposal.md, where XXXX is the assigned RFC number.',
  charterSection: 'RFC process (ALESCo RFC README): Additional Notes, File Naming Convention',
  example: {
    violation: '# rfcs/0004-nvidia-drivers.md\n---\nrfc: 5\ntitle: Build NVIDIA Open Source Drivers\nauthors: ["Jane Doe"]\nstatus: discussion\ncreated: 2025-05-07\n---\n',
    fix: '# rfcs/0004-nvidia-drivers.md\n---\nrfc: 4\ntitle: Build NVIDIA Open Source Drivers\nauthors: ["Jane Doe"]\nstatus: discussion\ncreated: 2025-05-07\n---\n',
  },
  check(model) {
    const out: RuleFinding[] = [];
    const finding = (r: Rfc, message: string): RuleFinding => ({
      file: r.file,
      // An unreadable RFC has no `rfc` node: the finding falls back to 1:1.
      path: r.readable ? ['rfc'] : [],
      message,
      ...(r.created ? { date: r.created } : {}),
    });
    const groups = rfcsNumbered(model);
    for (const r of model.rfcs) {
      // References go by the front matter's number, so a file whose number
      // disagrees with its name still clashes with the file that holds it.
      // A number the schema rejected (or left out) is unknown: it clashes with nothing.
      const others =
        r.number === 0 || !r.numberKnown
          ? []
          : (groups.get(r.number) ?? []).filter((o) => o !== r && o.numberKnown).map((o) => o.file);
      const clash = others.length > 0 ? `RFC ${r.number} is also numbered in ${others.join(', ')}` : undefined;
      if (r.readable && r.number !== r.fileNumber) {
        // Once per file: the clash, if any, is part of the same wrong value.
        const name = r.file.slice(r.file.lastIndexOf('/') + 1);
        const mismatch =
          r.fileNumber === 0
            ? `rfc is ${r.number} but the file is ${name}: an unnumbered draft holds rfc: 0; once numbered, rename the file to ${fileNumber(r.number)}-${r.slug}.md`
            : r.number === 0
              ? `rfc is 0 but the file is ${name}: RFC ${r.fileNumber} holds rfc: ${r.fileNumber} (an unnumbered draft is named 0000-${r.slug}.md)`
              : `rfc is ${r.number} but the file name says ${fileNumber(r.fileNumber)}: ${name} holds rfc: ${r.fileNumber}`;
        out.push(finding(r, clash ? `${mismatch}; ${clash}` : mismatch));
      } else if (clash) {
        out.push(finding(r, `${clash}: every RFC has a number of its own`));
      }
    }
    return out;
  },
};
