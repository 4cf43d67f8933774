import path from 'node:path';
import { loadMunicipality, parseMunicipality } from '../../../src/municipality';
import { escalationTargets, missingTargetBanner } from '../../../src/safety/escalation-targets';

const example = loadMunicipality(path.resolve(__dirname, '../../../config/municipality.example.yaml'));
const withEscalation = (escalation: Record<string, unknown>) => parseMunicipality({ ...structuredClone(example), escalation });

describe('escalation targets', () => {
  test('the example file ships a webhook (the local test receiver) and a roster', () => {
    expect(escalationTargets(example, {})).toEqual({ webhook: true, email: false, usable: true, problems: [] });
  });

  test('none: not usable, said loudly', () => {
    const t = escalationTargets(withEscalation({}), {});
    expect(t.usable).toBe(false);
    expect(t.problems.join()).toMatch(/no out-of-hours escalation target/);
    expect(missingTargetBanner(t, 'config/x.yaml')).toMatch(/NO OUT-OF-HOURS ESCALATION TARGET[\s\S]*config\/x\.yaml/);
    expect(missingTargetBanner(escalationTargets(example, {}), 'x')).toBeNull();
  });

  test('e-mail needs SMTP_URL to count', () => {
    const m = withEscalation({ email: ['tobaan@city.example.jp'], onCall: [{ name: '当番', hours: '24h' }] });
    expect(escalationTargets(m, {})).toMatchObject({ email: false, usable: false });
    expect(escalationTargets(m, {}).problems.join()).toMatch(/SMTP_URL is not/);
    expect(escalationTargets(m, { SMTP_URL: 'smtp://127.0.0.1:2525' })).toEqual({ webhook: false, email: true, usable: true, problems: [] });
  });

  test('a target without a roster: usable, with a note that people are told nobody can read it', () => {
    const t = escalationTargets(withEscalation({ webhookUrl: 'https://oncall.example.jp/hook' }), {});
    expect(t.usable).toBe(true);
    expect(t.problems.join()).toMatch(/onCall lists no roster/);
  });
});
