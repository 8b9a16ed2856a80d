import { isUnderBaseUrl } from './http';
import { path } from './path';

describe('path', () => {
  test('encodes every interpolated value', () => {
    expect(path`/job/${'a/b?c#d e'}`).toBe('/job/a%2Fb%3Fc%23d%20e');
    expect(path`/cancel/${'7c9e6679-7425-40de-944b-e07fc1f90ae7'}`).toBe(
      '/cancel/7c9e6679-7425-40de-944b-e07fc1f90ae7',
    );
  });

  test('refuses values that would change the path', () => {
    expect(() => path`/job/${'..'}`).toThrow(TypeError);
    expect(() => path`/job/${''}`).toThrow(TypeError);
  });
});

describe('isUnderBaseUrl', () => {
  test.each([
    ['https://api.test/job/1', 'https://api.test', true],
    ['https://api.test', 'https://api.test', true],
    ['https://proxy.test/reducto/upload', 'https://proxy.test/reducto', true],
    ['https://proxy.test/reducto', 'https://proxy.test/reducto/', true],
    ['https://proxy.test/reductoX/upload', 'https://proxy.test/reducto', false],
    [
      'https://proxy.test/other/result.json',
      'https://proxy.test/reducto',
      false,
    ],
    ['https://api.test.evil.example/job', 'https://api.test', false],
    ['http://api.test/job/1', 'https://api.test', false],
    ['https://api.test:8443/job/1', 'https://api.test', false],
    ['not a url', 'https://api.test', false],
  ])('%s under %s: %s', (url, base, expected) => {
    expect(isUnderBaseUrl(url, base)).toBe(expected);
  });
});
