/**
 * Regression floors on the labelled held-out corpora, for the rules alone and for rules + model
 * combined (what production runs): crisis recall, false alarms, the share of the `check` band and
 * category F1 must not fall below what was measured when these floors were set
 * (`npm run eval:triage -- <file>` prints the current numbers). Raise a floor when triage
 * improves; never lower one to make a change pass without saying why in the commit.
 */
import path from 'node:path';
import { createClassifier, type Classifier } from '../../../src/triage';
import { bandScores, readCorpus, score } from '../../../src/triage/evaluate';

interface Floor {
  emergencyRecall: number;
  falseAlarmRate: number;
  microF1: number;
  urgency: number;
  /** combined only: emergencies in crisis + check, and the most the check band may hold */
  crisisCheckRecall?: number;
  checkShare?: number;
}

const file = (name: string) => path.resolve(__dirname, '../../fixtures/triage', name);
// Written blind to the rules (see their README); dev lives outside the repository, in ../shared.
const corpora: Array<{ file: string; rules: Floor; combined: Floor }> = [
  {
    file: file('heldout-a.jsonl'),
    rules: { emergencyRecall: 0.9, falseAlarmRate: 0.03, microF1: 0.9, urgency: 0.85 },
    // check 0.06 → 0.09 here, false alarms 0.03–0.04 → 0.05 for b–d: the model trained on 18 writers with a 9 % false-alarm
    // budget (README, Thresholds); category micro F1 floors raised where it gained (b, c, d)
    combined: { emergencyRecall: 0.95, falseAlarmRate: 0.03, microF1: 0.9, urgency: 0.86, crisisCheckRecall: 0.95, checkShare: 0.09 },
  },
  {
    file: file('heldout-b.jsonl'),
    rules: { emergencyRecall: 0.95, falseAlarmRate: 0.03, microF1: 0.69, urgency: 0.74 },
    combined: { emergencyRecall: 0.95, falseAlarmRate: 0.05, microF1: 0.85, urgency: 0.83, crisisCheckRecall: 0.95, checkShare: 0.08 },
  },
  {
    file: file('heldout-c.jsonl'),
    rules: { emergencyRecall: 0.85, falseAlarmRate: 0.04, microF1: 0.7, urgency: 0.75 },
    combined: { emergencyRecall: 0.9, falseAlarmRate: 0.05, microF1: 0.87, urgency: 0.83, crisisCheckRecall: 0.95, checkShare: 0.06 },
  },
  {
    file: file('heldout-d.jsonl'),
    rules: { emergencyRecall: 0.9, falseAlarmRate: 0.03, microF1: 0.77, urgency: 0.84 },
    combined: { emergencyRecall: 0.95, falseAlarmRate: 0.05, microF1: 0.87, urgency: 0.9, crisisCheckRecall: 0.95, checkShare: 0.08 },
  },
];

const classifiers: Record<'rules' | 'combined', Classifier> = {} as never;
beforeAll(async () => {
  classifiers.rules = await createClassifier({ model: null });
  classifiers.combined = await createClassifier();
  expect(classifiers.combined.model).not.toBeNull();
});

describe.each(corpora.flatMap((c) => (['rules', 'combined'] as const).map((variant) => ({ name: `${path.basename(c.file)} ${variant}`, variant, file: c.file, floor: c[variant] }))))(
  '$name',
  ({ variant, file: corpus, floor }) => {
    const gold = readCorpus(corpus);
    let preds: ReturnType<Classifier['classify']>[] | undefined;
    const predictions = () => (preds ??= gold.map((g) => classifiers[variant].classify(g.text)));

    test('every line has a known label set (the scorer reads what it expects)', () => {
      expect(gold.length).toBeGreaterThan(100);
      for (const g of gold) expect(['emergency', 'high', 'normal', 'low']).toContain(g.urgency);
    });

    test(`crisis recall ≥ ${floor.emergencyRecall}, false alarms ≤ ${floor.falseAlarmRate}`, () => {
      const s = score(gold, predictions());
      expect(s.emergency.recall).toBeGreaterThanOrEqual(floor.emergencyRecall);
      expect(s.emergency.falseAlarmRate).toBeLessThanOrEqual(floor.falseAlarmRate);
    });

    test(`category micro F1 ≥ ${floor.microF1}, urgency accuracy ≥ ${floor.urgency}`, () => {
      const s = score(gold, predictions());
      expect(s.categories.microF1).toBeGreaterThanOrEqual(floor.microF1);
      expect(s.urgency.accuracy).toBeGreaterThanOrEqual(floor.urgency);
    });

    if (floor.crisisCheckRecall !== undefined) {
      test(`emergencies in crisis + check ≥ ${floor.crisisCheckRecall}, check holds ≤ ${floor.checkShare}`, () => {
        const b = bandScores(gold, predictions());
        expect(b.crisisCheckRecall).toBeGreaterThanOrEqual(floor.crisisCheckRecall!);
        expect(b.checkShare).toBeLessThanOrEqual(floor.checkShare!);
      });
    }
  },
);
