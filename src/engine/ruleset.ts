import generated from './generated/ruleset.cjs';
import type { Rule } from './rule.js';

/** The subset of an ajv error the engine reads. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export type SchemaValidator = ((document: unknown) => boolean) & { errors?: SchemaError[] | null };

/** The rule set compiled by scripts/build.mjs: every rules/*.json, schemas as ajv standalone code. */
export const rules: readonly Rule[] = generated.rules as Rule[];
export const validators = generated.validators as Readonly<Record<string, SchemaValidator>>;
export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
