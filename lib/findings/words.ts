/** A text in both UI languages, Chinese first. */
export interface Words {
  readonly zh: string;
  readonly en: string;
}
