// Reads the FollowTheMoney schema data in ../shared/data/followthemoney/schema (one YAML file a
// schema) far enough to validate an export: each schema's parents, whether it is abstract, its
// required properties and each property's type and range. The files use one regular layout
// (two-space indentation), so a line reader is enough and no YAML package is needed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface FtmProperty { type: string; range: string | null }
export interface FtmSchema { name: string; extends: string[]; abstract: boolean; required: string[]; properties: Map<string, FtmProperty> }

export const FTM_SCHEMA_DIR = join(import.meta.dirname, '../../../shared/data/followthemoney/schema');

function parseSchema(text: string): FtmSchema {
  const schema: FtmSchema = { name: '', extends: [], abstract: false, required: [], properties: new Map() };
  let section = '';
  let property: FtmProperty | null = null;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    const content = line.trim();
    if (indent === 0) schema.name = content.replace(/:$/, '');
    else if (indent === 2) {
      const [key, value] = content.split(/:\s*/, 2);
      section = key ?? '';
      if (section === 'abstract') schema.abstract = value === 'true';
      property = null;
    } else if (indent === 4 && content.startsWith('- ')) {
      const item = content.slice(2).trim();
      if (section === 'extends') schema.extends.push(item);
      if (section === 'required') schema.required.push(item);
    } else if (indent === 4 && section === 'properties') {
      property = { type: 'string', range: null };
      schema.properties.set(content.replace(/:.*$/, ''), property);
    } else if (indent === 6 && property !== null) {
      const match = /^(type|range):\s*(\S+)/.exec(content);
      if (match?.[1] === 'type') property.type = match[2] ?? 'string';
      if (match?.[1] === 'range') property.range = match[2] ?? null;
    }
  }
  return schema;
}

export class FtmModel {
  readonly schemata = new Map<string, FtmSchema>();

  constructor(directory = FTM_SCHEMA_DIR) {
    for (const file of readdirSync(directory).filter((f) => /\.ya?ml$/.test(f) && f !== 'Documentation.yml')) {
      const schema = parseSchema(readFileSync(join(directory, file), 'utf8'));
      this.schemata.set(schema.name, schema);
    }
  }

  /** The schema and every schema it extends, nearest first. */
  lineage(name: string): FtmSchema[] {
    const schema = this.schemata.get(name);
    if (schema === undefined) return [];
    return [schema, ...schema.extends.flatMap((parent) => this.lineage(parent))];
  }

  isA(name: string, ancestor: string): boolean {
    return this.lineage(name).some((s) => s.name === ancestor);
  }

  property(schema: string, name: string): FtmProperty | undefined {
    for (const s of this.lineage(schema)) {
      const property = s.properties.get(name);
      if (property !== undefined) return property;
    }
    return undefined;
  }

  required(schema: string): string[] {
    return [...new Set(this.lineage(schema).flatMap((s) => s.required))];
  }
}

const VALUE_CHECKS: Record<string, RegExp> = {
  date: /^\d{4}(-\d{2}(-\d{2})?)?$/,
  phone: /^\+[1-9]\d{6,14}$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  entity: /^\S+$/,
};

/**
 * The problems of a set of FtM entities (empty when they are valid): unknown or abstract schemas,
 * properties the schema does not define, missing required properties, values that do not fit the
 * property's type, and references to entities that are absent or outside the property's range.
 */
export function ftmProblems(model: FtmModel, entities: ReadonlyArray<{ id: string; schema: string; properties: Record<string, string[]> }>): string[] {
  const problems: string[] = [];
  const schemaOf = new Map(entities.map((e) => [e.id, e.schema]));
  for (const entity of entities) {
    const schema = model.schemata.get(entity.schema);
    if (schema === undefined) { problems.push(`${entity.id}: no schema ${entity.schema}`); continue; }
    if (schema.abstract) problems.push(`${entity.id}: ${entity.schema} is abstract`);
    for (const name of model.required(entity.schema)) if ((entity.properties[name] ?? []).length === 0) problems.push(`${entity.id}: ${entity.schema} requires ${name}`);
    for (const [name, values] of Object.entries(entity.properties)) {
      const property = model.property(entity.schema, name);
      if (property === undefined) { problems.push(`${entity.id}: ${entity.schema} has no property ${name}`); continue; }
      for (const value of values) {
        if (typeof value !== 'string' || value === '') problems.push(`${entity.id}: ${name} has an empty value`);
        const check = VALUE_CHECKS[property.type];
        if (check !== undefined && !check.test(value)) problems.push(`${entity.id}: ${name} "${value}" is not a ${property.type}`);
        if (property.type === 'entity') {
          const target = schemaOf.get(value);
          if (target === undefined) problems.push(`${entity.id}: ${name} refers to a missing entity`);
          else if (property.range !== null && !model.isA(target, property.range)) problems.push(`${entity.id}: ${name} is a ${target}, not a ${property.range}`);
        }
      }
    }
  }
  return problems;
}
