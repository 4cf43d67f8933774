/**
 * Regression floors on the labelled corpora: the rules may change, but crisis recall, false
 * alarms and category F1 must not fall below what was measured when these floors were set
 * (`npm run eval:triage -- <file>` prints the current numbers). Raise a floor when the
 * classifier improves; never lower one to make a change pass without saying why in the commit.
 */
import path from 'node:path';
import { createClassifier, type Classifier } from '../../../src/triage';
import { readCorpus, score } from '../../../src/triage/evaluate';

const corpora = [
  // Written blind to the rules (see their README); dev lives outside the repository, in ../shared.
  { file: path.resolve(__dirname, '../../fixtures/triage/heldout-a.jsonl'), emergencyRecall: 0.9, falseAlarmRate: 0.03, microF1: 0.9, urgency: 0.85 },
  { file: path.resolve(__dirname, '../../fixtures/triage/heldout-b.jsonl'), emergencyRecall: 0.95, falseAlarmRate: 0.03, microF1: 0.69, urgency: 0.74 },
  { file: path.resolve(__dirname, '../../fixtures/triage/heldout-c.jsonl'), emergencyRecall: 0.85, falseAlarmRate: 0.04, microF1: 0.7, urgency: 0.75 },
  { file: path.resolve(__dirname, '../../fixtures/triage/heldout-d.jsonl'), emergencyRecall: 0.9, falseAlarmRate: 0.03, microF1: 0.77, urgency: 0.84 },
];

let classifier: Classifier;
beforeAll(async () => {
  classifier = await createClassifier();
});

describe.each(corpora.map((c) => ({ name: path.basename(c.file), ...c })))('corpus $name', ({ file, name: _name, ...floor }) => {
  const gold = readCorpus(file);
  const scores = () => score(gold, gold.map((g) => classifier.classify(g.text)));

  test('every line has a known label set (the scorer reads what it expects)', () => {
    expect(gold.length).toBeGreaterThan(100);
    for (const g of gold) expect(['emergency', 'high', 'normal', 'low']).toContain(g.urgency);
  });

  test(`crisis recall ≥ ${floor.emergencyRecall}, false alarms ≤ ${floor.falseAlarmRate}`, () => {
    const s = scores();
    expect(s.emergency.recall).toBeGreaterThanOrEqual(floor.emergencyRecall);
    expect(s.emergency.falseAlarmRate).toBeLessThanOrEqual(floor.falseAlarmRate);
  });

  test(`category micro F1 ≥ ${floor.microF1}, urgency accuracy ≥ ${floor.urgency}`, () => {
    const s = scores();
    expect(s.categories.microF1).toBeGreaterThanOrEqual(floor.microF1);
    expect(s.urgency.accuracy).toBeGreaterThanOrEqual(floor.urgency);
  });
});
