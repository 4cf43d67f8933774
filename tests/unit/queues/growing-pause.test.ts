/**
 * A dialogue job held back behind an earlier message's turn looks again less and less often: the
 * earlier turn takes the later one when done (workers/dialogue.ts), so looking is the fallback.
 */
import { growingPause } from '../../../src/queues/message-job';

describe('growingPause', () => {
  const at = 1_000_000;
  test('a fresh job looks again after 300 ms, as before', () => {
    expect(growingPause({ timestamp: at }, at)).toBe(300);
    expect(growingPause({ timestamp: at }, at + 500)).toBe(300);
  });
  test('then after half the time it has waited so far', () => {
    expect(growingPause({ timestamp: at }, at + 2_000)).toBe(1_000);
    expect(growingPause({ timestamp: at }, at + 6_000)).toBe(3_000);
  });
  test('never longer than 5 s', () => {
    expect(growingPause({ timestamp: at }, at + 60_000)).toBe(5_000);
  });
});
