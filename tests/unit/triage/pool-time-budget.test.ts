/**
 * The triage pool's time budget (src/triage/pool.ts): an analysis still running when its budget is
 * spent is stopped (piscina ends the thread), and the message gets the cautious result, `high`
 * with the reason, so a person reads it the same day instead of it waiting on a stuck thread. The
 * pool goes on with a fresh thread. A budget of 1 ms against the slowest adversarial text (tens
 * of milliseconds) so the analysis cannot finish first.
 */
import type { Logger } from '../../../src/logger';
import { createTriagePool, OUT_OF_TIME_REASON } from '../../../src/triage/pool';
import { ADVERSARIAL } from '../../fixtures/triage/adversarial';

test('an analysis that outruns its budget is stopped: high, with the reason, logged without the text; the pool still answers', async () => {
  const warned: unknown[] = [];
  const log = { warn: (fields: unknown) => warned.push(fields) } as unknown as Logger;
  const pool = createTriagePool({ threads: 1, timeoutMs: 1, log });
  try {
    const text = ADVERSARIAL['every rule phrase, spaced'];
    expect(await pool.analyse(text)).toEqual({ categories: ['other'], urgency: 'high', reporter: 'unknown', reasons: [OUT_OF_TIME_REASON] });
    expect(warned).toEqual([{ chars: text.length, timeoutMs: 1 }]);
    expect(await pool.safetyCheck(text)).toBeNull();
    // a fresh thread takes the next message (within this budget or not, it is answered)
    await expect(pool.analyse('家賃が払えません')).resolves.toHaveProperty('urgency');
  } finally {
    await pool.close();
  }
}, 120_000);
