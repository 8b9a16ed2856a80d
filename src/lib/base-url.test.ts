import { describe, expect, it } from 'vitest';
import { checkBaseUrl } from './base-url';

describe('checkBaseUrl', () => {
  it.each([
    ['https://platform.reducto.ai', 'https://platform.reducto.ai'],
    ['  https://eu.platform.reducto.ai/  ', 'https://eu.platform.reducto.ai'],
    [
      'https://proxy.example.com/reducto//',
      'https://proxy.example.com/reducto',
    ],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:4010/', 'http://127.0.0.1:4010'],
    ['HTTPS://Platform.Reducto.AI', 'https://platform.reducto.ai'],
  ])('accepts %s as %s', (input, url) => {
    expect(checkBaseUrl(input)).toEqual({ ok: true, url });
  });

  it.each([
    ['', /enter a url/i],
    ['platform.reducto.ai', /not a complete url/i],
    ['http://platform.reducto.ai', /use https/i],
    ['http://192.168.1.4:8000', /use https/i],
    ['http://[::1]:9000', /use https/i],
    ['ftp://example.com', /https:\/\//i],
    ['javascript:alert(1)', /https:\/\//i],
    ['https://user:pw@example.com', /user name and password/i],
    ['https://example.com/?key=1', /query/i],
    ['https://example.com/#x', /fragment/i],
  ])('refuses %j', (input, reason) => {
    const result = checkBaseUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
});
