/**
 * A token bucket: `burst` messages at once, refilled at `perSecond`. Time is passed in,
 * so the bridge's cap is testable without a clock.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number | null = null;

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  take(now: number): boolean {
    if (this.updatedAt !== null) {
      const refill = ((now - this.updatedAt) / 1000) * this.perSecond;
      this.tokens = Math.min(this.burst, this.tokens + Math.max(0, refill));
    }
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
