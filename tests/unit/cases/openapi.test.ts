/** The OpenAPI document carries issue 12's contract: every case path, with its refusals. */
import { buildOpenApiDocument } from '../../../src/server/openapi';

describe('OpenAPI: cases contract', () => {
  const doc = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  const contract: [string, string, string[]][] = [
    ['post', '/api/cases', ['201']],
    ['get', '/api/cases', ['200']],
    ['get', '/api/cases/{id}', ['200', '404']],
    ['post', '/api/cases/{id}/transitions', ['200', '409']],
    ['get', '/api/agencies', ['200']],
    ['post', '/api/cases/{id}/referrals', ['201', '403']],
    ['get', '/api/referrals', ['200']],
    ['post', '/api/referrals/{id}/accept', ['200']],
    ['post', '/api/referrals/{id}/return', ['200']],
    ['get', '/api/referrals/{id}/sheet.pdf', ['200']],
    ['get', '/api/referrals/{id}/sheet.json', ['200']],
    ['post', '/api/meetings', ['201', '403', '400']],
    ['post', '/api/cases/{id}/plans', ['201']],
    ['post', '/api/cases/{id}/follow-ups', ['201']],
  ];
  it.each(contract)('%s %s answers %j', (method, path, statuses) => {
    const op = doc.paths[path]?.[method];
    expect(op).toBeDefined();
    for (const s of statuses) expect(op.responses[s]).toBeDefined();
  });
  it('documents the PDF as application/pdf', () => {
    expect(Object.keys((doc.paths['/api/referrals/{id}/sheet.pdf'].get.responses['200'] as { content: object }).content)).toEqual(['application/pdf']);
  });
});
