/** A one-line progress bar on stderr, redrawn at most 10 times a second; silent when disabled. */
export class ProgressBar {
  private last = 0;
  private shown = false;
  constructor(private readonly enabled: boolean, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  /** Draws `fraction` (0-1) with a label; `force` ignores the rate limit. */
  update(fraction: number, label: string, force = false): void {
    if (!this.enabled) return;
    const t = Date.now();
    if (!force && t - this.last < 100) return;
    this.last = t;
    const width = 28;
    const f = Math.max(0, Math.min(1, fraction));
    const full = Math.round(f * width);
    const cols = this.stream.columns ?? 100;
    const line = `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(f * 100).toFixed(0).padStart(3)}% ${label}`.slice(0, cols - 1);
    this.stream.write(`\r${line}\x1b[K`);
    this.shown = true;
  }

  /** Clears the bar so normal output starts on a clean line. */
  clear(): void {
    if (this.enabled && this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
