/** The OpenAPI document carries the figures and the person's rights: paths, refusals, CSV and PDF. */
import { buildOpenApiDocument } from '../../../src/server/openapi';

type Op = { parameters?: { name: string }[]; responses: Record<string, { content?: Record<string, unknown> }> };

describe('OpenAPI: reports, 開示請求 and deletion on request', () => {
  const doc = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, Op>> };
  it.each([
    ['get', '/api/reports/monthly', ['200', '400', '401', '403']],
    ['get', '/api/person-data', ['200', '400', '401', '403', '404']],
    ['post', '/api/person-data/erase', ['200', '400', '401', '403', '404']],
  ] as const)('%s %s answers %j', (method, path, statuses) => {
    const op = doc.paths[path]?.[method];
    expect(op).toBeDefined();
    for (const s of statuses) expect(op.responses[s]).toBeDefined();
  });
  it('documents the report as JSON or CSV with its query, and the export as JSON or PDF', () => {
    const report = doc.paths['/api/reports/monthly'].get;
    expect(Object.keys(report.responses['200'].content!)).toEqual(['application/json', 'text/csv']);
    expect(report.parameters!.map((p) => p.name).sort()).toEqual(['encoding', 'format', 'from', 'lang', 'table', 'to']);
    expect(Object.keys(doc.paths['/api/person-data'].get.responses['200'].content!)).toEqual(['application/json', 'application/pdf']);
  });
});
