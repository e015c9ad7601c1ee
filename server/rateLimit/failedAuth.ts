const WINDOW_MS = 60_000;

/**
 * Failed authentications per client address and minute, in this process.
 * Past the limit the address gets 429 before its credential is even looked at.
 */
export class FailedAuthLimiter {
  private readonly windows = new Map<string, { window: number; failures: number }>();

  constructor(
    private readonly limitPerMinute: number,
    private readonly clock: () => number,
  ) {}

  /** Seconds until the address may try again, or 0 when it may now. */
  blockedFor(address: string): number {
    const now = this.clock();
    const entry = this.windows.get(address);
    if (!entry || entry.window !== Math.floor(now / WINDOW_MS) || entry.failures < this.limitPerMinute) return 0;
    return Math.ceil(((entry.window + 1) * WINDOW_MS - now) / 1000);
  }

  recordFailure(address: string): void {
    const window = Math.floor(this.clock() / WINDOW_MS);
    const entry = this.windows.get(address);
    if (entry && entry.window === window) entry.failures += 1;
    else this.windows.set(address, { window, failures: 1 });
    if (this.windows.size > 10_000) this.forgetOld(window);
  }

  private forgetOld(window: number): void {
    for (const [address, entry] of this.windows) if (entry.window !== window) this.windows.delete(address);
  }
}
