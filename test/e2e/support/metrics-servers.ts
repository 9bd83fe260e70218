import * as http from 'http';

/** Local /metrics endpoints standing in for the app's containers, on loopback addresses only. */
export interface MetricsServers {
  /** `ip:port` of every endpoint, in start order. */
  readonly endpoints: string[];
  /** Scrapes received per `ip:port`. */
  readonly hits: Map<string, number>;
  close(): Promise<void>;
}

/** Starts one HTTP server per `ip:port` (127.0.0.0/8 only) answering /metrics with a small exposition. */
export async function startMetricsServers(endpoints: readonly string[]): Promise<MetricsServers> {
  const servers: http.Server[] = [];
  const hits = new Map<string, number>();
  const close = () => Promise.all(servers.map((s) => new Promise<void>((resolve) => {
    s.closeAllConnections();
    s.close(() => resolve());
  }))).then(() => undefined);
  try {
    for (const endpoint of endpoints) {
      const [ip, port] = endpoint.split(':');
      if (!/^127\.\d+\.\d+\.\d+$/.test(ip)) {
        throw new Error(`metrics servers listen on loopback addresses only, not ${ip}`);
      }
      const server = http.createServer((req, res) => {
        if (req.url?.split('?')[0] !== '/metrics') {
          res.writeHead(404).end();
          return;
        }
        hits.set(endpoint, (hits.get(endpoint) ?? 0) + 1);
        res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
        res.end(`# HELP e2e_fixture_info Served by the target preview test.\n# TYPE e2e_fixture_info gauge\ne2e_fixture_info{endpoint="${endpoint}"} 1\n`);
      });
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(Number(port), ip, () => resolve());
      });
    }
  } catch (e) {
    await close();
    throw e;
  }
  return { endpoints: [...endpoints], hits, close };
}
