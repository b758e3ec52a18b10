/** What a save or a test answered, in plain words; null before the merchant asked. */
export type Result = { ok: boolean; text: string } | null;

/** A live status line under a form's buttons: screen readers hear the answer, tests find it by its id. */
export function ResultLine({ result, testId }: { result: Result; testId: string }) {
  return (
    <p role="status" className={result === null ? undefined : result.ok ? 'saved' : 'errors'} data-testid={testId}>
      {result?.text}
    </p>
  );
}
