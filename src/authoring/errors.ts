/** An error the editor can act on: its message is printed as it is, with no stack trace. */
export class AuthoringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthoringError';
  }
}
