import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** An error the editor can act on: its message is printed as it is, with no stack trace. */
export class AuthoringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthoringError';
  }
}

/** A command's options and positional arguments; a wrong option is an AuthoringError that shows the usage. */
export function parseCommandLine<T extends ParseArgsOptionsConfig>(usage: string, options: T) {
  try {
    return parseArgs({ allowPositionals: true, options });
  } catch (error) {
    throw new AuthoringError(`${(error as Error).message}\n${usage}`);
  }
}
