// Step timings on stderr when ISOLOIR_TIMING is set: how the benchmark sees where time goes.
export function stepTimer(): (step: string) => void {
  let last = performance.now();
  return (step) => {
    if (process.env['ISOLOIR_TIMING'] === undefined) return;
    const now = performance.now();
    process.stderr.write(`  ${step}: ${((now - last) / 1000).toFixed(2)} s\n`);
    last = now;
  };
}
