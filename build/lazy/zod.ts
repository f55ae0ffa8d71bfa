// The entry of dist/cli-zod.cjs (build/lazy-dependencies.ts): the part of zod agentpack uses, as one file
// shared by the commands' actions instead of a copy inside each. A `z.<name>` the sources use that is
// missing here fails the build (build/zod-names.ts), not a run.
export { array, boolean, enum, literal, looseObject, null, number, object, record, strictObject, string, toJSONSchema, union, unknown } from 'zod';
