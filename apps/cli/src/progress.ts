// Progress of long work, on stderr: a bar redrawn in place on a terminal, plain lines elsewhere
// (CI logs, files), at most one line per 10 % or per 5 seconds.
export interface Progress {
  /** Moves to `done` of `total`. */
  update(done: number): void;
  /** Ends the bar with a final line. */
  finish(note?: string): void;
}

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): boolean;
}

const BAR_WIDTH = 30;
const LINE_INTERVAL_MS = 5000;

function bar(fraction: number): string {
  const filled = Math.round(fraction * BAR_WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
}

export function progress(
  label: string,
  total: number,
  stream: ProgressStream = process.stderr,
  now: () => number = Date.now,
): Progress {
  const started = now();
  let lastLine = -Infinity;
  let lastDecile = -1;
  const describe = (done: number): string => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const seconds = (now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    return `${label} ${bar(fraction)} ${String(done)}/${String(total)} (${String(Math.floor(fraction * 100))} %, ${String(rate)}/s)`;
  };
  return {
    update(done) {
      if (stream.isTTY === true) {
        stream.write(`\r${describe(done)}`);
        return;
      }
      const decile = total > 0 ? Math.floor((10 * done) / total) : 10;
      if (decile > lastDecile || now() - lastLine >= LINE_INTERVAL_MS) {
        stream.write(`${describe(done)}\n`);
        lastDecile = decile;
        lastLine = now();
      }
    },
    finish(note) {
      const end = `${describe(total)}${note === undefined ? '' : ` ${note}`}`;
      stream.write(stream.isTTY === true ? `\r${end}\n` : `${end}\n`);
    },
  };
}
