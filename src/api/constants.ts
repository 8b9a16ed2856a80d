/** Region presets of the hosted API (reducto-api.md §1). */
export const REGION_PRESETS = {
  us: 'https://platform.reducto.ai',
  eu: 'https://eu.platform.reducto.ai',
  au: 'https://au.platform.reducto.ai',
} as const;

export type RegionPreset = keyof typeof REGION_PRESETS;

/**
 * Largest file sent as a direct multipart upload. The documented limit is
 * 100 MB and the ingress caps request bodies at 100 MiB; decimal megabytes
 * leave room for the multipart envelope.
 */
export const MAX_DIRECT_UPLOAD_BYTES = 100 * 1000 * 1000;

/** Largest file the presigned flow accepts (S3's 5 GiB single-PUT limit). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024 * 1024;

export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_TIMEOUT_MS = 120_000;
/** Sync /pipeline can run up to the server's 900 s limit. */
export const SYNC_PIPELINE_TIMEOUT_MS = 900_000;
export const DEFAULT_POLL_INITIAL_MS = 1_000;
export const DEFAULT_POLL_MAX_MS = 8_000;
export const POLL_GROWTH = 1.5;
/**
 * Uploads get the normal timeout plus one second per 100 kB: a slow uplink
 * still finishes, a stalled one still ends.
 */
export const UPLOAD_BYTES_PER_SECOND_FLOOR = 100_000;
