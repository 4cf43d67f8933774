/**
 * What the rule stages decide together: categories in order of first addition, urgency, reasons.
 */
import type { Category, Urgency } from '../lexicon';

const URGENCY_RANK: Record<Urgency, number> = { low: 0, normal: 1, high: 2, emergency: 3 };
const maxUrgency = (a: Urgency, b: Urgency): Urgency => (URGENCY_RANK[a] >= URGENCY_RANK[b] ? a : b);

export class Result {
  cats = new Map<Category, number>(); // category → order of first addition
  urgency: Urgency = 'normal';
  reasons: string[] = [];
  private n = 0;
  /** A rule (not a topic word) established a need. */
  needRule = false;
  add(cats: Category[], urgency: Urgency | undefined, reason: string, rule = true): void {
    if (rule && cats.some((c) => c !== 'foreign' && c !== 'other')) this.needRule = true;
    for (const c of cats) if (!this.cats.has(c)) this.cats.set(c, this.n++);
    if (urgency) this.urgency = maxUrgency(this.urgency, urgency);
    if (reason && !this.reasons.includes(reason)) this.reasons.push(reason);
  }
  remove(c: Category): void {
    this.cats.delete(c);
  }
  has(c: Category): boolean {
    return this.cats.has(c);
  }
}
