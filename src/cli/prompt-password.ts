/**
 * Reads a new password without putting it on the command line (where shell history and `ps`
 * would keep it): asked twice with hidden input on a terminal, or the first line of stdin when
 * piped (`printf '%s\n' "$PW" | npm run -s cli -- staff:password --email E`).
 */
import readline from 'node:readline';
import { passwordProblem } from '../auth/password-strength';

export async function promptNewPassword(userInputs: string[]): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine(process.stdin);
  // ESM-only package: loaded when a person is actually at a terminal.
  const { default: password } = await import('@inquirer/password');
  const first = await password({ message: 'New password (hidden):', mask: false, validate: (v) => passwordProblem(v, userInputs) ?? true });
  await password({ message: 'Again, to confirm:', mask: false, validate: (v) => v === first || 'the two entries differ' });
  return first;
}

function readFirstLine(input: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input, terminal: false });
    let done = false;
    rl.once('line', (line) => {
      done = true;
      rl.close();
      resolve(line);
    });
    rl.once('close', () => !done && reject(new Error('no password given: leave out --password at a terminal to be asked, or pipe it on stdin')));
  });
}
