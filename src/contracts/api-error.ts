/**
 * What the inbox's and the widget's HTTP clients throw: an error the server answered (`status` >
 * 0, with the code and message of src/errors.ts) or a network failure (`status` 0, code
 * `network`). A class with no imports, so both bundles can take it from here.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
