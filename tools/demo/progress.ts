/**
 * Progress on stderr: a bar rewritten in place on a terminal, one line per finished step elsewhere (CI logs, the
 * system test), so stdout keeps only the summary.
 */
export class DemoProgress {
  private readonly tty: boolean;

  constructor(private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.tty = Boolean(stream.isTTY);
  }

  /** Runs one step, showing `done/total` as `tick` is called. */
  async step<T>(label: string, total: number, run: (tick: () => void) => Promise<T>): Promise<T> {
    let done = 0;
    const started = Date.now();
    const draw = (): void => {
      if (!this.tty) return;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      this.stream.write(
        `\r${label.padEnd(34)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}\u001b[K`,
      );
    };
    draw();
    const result = await run(() => {
      done += 1;
      draw();
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (this.tty) this.stream.write(`\r${label.padEnd(34)} ${total} done in ${seconds} s\u001b[K\n`);
    else this.stream.write(`${label}: ${total} done in ${seconds} s\n`);
    return result;
  }

  /** A wait with a countdown (e.g. until the first session starts). */
  async wait(label: string, until: number): Promise<void> {
    while (Date.now() < until) {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (this.tty) this.stream.write(`\r${label}: ${left} s\u001b[K`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000, until - Date.now())));
    }
    if (this.tty) this.stream.write(`\r${label}: done\u001b[K\n`);
    else this.stream.write(`${label}: done\n`);
  }
}
