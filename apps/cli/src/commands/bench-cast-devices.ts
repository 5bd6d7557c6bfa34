// The load generator of `bench cast`: the voters' devices, in a worker thread of the bench's process,
// so that their HTTP clients do not wait in the server's event loop (devices are other machines) and
// their CPU is measured apart from the server's. Still on the same 2 cores: their CPU is reported
// (`devices_cpu_ms_per_cast`). Plain HTTP/1.1 keep-alive requests through node:http (a device's
// browser sends the same bytes).
import { Worker } from 'node:worker_threads';

export interface DeviceCast {
  /** The request's path, headers (session cookie, CSRF token, content type) and JSON body. */
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly ballotId: string;
}

export interface DevicesResult {
  readonly latencies: number[];
  readonly errors: number;
  readonly firstError: string | undefined;
  /** Requests sent before the deadline (or all of them). */
  readonly sent: number;
  readonly exhausted: boolean;
  readonly seconds: number;
  /** CPU time of the devices' thread (user + system), ms. */
  readonly cpuMs: number;
}

// Plain JavaScript, evaluated in the worker: C devices, each sending the next ballot until the
// deadline; a refused or failed cast waits 100 ms before that device's next one, as a device would.
const DEVICES = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { openSync, writeSync, closeSync } = require('node:fs');
const { origin, work, concurrency, seconds, receipts } = workerData;
const target = new URL(origin);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const fd = receipts === undefined ? undefined : openSync(receipts, 'a');
const latencies = [];
let errors = 0;
let firstError;
let next = 0;
function post(item) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { agent, host: target.hostname, port: target.port, path: item.path, method: 'POST',
        headers: { ...item.headers, 'content-length': Buffer.byteLength(item.body) } },
      (response) => {
        response.on('data', () => {});
        response.on('end', () => resolve(response.statusCode));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(item.body);
  });
}
parentPort.once('message', () => {
  const cpuBefore = process.threadCpuUsage();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  async function device() {
    while (performance.now() < deadline && next < work.length) {
      const item = work[next];
      next += 1;
      const t0 = performance.now();
      let failed = false;
      try {
        const status = await post(item);
        if (status === 201) { if (fd !== undefined) writeSync(fd, item.ballotId + ' ' + String(Date.now()) + '\\n'); }
        else { errors += 1; failed = true; if (firstError === undefined) firstError = 'HTTP ' + String(status); }
      } catch (error) {
        if (firstError === undefined) firstError = String(error);
        errors += 1;
        failed = true;
      }
      latencies.push(performance.now() - t0);
      if (failed) await new Promise((done) => setTimeout(done, 100));
    }
  }
  Promise.all(Array.from({ length: concurrency }, device)).then(
    () => {
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.threadCpuUsage(cpuBefore);
      if (fd !== undefined) closeSync(fd);
      agent.destroy();
      parentPort.postMessage({
        latencies, errors, firstError, sent: next, exhausted: next >= work.length, seconds,
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
    },
    (error) => parentPort.postMessage({ error: String(error) }),
  );
});
parentPort.postMessage({ ready: true });
`;

/**
 * Starts the devices' thread and waits until it is ready; `run()` then casts for `seconds` and
 * resolves with what the devices saw.
 */
export async function startDevices(input: {
  readonly origin: string;
  readonly work: readonly DeviceCast[];
  readonly concurrency: number;
  readonly seconds: number;
  readonly receipts?: string | undefined;
}): Promise<{ run: () => Promise<DevicesResult> }> {
  const worker = new Worker(DEVICES, { eval: true, workerData: input });
  const result = new Promise<DevicesResult>((resolve, reject) => {
    worker.on('message', (m: { ready?: boolean; error?: string } & Partial<DevicesResult>) => {
      if (m.ready === true) return;
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve(m as DevicesResult);
      void worker.terminate();
    });
    worker.on('error', reject);
  });
  await new Promise<void>((ready, reject) => {
    worker.once('message', () => {
      ready();
    });
    worker.once('error', reject);
  });
  return {
    run: () => {
      worker.postMessage('go');
      return result;
    },
  };
}
