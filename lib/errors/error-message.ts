/**
 * The message of anything thrown: an Error's message (its name when the message is empty), else its text.
 * Never throws itself: a rejection can be any value, even one whose `toString` is broken.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  try {
    return String(error);
  } catch {
    return `(${typeof error} that cannot be shown as text)`;
  }
}

/**
 * For work nobody awaits (an alarm, a listener, a page's first read): a failure is logged with what failed,
 * instead of becoming an unhandled rejection that says nothing about where it came from.
 */
export function logFailure(task: string): (error: unknown) => void {
  return (error) => console.warn(`[order-sentinel] ${task} failed: ${errorMessage(error)}`);
}
