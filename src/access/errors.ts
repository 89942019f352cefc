/**
 * A record the actor may not see is reported exactly like a record that does not exist,
 * so that "not found" never confirms that something is there.
 */
export class NotFoundError extends Error {
  constructor(readonly subject: string) {
    super(`${subject} not found`);
    this.name = 'NotFoundError';
  }
}

/** The actor may see the thing but not do this to it (or may not use this page at all). */
export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do this') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

export interface FieldError { field: string; message: string }

/** Input that cannot be accepted, with a message per field for a GOV.UK error summary or problem+json. */
export class ValidationError extends Error {
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.map((e) => e.message).join('; '));
    this.name = 'ValidationError';
  }
}

export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
