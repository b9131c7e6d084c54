import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FINDING_IDS, PLATFORM_IDS, SEVERITIES } from '../../../../core/types';
import { DEFAULT_POLICY } from '../../../../core/policy/defaults';
import { validatePolicyInput } from '../../../../core/policy/validate';

interface SchemaNode {
  type?: unknown;
  title?: unknown;
  description?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  enum?: unknown[];
  [attribute: string]: unknown;
}

// A path, not a URL: under happy-dom the global URL is not one node:fs accepts.
const schema = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../../public/managed_schema.json'), 'utf8'),
) as SchemaNode;
const properties = schema.properties ?? {};
/** A property of the schema; a missing one fails the test that asked for it. */
function property(name: string): SchemaNode {
  const node = properties[name];
  if (!node) throw new Error(`managed_schema.json has no property ${name}`);
  return node;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Every sub-schema with its path, root first. */
function walk(node: SchemaNode, path = '$'): [string, SchemaNode][] {
  const children = Object.entries(node.properties ?? {}).map(([name, child]) => walk(child, `${path}.${name}`));
  const items = node.items ? [walk(node.items, `${path}[]`)] : [];
  return [[path, node], ...children.flat(), ...items.flat()];
}

describe('public/managed_schema.json and the Policy type', () => {
  it('has exactly the keys of DEFAULT_POLICY', () => {
    expect(Object.keys(properties).sort()).toEqual(Object.keys(DEFAULT_POLICY).sort());
  });

  it.each(Object.entries(DEFAULT_POLICY))('types %s like its default', (key, value) => {
    expect(property(key).type).toBe(jsonType(value));
  });

  it.each(Object.keys(properties))('gives %s a title and a description', (key) => {
    expect(property(key).title).toEqual(expect.any(String));
    expect(property(key).description).toEqual(expect.any(String));
  });

  it('lists the platform ids wherever a platform is named', () => {
    expect(property('allowedPlatforms').items?.enum).toEqual([...PLATFORM_IDS]);
    expect(property('blockedPlatforms').items?.enum).toEqual([...PLATFORM_IDS]);
    expect(property('conferenceSites').items?.properties?.platform?.enum).toEqual([...PLATFORM_IDS]);
  });

  it('describes a conference site as {pattern, platform}', () => {
    expect(Object.keys(property('conferenceSites').items?.properties ?? {})).toEqual(['pattern', 'platform']);
    expect(property('conferenceSites').items?.properties?.pattern?.type).toBe('string');
  });

  it('has one severity property per finding id, each with the severities', () => {
    const severity = property('severity').properties ?? {};
    expect(Object.keys(severity)).toEqual([...FINDING_IDS]);
    for (const node of Object.values(severity)) expect(node.enum).toEqual([...SEVERITIES]);
  });

  it('lists the banner modes, which the validator accepts', () => {
    expect(property('banner').enum).toEqual(['always', 'risk', 'off']);
    expect(property('banner').enum).toContain(DEFAULT_POLICY.banner);
    for (const banner of property('banner').enum ?? []) {
      expect(validatePolicyInput({ banner }, 'admin').diagnostics).toEqual([]);
    }
  });

  it('accepts its own defaults without diagnostics', () => {
    expect(validatePolicyInput(DEFAULT_POLICY, 'admin')).toEqual({ values: DEFAULT_POLICY, diagnostics: [] });
  });
});

describe('public/managed_schema.json in Chrome\'s schema dialect', () => {
  const ALLOWED_TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object'];
  const ALLOWED_ATTRIBUTES = ['type', 'title', 'description', 'properties', 'items', 'enum'];

  it('is an object at the top, without additionalProperties', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(schema).not.toHaveProperty('$ref');
  });

  it.each(walk(schema))('%s has exactly one known type and only known attributes', (_path, node) => {
    expect(ALLOWED_TYPES).toContain(node.type);
    expect(node).not.toHaveProperty('$ref');
    for (const attribute of Object.keys(node)) expect(ALLOWED_ATTRIBUTES).toContain(attribute);
  });

  it.each(walk(schema))('%s uses properties only on objects and items exactly on arrays', (_path, node) => {
    if (node.properties !== undefined) expect(node.type).toBe('object');
    expect(node.items !== undefined).toBe(node.type === 'array');
  });

  it.each(walk(schema).filter(([, node]) => node.enum !== undefined))('%s has a non-empty enum of its type', (_path, node) => {
    expect(node.enum?.length).toBeGreaterThan(0);
    for (const value of node.enum ?? []) expect(jsonType(value)).toBe(node.type);
  });
});
