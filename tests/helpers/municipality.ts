/** Writes a municipality settings file for one test (e.g. with escalation targets or an on-call roster). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { ALWAYS_STAFFED } from './app';

/** A copy of `base` (a fixture file) with `edit` applied to its parsed data; returns the new file's path. */
export function municipalityFile(edit: (data: Record<string, any>) => void, base = ALWAYS_STAFFED): string {
  const data = parse(fs.readFileSync(base, 'utf8')) as Record<string, any>;
  edit(data);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-muni-')), 'municipality.yaml');
  fs.writeFileSync(file, stringify(data));
  return file;
}

export function municipalityWithWebhook(webhookUrl: string): string {
  return municipalityFile((m) => {
    m.escalation = { ...m.escalation, webhookUrl };
  });
}
