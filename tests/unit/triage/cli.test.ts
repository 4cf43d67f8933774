import { PassThrough, Readable } from 'node:stream';
import { runClassify } from '../../../src/cli/classify';

async function run(input: string): Promise<{ code: number; lines: any[] }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const code = await runClassify(Readable.from([input]), out);
  out.end();
  const lines = Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l));
  return { code, lines };
}

describe('cli classify', () => {
  it('writes one line per input line, in order, including malformed ones', async () => {
    const input = [
      JSON.stringify({ id: 'a1', text: '死にたい' }),
      '{"id": "bad1", "text": ',
      JSON.stringify({ id: 'a2', text: 'こんにちは' }),
      'not json at all',
      JSON.stringify({ id: 'a3' }),
      JSON.stringify({ id: 'a4', text: 'I want to kill myself' }),
    ].join('\n');
    const { code, lines } = await run(input + '\n');
    expect(code).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['a1', 'bad1', 'a2', null, 'a3', 'a4']);
    expect(lines[0]).toMatchObject({ id: 'a1', urgency: 'emergency', reporter: 'self' });
    expect(lines[0].categories[0]).toBe('suicide');
    expect(Object.keys(lines[0])).toEqual(['id', 'categories', 'urgency', 'reporter', 'risk', 'reasons']);
    expect(lines[0].risk).toEqual({ score: expect.any(Number), band: 'crisis' });
    expect(lines[1].error.code).toBe('invalid_line');
    expect(lines[2]).toMatchObject({ categories: ['other'], urgency: 'low' });
    expect(lines[3]).toMatchObject({ id: null, error: { code: 'invalid_line' } });
    expect(lines[4]).toMatchObject({ id: 'a3', error: { code: 'invalid_line' } });
    expect(lines[5].categories).toEqual(expect.arrayContaining(['suicide', 'foreign']));
  });
  it('handles CRLF and a last line without newline', async () => {
    const { lines } = await run(`${JSON.stringify({ id: 'x', text: '家賃が払えません' })}\r\n${JSON.stringify({ id: 'y', text: '母が認知症です' })}`);
    expect(lines.map((l) => l.id)).toEqual(['x', 'y']);
    expect(lines[0].categories).toContain('housing');
    expect(lines[1].reporter).toBe('family');
  });
});
