/**
 * `cli classify`: JSON Lines in (`{"id","text"}`), one JSON line out per input line, in order:
 * `{"id","categories","urgency","reporter","risk","reasons"}` (risk: `{score, band}` from the learned
 * model), or for a line that cannot be read
 * `{"id": <id or null>, "error": {"code": "invalid_line", "message": "..."}}`. Blank lines are
 * skipped. No server, database or network involved.
 */
import readline from 'node:readline';
import { createClassifier } from '../triage';

function invalid(id: unknown, message: string): string {
  const safeId = typeof id === 'string' || typeof id === 'number' ? id : null;
  return JSON.stringify({ id: safeId, error: { code: 'invalid_line', message } });
}

function write(output: NodeJS.WritableStream, line: string): Promise<void> {
  return new Promise((resolve) => {
    if (output.write(line + '\n')) resolve();
    else output.once('drain', () => resolve());
  });
}

export async function runClassify(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<number> {
  const classifier = await createClassifier();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of rl) {
    lineNo++;
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (err) {
      const m = /"id"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(line);
      let id: string | null = null;
      if (m) {
        try {
          id = JSON.parse(`"${m[1]}"`) as string;
        } catch {
          id = null;
        }
      }
      await write(output, invalid(id, `line ${lineNo}: not valid JSON (${(err as Error).message})`));
      continue;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      await write(output, invalid(null, `line ${lineNo}: expected a JSON object with "id" and "text"`));
      continue;
    }
    const { id, text } = obj as { id?: unknown; text?: unknown };
    if (typeof id !== 'string' && typeof id !== 'number') {
      await write(output, invalid(null, `line ${lineNo}: "id" must be a string`));
      continue;
    }
    if (typeof text !== 'string') {
      await write(output, invalid(id, `line ${lineNo}: "text" must be a string`));
      continue;
    }
    try {
      const t = classifier.classify(text);
      await write(output, JSON.stringify({ id, categories: t.categories, urgency: t.urgency, reporter: t.reporter, risk: t.risk, reasons: t.reasons }));
    } catch (err) {
      await write(output, invalid(id, `line ${lineNo}: ${(err as Error).message}`));
    }
  }
  return 0;
}
