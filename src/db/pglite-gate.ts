/**
 * The one line at the embedded database (used by ./pglite-thread.ts): a statement or a whole
 * transaction holds it, and whoever has an earlier turn (./ahead.ts) is let in before those who
 * waited longer. Within a turn, first come first served.
 */
import { DbTurn } from './ahead';

export class PGliteGate {
  private held = false;
  private readonly waiting: Array<Array<() => void>> = Object.values(DbTurn).map(() => []);

  async enter(turn: DbTurn): Promise<void> {
    if (!this.held) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiting[turn].push(resolve));
  }

  /** Runs `work` holding the line from its turn until it ends: a statement's (or upkeep's) whole stay. */
  async run<T>(turn: DbTurn, work: () => Promise<T>): Promise<T> {
    await this.enter(turn);
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  leave(): void {
    const next = this.waiting.find((line) => line.length > 0)?.shift();
    if (next) next();
    else this.held = false;
  }
}
