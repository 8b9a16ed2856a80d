/**
 * Hosts where plain http is acceptable: the machine itself. The same two
 * the build's Content-Security-Policy lets the page connect to over http.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

export type BaseUrlCheck =
  { ok: true; url: string } | { ok: false; reason: string };

/**
 * Validates and normalises an API base URL typed by a person. The key is
 * sent to this URL, so it must be https (plain http only for this machine,
 * e.g. the emulator or a local proxy), carry no credentials, query or
 * fragment. A path is allowed (a proxy may live under /reducto). Trailing
 * slashes are dropped so paths join cleanly.
 */
export function checkBaseUrl(input: string): BaseUrlCheck {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'Enter a URL.' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      ok: false,
      reason: 'This is not a complete URL. Start with https://',
    };
  }
  if (url.protocol === 'http:') {
    if (!LOOPBACK_HOSTS.has(url.hostname)) {
      return {
        ok: false,
        reason:
          'Use https. Plain http is allowed only for localhost and 127.0.0.1.',
      };
    }
  } else if (url.protocol !== 'https:') {
    return { ok: false, reason: 'The URL must start with https://' };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      reason: 'Remove the user name and password from the URL.',
    };
  }
  if (url.search !== '' || url.hash !== '') {
    return {
      ok: false,
      reason: 'Remove the query (?…) and fragment (#…) from the URL.',
    };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}` };
}
