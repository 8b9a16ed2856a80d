export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}
export function serveStatic(options: {
  root: string;
  prefix?: string;
  port?: number;
  host?: string;
}): Promise<StaticServer>;
