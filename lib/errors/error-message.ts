/** The message of anything thrown (an Error's message, else its text). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * For work nobody awaits (an alarm, a listener, a page's first read): a failure is logged with what failed,
 * instead of becoming an unhandled rejection that says nothing about where it came from.
 */
export function logFailure(task: string): (error: unknown) => void {
  return (error) => console.warn(`[order-sentinel] ${task} failed: ${errorMessage(error)}`);
}
