import { problemSchema } from '../../contracts/errors.ts';

/** Problem responses a public route documents, e.g. `...publicProblems(400, 409)`. */
export function publicProblems(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, problemSchema])) as Record<
    number,
    typeof problemSchema
  >;
}

/** Problem responses a signed-in route documents: 401 plus these, e.g. `...problems(400, 404)`. */
export function problems(...statuses: number[]) {
  return publicProblems(401, ...statuses);
}
