import { v7 as uuidv7 } from 'uuid';

/** UUIDv7: sortable by creation time, not guessable. */
export const newId = (): string => uuidv7();
