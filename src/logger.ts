/**
 * Structured logs (pino). Consultation text is 要配慮個人情報: nothing here may log message
 * bodies, passwords, tokens, cookies or secrets, so request logging keeps only method, path,
 * status and timing, and known secret-bearing keys are redacted anywhere they appear.
 */
import pino from 'pino';

export const redactPaths = [
  'text', '*.text', 'body', '*.body', 'password', '*.password', 'token', '*.token',
  'sessionToken', '*.sessionToken', 'replyToken', '*.replyToken', 'authorization', '*.authorization',
  'cookie', '*.cookie', 'headers', '*.headers', 'secret', '*.secret',
];

export type Logger = pino.Logger;

/**
 * `destination` lets tests read what would be logged (default: stdout). Stdout is written
 * asynchronously: lines that arrive while a write is under way go out together in the next one
 * (under load, one system call for many lines instead of one each, measured in the README's
 * profile); pino flushes what is left when the process exits.
 */
export function createLogger(level: string, name = 'tsunagu', destination?: pino.DestinationStream): Logger {
  const options = { name, level, redact: { paths: redactPaths, censor: '[redacted]' } };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
