/** Bad input from the user: reported as one line naming the file and the place, exit code 2. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly place: string,
    readonly problem: string,
  ) {
    super(`${file}${place ? `: ${place}` : ""}: ${problem}`);
    this.name = "InputError";
  }
}

/** The engine could not reach a verdict. Callers must block, never pass. */
export class EvaluationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EvaluationError";
  }
}

/** The command line asks for something that cannot be done: one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
