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

/** `destination` lets tests read what would be logged (default: stdout). */
export function createLogger(level: string, name = 'tsunagu', destination?: pino.DestinationStream): Logger {
  const options = { name, level, redact: { paths: redactPaths, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
