import { problemSchema } from '../../contracts/errors.ts';

/** Problem responses a route documents, e.g. `...problems(400, 404, 409)`. */
export function problems(...statuses: number[]) {
  return Object.fromEntries([401, ...statuses].map((status) => [status, problemSchema])) as Record<
    number,
    typeof problemSchema
  >;
}
