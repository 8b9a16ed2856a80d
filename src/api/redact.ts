/**
 * Scrubs the API key from anything a server echoed back (some gateways
 * repeat the bad token in their error text), so it can never reach an error
 * message, a log line or a saved run record.
 */
const REDACTED = '[redacted]';

export function redactText(text: string, secret: string | null | undefined) {
  return secret ? text.split(secret).join(REDACTED) : text;
}

export function redactBody(
  body: unknown,
  secret: string | null | undefined,
): unknown {
  if (!secret) return body;
  if (typeof body === 'string') return redactText(body, secret);
  if (typeof body !== 'object' || body === null) return body;
  const json = JSON.stringify(body);
  if (!json.includes(secret)) return body;
  try {
    return JSON.parse(redactText(json, secret)) as unknown;
  } catch {
    // The key spanned JSON syntax: drop the body rather than leak it.
    return REDACTED;
  }
}
