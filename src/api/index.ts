/**
 * The Reducto API client: the only public entry of src/api. Import from
 * `@/api`, never from a file inside it.
 */
export { createReductoClient } from './client';
export type * from './client-types';
export type * from './types';

export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  FileTooLargeError,
  NotFoundError,
  PasswordRequiredError,
  PermissionDeniedError,
  RateLimitError,
  ReductoError,
  ServerError,
  UnexpectedResponseError,
  ValidationError,
  errorKind,
  isReductoError,
} from './errors';
export type { APIErrorInit, ReductoErrorKind } from './errors';
export {
  ERROR_KIND_LABELS,
  describeError,
  describeErrorKind,
} from './describe-error';

export {
  DEFAULT_MAX_RETRIES,
  DEFAULT_POLL_INITIAL_MS,
  DEFAULT_POLL_MAX_MS,
  DEFAULT_TIMEOUT_MS,
  MAX_DIRECT_UPLOAD_BYTES,
  MAX_UPLOAD_BYTES,
  REGION_PRESETS,
} from './constants';
export type { RegionPreset } from './constants';

export {
  TERMINAL_JOB_STATUSES,
  isTerminalJobStatus,
  normaliseProgress,
} from './jobs';
export { raceAbort } from './abort';
export { extensionOf } from './upload';
export { normaliseBaseUrl } from './url';
