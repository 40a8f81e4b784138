import autocannon from 'autocannon';

/** What one autocannon run measured: every response time, the rate, and the answers that were not the expected status. */
export interface Load {
  latencies: number[];
  requests: number;
  perSecond: number;
  errors: number;
  statuses: Record<string, number>;
}

/** Runs autocannon and keeps every response time (its own summary has no p95); every status but `expectStatus` is an error. */
export function load(options: autocannon.Options, expectStatus: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      const wrong = Object.entries(statuses)
        .filter(([s]) => Number(s) !== expectStatus)
        .reduce((sum, [, n]) => sum + n, 0);
      resolve({
        latencies,
        requests: result.requests.total,
        perSecond: result.requests.total / (result.duration || (options.duration as number)),
        errors: wrong + result.errors + result.timeouts,
        statuses,
      });
    });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
}
