import { v7 } from 'uuid';

/** Time-ordered ids made by the application, so both databases hold the same values and indexes stay append-mostly. */
export function newId(): string {
  return v7();
}
