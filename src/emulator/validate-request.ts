/**
 * Validates a /pipeline or /pipeline_async body the way the real FastAPI
 * server does (reducto-openapi.json V3PipelineConfig): `input` and
 * `pipeline_id` required, `settings` is PipelineSettings with
 * additionalProperties: false. Failures are FastAPI 422 `detail` issues.
 */
import type { PipelineInput, ValidationIssue } from '../api/types';
import { missingField } from './responses';

export interface PipelineRequest {
  input: PipelineInput;
  pipelineId: string;
  documentPassword: string | null;
  /** The body as submitted, minus the password (for raw_config). */
  rawConfig: string;
}

export type Validated =
  | { ok: true; request: PipelineRequest }
  | { ok: false; issues: ValidationIssue[] };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringIssue(loc: (string | number)[], input: unknown) {
  return {
    type: 'string_type',
    loc,
    msg: 'Input should be a valid string',
    input,
  };
}

function objectIssue(loc: (string | number)[], input: unknown) {
  return {
    type: 'model_type',
    loc,
    msg: 'Input should be a valid dictionary or object to extract fields from',
    input,
  };
}

function checkInput(input: unknown): ValidationIssue[] {
  if (typeof input === 'string') return [];
  if (Array.isArray(input)) {
    return input.flatMap((item, index) =>
      typeof item === 'string'
        ? []
        : [stringIssue(['body', 'input', 'list[str]', index], item)],
    );
  }
  if (isObject(input)) {
    if (!('file_id' in input)) {
      return [
        missingField(['body', 'input', 'UploadResponse', 'file_id'], input),
      ];
    }
    return typeof input.file_id === 'string'
      ? []
      : [
          stringIssue(
            ['body', 'input', 'UploadResponse', 'file_id'],
            input.file_id,
          ),
        ];
  }
  return [stringIssue(['body', 'input', 'str'], input)];
}

/** Parses the JSON text of a pipeline request. */
export function validatePipelineRequest(text: string): Validated {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      issues: [
        {
          type: 'json_invalid',
          loc: ['body', 0],
          msg: 'JSON decode error',
          input: {},
          ctx: {
            error: error instanceof Error ? error.message : 'Invalid JSON',
          },
        },
      ],
    };
  }
  if (!isObject(body)) {
    return { ok: false, issues: [objectIssue(['body'], body)] };
  }
  const issues: ValidationIssue[] = [];
  if (!('input' in body)) issues.push(missingField(['body', 'input'], body));
  else issues.push(...checkInput(body.input));
  if (!('pipeline_id' in body)) {
    issues.push(missingField(['body', 'pipeline_id'], body));
  } else if (typeof body.pipeline_id !== 'string') {
    issues.push(stringIssue(['body', 'pipeline_id'], body.pipeline_id));
  }
  let password: string | null = null;
  const settings = body.settings;
  if (settings !== undefined && settings !== null) {
    if (!isObject(settings)) {
      issues.push(objectIssue(['body', 'settings'], settings));
    } else {
      for (const [key, value] of Object.entries(settings)) {
        if (key === 'document_password') continue;
        issues.push({
          type: 'extra_forbidden',
          loc: ['body', 'settings', key],
          msg: 'Extra inputs are not permitted',
          input: value,
        });
      }
      const given = settings.document_password;
      if (typeof given === 'string') password = given;
      else if (given !== undefined && given !== null) {
        issues.push(
          stringIssue(['body', 'settings', 'document_password', 'str'], given),
        );
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  // Never echo the password back (raw_config is readable through /job).
  const safe = { ...body };
  if (isObject(safe.settings) && 'document_password' in safe.settings) {
    safe.settings = { ...safe.settings, document_password: '***' };
  }
  return {
    ok: true,
    request: {
      input: body.input as PipelineInput,
      pipelineId: body.pipeline_id as string,
      documentPassword: password,
      rawConfig: JSON.stringify(safe),
    },
  };
}
