/**
 * Defensive reading of response bodies. Reducto answers errors in several
 * shapes (reducto-api.md §6.1): FastAPI `{detail: string | issue[]}`, an
 * `{error: {message}}` envelope, an edge `{message: "[CODE 1000] …"}`, an
 * nginx HTML page, and S3 answers with XML. None of them may crash the client.
 */
import type { ValidationIssue } from './types';

const MAX_SUMMARY = 300;

/** JSON when the text parses as JSON, else the text itself ('' when empty). */
export function parseBodyText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const first = trimmed[0];
  if (first === '{' || first === '[' || first === '"') {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SUMMARY
    ? `${oneLine.slice(0, MAX_SUMMARY - 1)}…`
    : oneLine;
}

const decodeEntities = (text: string): string =>
  text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

function firstTag(markup: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'i').exec(
    markup,
  );
  const inner = match?.[1]?.replace(/<[^>]*>/g, ' ').trim();
  return inner ? decodeEntities(inner) : undefined;
}

/**
 * A one-line summary of an HTML or XML page: S3's `<Message>`, else the
 * `<title>`, else the first `<h1>`, else the text with tags stripped.
 */
export function summariseMarkup(markup: string): string {
  const picked =
    firstTag(markup, 'Message') ??
    firstTag(markup, 'title') ??
    firstTag(markup, 'h1');
  if (picked) return clip(picked);
  const stripped = markup
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ');
  return clip(decodeEntities(stripped));
}

const looksLikeMarkup = (text: string): boolean => /^\s*</.test(text);

/** FastAPI's validation list, keeping only entries that carry a message. */
export function validationIssuesFrom(body: unknown): ValidationIssue[] {
  if (!isRecord(body) || !Array.isArray(body.detail)) return [];
  const issues: ValidationIssue[] = [];
  for (const item of body.detail) {
    if (!isRecord(item) || typeof item.msg !== 'string') continue;
    const loc = Array.isArray(item.loc)
      ? item.loc.filter(
          (part): part is string | number =>
            typeof part === 'string' || typeof part === 'number',
        )
      : [];
    issues.push({
      ...item,
      loc,
      msg: item.msg,
      type: typeof item.type === 'string' ? item.type : '',
    });
  }
  return issues;
}

/** `body.settings.document_password: Extra inputs are not permitted`. */
export function formatIssues(issues: ValidationIssue[]): string {
  return issues
    .map((issue) =>
      issue.loc.length > 0 ? `${issue.loc.join('.')}: ${issue.msg}` : issue.msg,
    )
    .join('; ');
}

/**
 * The most useful human-readable message in an error body, or undefined when
 * there is none. Order: FastAPI `detail` (string or list), `error.message`,
 * `error` as a string, `message`, then HTML/XML/text.
 */
export function messageFromBody(body: unknown): string | undefined {
  if (typeof body === 'string') {
    if (body.trim() === '') return undefined;
    return looksLikeMarkup(body) ? summariseMarkup(body) : clip(body);
  }
  if (!isRecord(body)) return undefined;

  if (typeof body.detail === 'string' && body.detail.trim() !== '') {
    // The observed envelope puts a better message in error.message.
    const fromError = errorEnvelopeMessage(body);
    return clip(fromError ?? body.detail);
  }
  const issues = validationIssuesFrom(body);
  if (issues.length > 0) return clip(formatIssues(issues));
  const fromError = errorEnvelopeMessage(body);
  if (fromError) return clip(fromError);
  if (typeof body.message === 'string' && body.message.trim() !== '')
    return clip(body.message);
  return undefined;
}

function errorEnvelopeMessage(
  body: Record<string, unknown>,
): string | undefined {
  const error = body.error;
  if (typeof error === 'string' && error.trim() !== '') return error;
  if (
    isRecord(error) &&
    typeof error.message === 'string' &&
    error.message.trim() !== ''
  )
    return error.message;
  return undefined;
}
