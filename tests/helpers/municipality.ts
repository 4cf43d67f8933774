/** Writes a municipality settings file for one test (e.g. with an escalation webhook URL). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALWAYS_STAFFED } from './app';

export function municipalityWithWebhook(webhookUrl: string): string {
  const yaml = fs.readFileSync(ALWAYS_STAFFED, 'utf8').replace(/^(\s+unacknowledgedMinutes: \d+\n)/m, `$1  webhookUrl: ${webhookUrl}\n`);
  if (!yaml.includes(webhookUrl)) throw new Error('fixture format changed: escalation block not found');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagu-muni-')), 'municipality.yaml');
  fs.writeFileSync(file, yaml);
  return file;
}
