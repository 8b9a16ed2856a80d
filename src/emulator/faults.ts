/** Fault state of one emulator instance: defaults, merging, consumption. */
import type { EmulatorFaults, FailJobRule } from './types';

export function noFaults(): EmulatorFaults {
  return {
    latencyMs: 0,
    rateLimitBurst: 0,
    serverErrors: 0,
    retryAfterSeconds: null,
    failJobs: [],
    urlResults: false,
    passwordProtected: null,
  };
}

/** Copies so that callers cannot mutate the live state (and vice versa). */
export function copyFaults(faults: EmulatorFaults): EmulatorFaults {
  return {
    ...faults,
    failJobs: faults.failJobs.map((rule) => ({ ...rule })),
    urlResults:
      typeof faults.urlResults === 'object'
        ? { ...faults.urlResults }
        : faults.urlResults,
    passwordProtected: faults.passwordProtected
      ? { ...faults.passwordProtected }
      : null,
  };
}

export function mergeFaults(
  current: EmulatorFaults,
  partial: Partial<EmulatorFaults>,
): EmulatorFaults {
  const defined = Object.fromEntries(
    Object.entries(partial).filter(([, value]) => value !== undefined),
  ) as Partial<EmulatorFaults>;
  return copyFaults({ ...current, ...defined });
}

/** Finds the first rule matching a job and uses up one of its count. */
export function takeFailRule(
  faults: EmulatorFaults,
  pipelineId: string,
  documentName: string,
): FailJobRule | null {
  for (const rule of faults.failJobs) {
    if (rule.pipelineId !== undefined && rule.pipelineId !== pipelineId) {
      continue;
    }
    if (rule.documentName !== undefined && rule.documentName !== documentName) {
      continue;
    }
    if (rule.count !== undefined) {
      if (rule.count <= 0) continue;
      rule.count -= 1;
    }
    return rule;
  }
  return null;
}

/** Whether a full result of this JSON size is returned as a URL. */
export function wantsUrlResult(faults: EmulatorFaults, jsonBytes: number) {
  const { urlResults } = faults;
  if (typeof urlResults === 'boolean') return urlResults;
  return jsonBytes >= urlResults.minBytes;
}
