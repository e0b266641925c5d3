// ALESCo's own records in this repository: facts that a test can hold.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const RFCS = new URL('../../rfcs/', import.meta.url);
const rfcFiles = readdirSync(RFCS).filter((f) => /^\d{4}-.*\.md$/.test(f));

describe("ALESCo's RFC records", () => {
  it.each(rfcFiles)('%s links its original under rfcs/ of AlmaLinux/ALESCo, where the RFC repository keeps it', (file) => {
    const text = readFileSync(new URL(file, RFCS), 'utf8');
    const links = [...text.matchAll(/https:\/\/github\.com\/AlmaLinux\/ALESCo\/blob\/[0-9a-f]+\/(\S+?\.md)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(0);
    for (const path of links) expect(path).toBe(`rfcs/${file}`);
  });
});
