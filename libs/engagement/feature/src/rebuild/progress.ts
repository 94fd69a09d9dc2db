/** Where a rebuild is: events applied out of those to replay, and since when. */
export interface RebuildProgress {
  phase: 'replay' | 'swap' | 'catch-up' | 'done';
  applied: number;
  total: number;
  elapsedMs: number;
}

const WIDTH = 30;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes} min ${whole % 60} s` : `${whole} s`;
}

/** One line: a bar, events applied of the total, the rate so far and the time left at that rate. */
export function formatProgress({ phase, applied, total, elapsedMs }: RebuildProgress): string {
  const fraction = total > 0 ? Math.min(1, applied / total) : 1;
  const filled = Math.round(fraction * WIDTH);
  const rate = elapsedMs > 0 ? (applied * 1000) / elapsedMs : 0;
  const left = rate > 0 ? (total - applied) / rate : total > applied ? Number.POSITIVE_INFINITY : 0;
  const number = (value: number) => Math.round(value).toLocaleString('en-GB');
  return (
    `${phase.padEnd(8)} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ` +
    `${(fraction * 100).toFixed(0).padStart(3)}% ${number(applied)}/${number(total)} events, ` +
    `${number(rate)} events/s, ${duration(left)} left`
  );
}

/**
 * Draws the progress on a terminal: one line redrawn in place (at most every 100 ms), or, when the stream is
 * not a terminal (a log), a line every 5 s.
 */
export function terminalProgress(stream: NodeJS.WriteStream): (progress: RebuildProgress) => void {
  let last = 0;
  const everyMs = stream.isTTY ? 100 : 5000;
  return (progress) => {
    const now = Date.now();
    const final = progress.phase === 'done' || progress.phase === 'swap';
    if (!final && now - last < everyMs) return;
    last = now;
    const line = formatProgress(progress);
    stream.write(stream.isTTY ? `\r${line}\u001b[K${final ? '\n' : ''}` : `${line}\n`);
  };
}
