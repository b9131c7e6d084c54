// The admin documentation's sample policies (docs/admin/samples) must stay true: each is parsed
// the way its browser reads it, and CallGuard's settings in it must validate without a single
// diagnostic. The policy reference must document every setting with a valid example.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../../core/policy/defaults';
import { validatePolicyInput } from '../../../../core/policy/validate';
import { extensionIdFromPublicKey } from '../../../e2e/support/policy';

const REPO = path.resolve(import.meta.dirname, '../../../..');
const SAMPLES = path.join(REPO, 'docs/admin/samples');
const read = (file: string) => fs.readFileSync(path.join(SAMPLES, file), 'utf8');
const CHROME_ID = 'cnldncfpjacjjaieclaikfncgalbodkg';
const GECKO_ID = 'callguard@callguard.app';
const POLICY_KEYS = Object.keys(DEFAULT_POLICY).sort();

interface SchemaNode {
  type: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}
const SCHEMA = JSON.parse(fs.readFileSync(path.join(REPO, 'public/managed_schema.json'), 'utf8')) as SchemaNode;

// ---------------------------------------------------------------------------------------------
// Windows .reg files

type RegValue = { type: 'sz'; value: string } | { type: 'dword'; value: number };
interface RegKey {
  values: Map<string, RegValue>;
  keys: Map<string, RegKey>;
}
const newKey = (): RegKey => ({ values: new Map(), keys: new Map() });

function unquote(text: string): string {
  return text.slice(1, -1).replace(/\\(["\\])/g, '$1');
}

/** A .reg file (REGEDIT5) as a tree of keys, by the path after the hive. */
function parseReg(text: string): RegKey {
  const root = newKey();
  let current: RegKey | undefined;
  const lines = text.split(/\r?\n/);
  expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
  for (const line of lines.slice(1)) {
    if (line === '' || line.startsWith(';')) continue;
    const section = /^\[HKEY_LOCAL_MACHINE\\(.+)\]$/.exec(line);
    if (section) {
      current = root;
      for (const part of section[1]!.split('\\')) {
        if (!current.keys.has(part)) current.keys.set(part, newKey());
        current = current.keys.get(part)!;
      }
      continue;
    }
    const value = /^("(?:[^"\\]|\\.)*")=(?:("(?:[^"\\]|\\.)*")|dword:([0-9a-f]{8}))$/.exec(line);
    if (!value || !current) throw new Error(`not a registry line: ${line}`);
    current.values.set(
      unquote(value[1]!),
      value[2] !== undefined ? { type: 'sz', value: unquote(value[2]) } : { type: 'dword', value: parseInt(value[3]!, 16) },
    );
  }
  return root;
}

function regKeyAt(root: RegKey, keyPath: string): RegKey {
  let key = root;
  for (const part of keyPath.split('\\')) {
    const next = key.keys.get(part);
    if (!next) throw new Error(`no registry key ${keyPath} (missing ${part})`);
    key = next;
  }
  return key;
}

/** A numbered list key ("1", "2", …) in order; the numbers must run from 1 without gaps. */
function numbered<T>(entries: Map<string, T>): T[] {
  const names = [...entries.keys()];
  expect(names).toEqual(names.map((_, i) => String(i + 1)));
  return [...entries.values()];
}

/**
 * A policy key converted the way Chromium does (registry_dict.cc): guided by the extension's
 * schema, a DWORD becomes a boolean, a string for a list or object is parsed as JSON, a subkey
 * is a list (numbered values or subkeys) or an object. Names not in the schema are kept as they
 * are, so that a typo shows up as an unknown setting.
 */
function fromRegistry(key: RegKey, schema: SchemaNode): unknown {
  if (schema.type === 'array') {
    const items = schema.items!;
    return key.keys.size > 0 ? numbered(key.keys).map((k) => fromRegistry(k, items)) : numbered(key.values).map((v) => fromRegValue(v, items));
  }
  const result: Record<string, unknown> = {};
  for (const [name, value] of key.values) {
    const child = schema.properties?.[name];
    result[name] = child ? fromRegValue(value, child) : value.value;
  }
  for (const [name, sub] of key.keys) {
    const child = schema.properties?.[name];
    if (!child) throw new Error(`subkey ${name} is not a setting`);
    result[name] = fromRegistry(sub, child);
  }
  return result;
}

function fromRegValue(value: RegValue, schema: SchemaNode): unknown {
  if (schema.type === 'boolean') {
    expect(value.type, 'booleans are DWORDs').toBe('dword');
    return value.value !== 0;
  }
  if (schema.type === 'string') {
    expect(value.type, 'text is REG_SZ').toBe('sz');
    return value.value;
  }
  expect(value.type, 'lists and objects in one value are JSON in REG_SZ').toBe('sz');
  return JSON.parse(String(value.value));
}

// ---------------------------------------------------------------------------------------------
// macOS property lists

/** A small XML property list reader (dict, array, string, integer, real, true, false). */
function parsePlist(xml: string): unknown {
  const body = xml.replace(/<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--[\s\S]*?-->/g, '');
  const tokens = [...body.matchAll(/<(\/?)(\w+)(\/?)>([^<]*)/g)].map((m) => ({ close: m[1] === '/', tag: m[2]!, empty: m[3] === '/', text: m[4]! }));
  let at = 0;
  const entities = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const value = (): unknown => {
    const token = tokens[at++]!;
    switch (token.tag) {
      case 'plist':
        return value();
      case 'true':
      case 'false':
        if (!token.empty) at++;
        return token.tag === 'true';
      case 'string':
        if (token.empty) return '';
        at++;
        return entities(token.text);
      case 'integer':
      case 'real':
        at++;
        return Number(token.text);
      case 'array': {
        const list: unknown[] = [];
        if (token.empty) return list;
        while (!(tokens[at]!.close && tokens[at]!.tag === 'array')) list.push(value());
        at++;
        return list;
      }
      case 'dict': {
        const dict: Record<string, unknown> = {};
        if (token.empty) return dict;
        while (!(tokens[at]!.close && tokens[at]!.tag === 'dict')) {
          const key = tokens[at++]!;
          expect(key.tag).toBe('key');
          at++;
          dict[entities(key.text)] = value();
        }
        at++;
        return dict;
      }
      default:
        throw new Error(`unexpected <${token.tag}> in plist`);
    }
  };
  return value();
}

type Dict = Record<string, any>;

/** The Forced preference settings of one domain in a configuration profile. */
function mcxSettings(profile: Dict, domain: string): Dict {
  const payload = (profile.PayloadContent as Dict[]).find((p) => p.PayloadContent?.[domain]);
  if (!payload) throw new Error(`no payload for ${domain}`);
  expect(payload.PayloadType).toBe('com.apple.ManagedClient.preferences');
  return payload.PayloadContent[domain].Forced[0].mcx_preference_settings;
}

// ---------------------------------------------------------------------------------------------

function expectValidSettings(settings: unknown) {
  const { values, diagnostics } = validatePolicyInput(settings, 'admin');
  expect(diagnostics).toEqual([]);
  // Each sample shows every setting, so admins can copy what they need.
  expect(Object.keys(values).sort()).toEqual(POLICY_KEYS);
  return values;
}

const reference = JSON.parse(read('chromium-policy.json'))['3rdparty'].extensions[CHROME_ID];

describe('docs/admin/samples', () => {
  it('every sample file is checked here', () => {
    expect(fs.readdirSync(SAMPLES).sort()).toEqual(
      [
        'chrome.reg',
        'chromium-policy.json',
        `com.google.Chrome.extensions.${CHROME_ID}.mobileconfig`,
        'edge.reg',
        'firefox-policies.json',
        'firefox.reg',
        'updates.xml',
      ].sort(),
    );
  });

  it('chromium-policy.json (Linux): force-install and settings for the production id', () => {
    const policy = JSON.parse(read('chromium-policy.json'));
    expect(policy.ExtensionSettings[CHROME_ID]).toMatchObject({ installation_mode: 'force_installed', update_url: expect.stringMatching(/^https:\/\//) });
    expectValidSettings(policy['3rdparty'].extensions[CHROME_ID]);
  });

  it.each([
    ['chrome.reg', 'SOFTWARE\\Policies\\Google\\Chrome'],
    ['edge.reg', 'SOFTWARE\\Policies\\Microsoft\\Edge'],
  ])('%s (Windows): force-list entry and settings, read as Chromium reads the registry', (file, root) => {
    const registry = parseReg(read(file));
    const forcelist = numbered(regKeyAt(registry, `${root}\\ExtensionInstallForcelist`).values);
    expect(forcelist).toEqual([{ type: 'sz', value: `${CHROME_ID};https://extensions.example.org/callguard/updates.xml` }]);
    const settings = fromRegistry(regKeyAt(registry, `${root}\\3rdparty\\extensions\\${CHROME_ID}\\policy`), SCHEMA);
    expectValidSettings(settings);
    expect(settings).toEqual(reference);
  });

  it('the macOS configuration profile: force-install for Chrome and settings for the extension domain', () => {
    const profile = parsePlist(read(`com.google.Chrome.extensions.${CHROME_ID}.mobileconfig`)) as Dict;
    expect(profile.PayloadType).toBe('Configuration');
    const uuids = [profile.PayloadUUID, ...(profile.PayloadContent as Dict[]).map((p) => p.PayloadUUID)];
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(mcxSettings(profile, 'com.google.Chrome').ExtensionSettings[CHROME_ID].installation_mode).toBe('force_installed');
    const settings = mcxSettings(profile, `com.google.Chrome.extensions.${CHROME_ID}`);
    expectValidSettings(settings);
    expect(settings).toEqual(reference);
  });

  it('firefox-policies.json: force-install and 3rdparty.Extensions for the gecko id', () => {
    const { policies } = JSON.parse(read('firefox-policies.json'));
    expect(policies.ExtensionSettings[GECKO_ID]).toMatchObject({ installation_mode: 'force_installed', install_url: expect.stringMatching(/^https:\/\//) });
    expectValidSettings(policies['3rdparty'].Extensions[GECKO_ID]);
    expect(policies['3rdparty'].Extensions[GECKO_ID]).toEqual(reference);
  });

  it('firefox.reg (Windows): JSON values, as Firefox parses them', () => {
    const firefox = regKeyAt(parseReg(read('firefox.reg')), 'SOFTWARE\\Policies\\Mozilla\\Firefox');
    const install = JSON.parse(String(firefox.values.get('ExtensionSettings')!.value));
    expect(install[GECKO_ID].installation_mode).toBe('force_installed');
    const settings = JSON.parse(String(regKeyAt(firefox, '3rdparty\\Extensions').values.get(GECKO_ID)!.value));
    expectValidSettings(settings);
    expect(settings).toEqual(reference);
  });

  it('updates.xml: a gupdate manifest for the production id', () => {
    const xml = read('updates.xml');
    expect(xml).toMatch(/<gupdate xmlns='http:\/\/www\.google\.com\/update2\/response' protocol='2\.0'>/);
    const app = /<app appid='([a-p]{32})'>\s*<updatecheck codebase='(https:\/\/[^']+\.crx)' version='(\d+(?:\.\d+){0,3})' \/>/.exec(xml);
    expect(app?.[1]).toBe(CHROME_ID);
  });
});

describe('docs/admin/policy-reference.md', () => {
  const text = fs.readFileSync(path.join(REPO, 'docs/admin/policy-reference.md'), 'utf8');
  const sections = new Map(
    [...text.matchAll(/^### `(\w+)`\n([\s\S]*?)(?=^### |^## |(?![\s\S]))/gm)].map((m) => [m[1]!, m[2]!]),
  );

  it('documents every setting, in the order of the schema', () => {
    expect([...sections.keys()]).toEqual(Object.keys(SCHEMA.properties!));
  });

  it.each(Object.keys(DEFAULT_POLICY))('%s has a valid JSON example and its default', (key) => {
    const section = sections.get(key)!;
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1];
    expect(example, `${key} example`).toBeDefined();
    const { values, diagnostics } = validatePolicyInput(JSON.parse(example!), 'admin');
    expect(diagnostics).toEqual([]);
    expect(Object.keys(values)).toEqual([key]);
    expect(section).toContain(`Default: \`${JSON.stringify(DEFAULT_POLICY[key as keyof typeof DEFAULT_POLICY])}\``);
  });
});

describe('the production extension id', () => {
  it('is the one the manifest key gives', () => {
    const config = fs.readFileSync(path.join(REPO, 'wxt.config.ts'), 'utf8');
    const key = /CHROME_PUBLIC_KEY =\s*'([A-Za-z0-9+/=]+)'/.exec(config)![1]!;
    expect(extensionIdFromPublicKey(Buffer.from(key, 'base64'))).toBe(CHROME_ID);
  });
});
