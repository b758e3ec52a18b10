/**
 * Runs `task` once the frame showing the current DOM is painted: in a task after the next animation frame
 * (the frame's own callbacks run before its paint), or after 100 ms where no frame comes (a page in the
 * background gets none). Returns the cancel.
 */
export function afterNextPaint(task: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    task();
  };
  const timers: Array<ReturnType<typeof setTimeout>> = [setTimeout(once, 100)];
  const frame = typeof requestAnimationFrame === 'function' ? requestAnimationFrame(() => timers.push(setTimeout(once, 0))) : null;
  return () => {
    done = true;
    for (const timer of timers) clearTimeout(timer);
    if (frame !== null) cancelAnimationFrame(frame);
  };
}
