// Small statistics helpers for benchmark latencies.

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(latenciesMs: number[]): { p50: number; p99: number; max: number } {
  const s = [...latenciesMs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] ?? NaN };
}

export const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Runs `task(i)` for i in [0, total) with at most `concurrency` in flight; returns elapsed ms and latencies. */
export async function closedLoop(total: number, concurrency: number, task: (i: number) => Promise<void>): Promise<{ ms: number; lat: number[] }> {
  let next = 0;
  const lat: number[] = [];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const i = next++;
      const t = performance.now();
      await task(i);
      lat.push(performance.now() - t);
    }
  }));
  return { ms: performance.now() - t0, lat };
}

/** Starts `task(i)` at a fixed rate regardless of completions (open loop), for `seconds`. */
export async function openLoop(ratePerSec: number, seconds: number, task: (i: number) => Promise<void>): Promise<number[]> {
  const lat: number[] = [];
  const total = Math.round(ratePerSec * seconds);
  const t0 = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / ratePerSec;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const start = performance.now();
    running.push(task(i).then(() => { lat.push(performance.now() - start); }));
  }
  await Promise.all(running);
  return lat;
}
