export interface CorsProxy {
  url: string;
  close: () => Promise<void>;
}
export function startCorsProxy(options: {
  target: string;
  allowOrigin?: string;
  port?: number;
  host?: string;
}): Promise<CorsProxy>;
