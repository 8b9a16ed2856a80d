import { useBaseUrl, useIsDemo } from '@/store/connection-store';

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** Where results come from, at a glance (for the page header). */
export function ModeBadge() {
  const demo = useIsDemo();
  const baseUrl = useBaseUrl();
  return (
    <p className="mode-badge">
      {demo ? (
        <>
          <span aria-hidden="true">◌ </span>Demo mode: simulated results
        </>
      ) : (
        <>
          <span aria-hidden="true">● </span>API: {hostOf(baseUrl)}
        </>
      )}
    </p>
  );
}
