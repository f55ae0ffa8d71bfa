// Build plumbing (tsup.config.ts, "lazy dependencies"): the part of zod agentpack uses, as one file
// (dist/cli-zod.cjs) shared by the commands' actions instead of a copy inside each. A name missing here
// fails the build's check (tsup.config.ts), not a run.
export { array, boolean, enum, literal, looseObject, null, number, object, record, strictObject, string, toJSONSchema, union, unknown } from 'zod';
