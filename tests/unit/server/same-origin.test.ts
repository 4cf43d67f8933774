import type { IncomingMessage } from 'node:http';
import { isCrossSiteRead, isSameOrigin, requestProtocol, trustProxySetting } from '../../../src/server/middleware/same-origin';

const http = (host: string) => ({ host, protocol: 'http' });
const https = (host: string) => ({ host, protocol: 'https' });

describe('same-origin check for cookie-authenticated writes', () => {
  test.each([
    ['http://localhost:3000', undefined, http('localhost:3000'), true],
    ['https://city.example.jp', undefined, https('city.example.jp'), true],
    ['https://city.example.jp:443', undefined, https('city.example.jp'), true],
    ['https://evil.example', undefined, https('city.example.jp'), false],
    ['http://localhost:3001', undefined, http('localhost:3000'), false],
    // The scheme counts: a page on plain http must not write to the https site (or the reverse).
    ['http://city.example.jp', undefined, https('city.example.jp'), false],
    ['https://localhost:3000', undefined, http('localhost:3000'), false],
    ['null', 'same-origin', http('localhost:3000'), true],
    ['null', 'cross-site', http('localhost:3000'), false],
    [undefined, 'same-origin', http('localhost:3000'), true],
    [undefined, 'same-site', http('localhost:3000'), false],
    [undefined, undefined, http('localhost:3000'), false],
    ['not a url', undefined, http('localhost:3000'), false],
  ])('origin %s, sec-fetch-site %s, ours %o → %s', (origin, site, ours, expected) => {
    expect(isSameOrigin(origin, site, ours)).toBe(expected);
  });
});

describe('cross-site reads (audited GETs) are refused', () => {
  test.each([
    [undefined, 'same-origin', false],
    [undefined, undefined, false], // not a browser
    [undefined, 'cross-site', true], // a link or <img> on another site
    [undefined, 'same-site', true],
    [undefined, 'none', true], // typed into the address bar: the inbox page, not the API
    ['https://evil.example', undefined, true],
    ['http://city.example.jp', undefined, true],
    ['https://city.example.jp', undefined, false],
  ])('origin %s, sec-fetch-site %s → refused %s', (origin, site, refused) => {
    expect(isCrossSiteRead(origin, site, https('city.example.jp'))).toBe(refused);
  });
});

describe('the scheme of a Socket.IO handshake', () => {
  const req = (remoteAddress: string, proto?: string, encrypted = false) =>
    ({ socket: { remoteAddress, encrypted }, headers: proto ? { 'x-forwarded-proto': proto } : {} }) as unknown as IncomingMessage;
  test('X-Forwarded-Proto counts only from a trusted proxy', () => {
    expect(requestProtocol(req('127.0.0.1', 'https'), trustProxySetting('loopback'))).toBe('https');
    expect(requestProtocol(req('203.0.113.9', 'https'), trustProxySetting('loopback'))).toBe('http');
    expect(requestProtocol(req('10.1.2.3', 'https, http'), trustProxySetting('10.0.0.0/8'))).toBe('https');
    expect(requestProtocol(req('10.1.2.3', 'https'), trustProxySetting('false'))).toBe('http');
    expect(requestProtocol(req('203.0.113.9', undefined, true), trustProxySetting('loopback'))).toBe('https');
    expect(requestProtocol(req('203.0.113.9', 'https'), trustProxySetting('1'))).toBe('https');
  });
});
