/** The publisher, counting each live event it sends (tsunagu_live_events_total{event}). */
import type { Publisher } from '../events/publisher';
import type { Metrics } from './registry';

export function countedPublisher(publisher: Publisher, metrics: Metrics): Publisher {
  const counted = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(publisher) as [string, (...args: unknown[]) => void][]) {
    const counter = metrics.liveEvents.labels({ event: name });
    counted[name] = (...args: unknown[]) => {
      counter.inc();
      return fn(...args);
    };
  }
  return counted as unknown as Publisher;
}
