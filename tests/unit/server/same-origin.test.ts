import { isSameOrigin } from '../../../src/server/middleware/same-origin';

describe('same-origin check for cookie-authenticated writes', () => {
  test.each([
    ['http://localhost:3000', undefined, 'localhost:3000', true],
    ['https://city.example.jp', undefined, 'city.example.jp', true],
    ['https://evil.example', undefined, 'city.example.jp', false],
    ['http://localhost:3001', undefined, 'localhost:3000', false],
    ['null', 'same-origin', 'localhost:3000', true],
    ['null', 'cross-site', 'localhost:3000', false],
    [undefined, 'same-origin', 'localhost:3000', true],
    [undefined, 'same-site', 'localhost:3000', false],
    [undefined, undefined, 'localhost:3000', false],
    ['not a url', undefined, 'localhost:3000', false],
  ])('origin %s, sec-fetch-site %s, host %s → %s', (origin, site, host, expected) => {
    expect(isSameOrigin(origin, site, host)).toBe(expected);
  });
});
