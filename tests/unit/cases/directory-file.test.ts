/** The directory of agencies in the municipality file: validated at start like the rest of it. */
import path from 'node:path';
import { loadMunicipality, municipalitySchema } from '../../../src/municipality';

const example = () => loadMunicipality(path.resolve(__dirname, '../../../config/municipality.example.yaml'));

describe('agencies in the municipality file', () => {
  it('the example lists agencies with their field and contact', () => {
    const m = example();
    expect(m.agencies.map((a) => a.field)).toEqual(expect.arrayContaining(['elderly', 'disability', 'child', 'poverty', 'social_welfare_council']));
    expect(m.agencies.find((a) => a.code === 'houkatsu-chuo')).toMatchObject({ phone: '0120-000-101', coverageArea: ['中央地区', '北地区'] });
  });
  it('refuses a duplicate code, an unknown field and a misspelt key', () => {
    const m = example();
    const withAgencies = (agencies: unknown[]) => municipalitySchema.safeParse({ ...m, agencies });
    expect(withAgencies([...m.agencies, m.agencies[0]]).success).toBe(false);
    expect(withAgencies([{ code: 'x1', name: 'x', field: 'weather' }]).success).toBe(false);
    expect(withAgencies([{ code: 'x1', name: 'x', field: 'other', phon: '1' }]).success).toBe(false);
    expect(withAgencies([{ code: 'x1', name: 'x', field: 'other' }]).success).toBe(true);
  });
});
