// The admin kit (docs/admin/kit/, written by scripts/admin-kit.ts from public/managed_schema.json)
// must stay true. Every file is read the way its consumer reads it: .reg files and PowerShell
// scripts as Chromium reads the registry (registry_dict.cc) or Firefox does (WindowsGPOParser),
// the ADMX by applying its policies as Group Policy would, the ADML against the ADMX, the
// profiles as property lists, the rest as JSON. Each must carry every setting of the schema with
// its type, and with its description where the format has one; samples must add CallGuard beside
// what an organisation already has; and the committed files must be exactly what the script writes.
import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/policy/defaults';
import { validatePolicyInput } from '../../../core/policy/validate';
import * as kit from '../../../scripts/admin-kit';
import { extensionIdFromPublicKey } from '../../e2e/support/policy';

const REPO = path.resolve(import.meta.dirname, '../../..');
const SCHEMA = kit.readSchema();
const EXAMPLE = kit.exampleSettings(SCHEMA);
const KEYS = Object.keys(SCHEMA.properties);
const FILES = kit.committedKit(SCHEMA);
const { STORE, GECKO_ID } = kit;

function file(name: string): string {
  const content = FILES.get(name);
  if (content === undefined) throw new Error(`the kit has no ${name}`);
  return content;
}

type Dict = Record<string, any>;

/** The JSON type of a value as the schema names it. */
function schemaType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'number' ? 'integer' : typeof value;
}

/** Settings carry every schema key, each with the schema's type (items and properties too). */
function expectTyped(settings: unknown, node: kit.SchemaNode = SCHEMA, at = '$'): void {
  expect(schemaType(settings), at).toBe(node.type);
  if (node.type === 'array') for (const [i, item] of (settings as unknown[]).entries()) expectTyped(item, node.items!, `${at}[${i}]`);
  if (node.type === 'object' && node.properties) {
    const record = settings as Dict;
    if (node === SCHEMA) expect(Object.keys(record).sort(), 'every setting').toEqual([...KEYS].sort());
    for (const [name, value] of Object.entries(record)) {
      expect(node.properties[name], `${at}.${name} is in the schema`).toBeDefined();
      expectTyped(value, node.properties[name]!, `${at}.${name}`);
    }
  }
  if (node.enum) expect(node.enum, at).toContain(settings);
}

/** The example settings, as every sample must carry them: typed, complete, accepted by CallGuard. */
function expectExample(settings: unknown): void {
  expectTyped(settings);
  expect(settings).toEqual(EXAMPLE);
  expect(validatePolicyInput(settings, 'admin').diagnostics).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// XML

const window = new Window();

function parseXml(text: string): Document {
  const doc = new window.DOMParser().parseFromString(text, 'application/xml') as unknown as Document;
  expect(doc.getElementsByTagName('parsererror').length, 'well-formed XML').toBe(0);
  return doc;
}

const children = (element: Element, tag?: string) => [...element.children].filter((child) => tag === undefined || child.tagName === tag);
/** The <elements> of an ADMX policy ([] when it has none). */
const policyElements = (policy: Element) => children(policy, 'elements').flatMap((elements) => children(elements));
function child(element: Element, tag: string): Element {
  const found = children(element, tag)[0];
  if (!found) throw new Error(`<${element.tagName}> has no <${tag}>`);
  return found;
}

/** A property list as JSON values (dict, array, string, integer, true, false). */
function plistValue(element: Element): unknown {
  switch (element.tagName) {
    case 'plist':
      return plistValue(element.children[0]!);
    case 'dict': {
      const dict: Dict = {};
      const items = children(element);
      for (let i = 0; i < items.length; i += 2) {
        expect(items[i]!.tagName).toBe('key');
        dict[items[i]!.textContent!] = plistValue(items[i + 1]!);
      }
      return dict;
    }
    case 'array':
      return children(element).map(plistValue);
    case 'string':
      return element.textContent ?? '';
    case 'integer':
      return Number(element.textContent);
    case 'true':
    case 'false':
      return element.tagName === 'true';
    default:
      throw new Error(`unexpected <${element.tagName}> in a property list`);
  }
}

// ---------------------------------------------------------------------------------------------
// A registry, and Chromium's and Firefox's readers

type RegValue = { type: 'sz'; value: string } | { type: 'dword'; value: number };

/** A registry key; names compare without case, as in Windows. */
class RegKey {
  values = new Map<string, { name: string; data: RegValue }>();
  keys = new Map<string, { name: string; key: RegKey }>();

  at(keyPath: string, create = false): RegKey | undefined {
    let key: RegKey = this;
    for (const part of keyPath.split('\\')) {
      let next = key.keys.get(part.toLowerCase());
      if (!next) {
        if (!create) return undefined;
        next = { name: part, key: new RegKey() };
        key.keys.set(part.toLowerCase(), next);
      }
      key = next.key;
    }
    return key;
  }

  need(keyPath: string): RegKey {
    const key = this.at(keyPath);
    if (!key) throw new Error(`no registry key ${keyPath}`);
    return key;
  }

  set(keyPath: string, name: string, data: RegValue): void {
    this.at(keyPath, true)!.values.set(name.toLowerCase(), { name, data });
  }

  remove(keyPath: string): void {
    const parts = keyPath.split('\\');
    const last = parts.pop()!.toLowerCase();
    this.at(parts.join('\\'))?.keys.delete(last);
  }

  /** Values and subkeys as plain data, for comparisons. */
  dump(): Dict {
    const out: Dict = {};
    for (const { name, data } of this.values.values()) out[name] = data;
    for (const { name, key } of this.keys.values()) out[`${name}\\`] = key.dump();
    return out;
  }
}

const normalise = (keyPath: string) => keyPath.replace(/^HKEY_LOCAL_MACHINE\\/, '').replace(/^SOFTWARE\\/i, 'Software\\');

const unquote = (text: string) => text.slice(1, -1).replace(/\\(["\\])/g, '$1');

/** Imports a REGEDIT5 file as `reg import` does, into `registry`. */
function importReg(text: string, registry = new RegKey()): RegKey {
  const lines = text.split('\n');
  expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
  expect(text, '.reg files stay ASCII, so their encoding cannot matter').toMatch(/^[\x20-\x7e\n]*$/);
  let current: string | undefined;
  for (const line of lines.slice(1)) {
    if (line === '' || line.startsWith(';')) continue;
    const remove = /^\[-(HKEY_LOCAL_MACHINE\\.+)\]$/.exec(line);
    if (remove) {
      registry.remove(normalise(remove[1]!));
      current = undefined;
      continue;
    }
    const section = /^\[(HKEY_LOCAL_MACHINE\\.+)\]$/.exec(line);
    if (section) {
      current = normalise(section[1]!);
      registry.at(current, true);
      continue;
    }
    const value = /^("(?:[^"\\]|\\.)*")=(?:("(?:[^"\\]|\\.)*")|dword:([0-9a-f]{8}))$/.exec(line);
    if (!value || current === undefined) throw new Error(`not a registry line: ${line}`);
    registry.set(current, unquote(value[1]!), value[2] !== undefined ? { type: 'sz', value: unquote(value[2]) } : { type: 'dword', value: parseInt(value[3]!, 16) });
  }
  return registry;
}

const isNumeric = (name: string) => /^-?\d+$/.test(name);
const caseInsensitive = (a: { name: string }, b: { name: string }) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0);

/** ConvertRegistryValue: a registry value as the schema wants it, or undefined (dropped). */
function chromiumValue(data: RegValue, node: kit.SchemaNode | undefined): unknown {
  if (!node) return data.value;
  if (node.type === 'boolean') return data.type === 'dword' ? data.value !== 0 : /^\d+$/.test(data.value) ? Number(data.value) !== 0 : undefined;
  if (node.type === 'string') return data.type === 'sz' ? data.value : undefined;
  if ((node.type === 'array' || node.type === 'object') && data.type === 'sz') {
    try {
      const parsed: unknown = JSON.parse(data.value);
      return schemaType(parsed) === node.type ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** RegistryDict::ConvertToJSON: a key read with the extension's schema, as Chromium does. */
function chromiumRead(key: RegKey, node: kit.SchemaNode | undefined): unknown {
  if (node?.type === 'array') {
    const fromKeys = [...key.keys.values()].filter((k) => isNumeric(k.name)).sort(caseInsensitive).map((k) => chromiumRead(k.key, node.items));
    const fromValues = [...key.values.values()].filter((v) => isNumeric(v.name)).sort(caseInsensitive).map((v) => chromiumValue(v.data, node.items));
    return [...fromKeys, ...fromValues].filter((item) => item !== undefined);
  }
  const result: Dict = {};
  for (const { name, data } of [...key.values.values()].sort(caseInsensitive)) {
    const converted = chromiumValue(data, node?.properties?.[name]);
    if (converted !== undefined) result[name] = converted;
  }
  for (const { name, key: sub } of [...key.keys.values()].sort(caseInsensitive)) result[name] = chromiumRead(sub, node?.properties?.[name]);
  return result;
}

/** Chromium's schema for the few browser policies the kit sets. */
const CHROMIUM_POLICY_SCHEMA: kit.SchemaNode = {
  type: 'object',
  properties: { ExtensionInstallForcelist: { type: 'array', items: { type: 'string' } } },
};

function chromiumSettings(registry: RegKey, browser: kit.Browser, id: string): unknown {
  return chromiumRead(registry.need(kit.policyKey(browser, id)), SCHEMA);
}

/** WindowsGPOParser.registryToObject: Firefox's reading of its policy key. */
function firefoxRead(key: RegKey): unknown {
  const values = [...key.values.values()];
  if (values[0]?.name === '1') return values.map((v) => v.data.value);
  const result: Dict = {};
  for (const { name, data } of values) result[name] = data.value;
  const keys = [...key.keys.values()];
  if (keys[0]?.name === '1') return keys.map((k) => firefoxRead(k.key));
  for (const { name, key: sub } of keys) result[name] = firefoxRead(sub);
  return result;
}

/** The values a settings script writes (Set-CallGuardValue lines), into a registry. */
function runSettingsScript(text: string, registry = new RegKey()): { registry: RegKey; key: string } {
  const psString = /'((?:[^']|'')*)'/.source;
  const keyLine = new RegExp(`^\\$key = ${psString}$`, 'm').exec(text);
  expect(keyLine).not.toBeNull();
  const key = normalise(keyLine![1]!.replace(/^HKLM:\\/, ''));
  expect(text).toContain('if (Test-Path -LiteralPath $key) { Remove-Item -LiteralPath $key -Recurse -Force }');
  registry.remove(key);
  const unquotePs = (s: string) => s.replace(/''/g, "'");
  for (const line of text.split('\n').filter((l) => l.startsWith('Set-CallGuardValue '))) {
    const match = new RegExp(`^Set-CallGuardValue ${psString} ${psString} (?:DWord (\\d+)|String ${psString})$`).exec(line);
    if (!match) throw new Error(`not a Set-CallGuardValue line: ${line}`);
    const sub = unquotePs(match[1]!);
    registry.set(sub ? `${key}\\${sub}` : key, unquotePs(match[2]!), match[3] !== undefined ? { type: 'dword', value: Number(match[3]) } : { type: 'sz', value: unquotePs(match[4]!) });
  }
  return { registry, key };
}

// ---------------------------------------------------------------------------------------------
// Group Policy: applying an ADMX policy

interface AdmxFile {
  doc: Document;
  policies: Map<string, Element>;
  category: string;
}

function readAdmx(text: string): AdmxFile {
  const doc = parseXml(text);
  const root = doc.documentElement;
  expect(root.tagName).toBe('policyDefinitions');
  expect(root.namespaceURI).toBe('http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions');
  const categories = [...doc.getElementsByTagName('category')];
  expect(categories).toHaveLength(1);
  const policies = new Map([...doc.getElementsByTagName('policy')].map((p) => [p.getAttribute('name')!, p]));
  return { doc, policies, category: categories[0]!.getAttribute('name')! };
}

/** What an admin enters for a policy: a boolean, or data by element id. */
type PolicyInput = boolean | Map<string, string | string[] | null>;

/** The registry writes of one policy set to Enabled with `input` (or Disabled for false). */
function applyPolicy(policy: Element, input: PolicyInput, registry: RegKey): void {
  const key = policy.getAttribute('key')!;
  if (typeof input === 'boolean') {
    const value = child(child(policy, input ? 'enabledValue' : 'disabledValue'), 'decimal').getAttribute('value')!;
    registry.set(key, policy.getAttribute('valueName')!, { type: 'dword', value: Number(value) });
    return;
  }
  for (const element of policyElements(policy)) {
    const id = element.getAttribute('id')!;
    const elementKey = element.getAttribute('key') ?? key;
    if (!input.has(id)) {
      if (element.getAttribute('required') === 'true') throw new Error(`${id} is required`);
      continue;
    }
    const data = input.get(id)!;
    if (element.tagName === 'text') {
      registry.set(elementKey, element.getAttribute('valueName')!, { type: 'sz', value: String(data) });
    } else if (element.tagName === 'list') {
      expect(element.getAttribute('valuePrefix'), 'numbered values 1, 2, 3, …').toBe('');
      registry.remove(elementKey);
      (data as string[]).forEach((item, i) => registry.set(elementKey, String(i + 1), { type: 'sz', value: item }));
    } else if (element.tagName === 'enum') {
      const chosen = children(element, 'item').find((item) => {
        const value = children(child(item, 'value'))[0]!;
        return data === null ? value.tagName === 'delete' : value.tagName === 'string' && value.textContent === data;
      });
      if (!chosen) throw new Error(`${id} has no item for ${String(data)}`);
      const value = children(child(chosen, 'value'))[0]!;
      if (value.tagName === 'string') registry.set(elementKey, element.getAttribute('valueName')!, { type: 'sz', value: value.textContent! });
    } else throw new Error(`unexpected element <${element.tagName}>`);
  }
}

/** What an admin enters in Group Policy for the example value of a setting. */
function gpInput(policy: Element, value: unknown): PolicyInput {
  if (policy.getAttribute('valueName')) return value === true;
  const input = new Map<string, string | string[] | null>();
  for (const element of policyElements(policy)) {
    const id = element.getAttribute('id')!;
    if (element.tagName === 'list') input.set(id, (value as unknown[]).map(String));
    else if (element.tagName === 'enum' && element.getAttribute('key')) {
      const entry = (value as Dict)[element.getAttribute('valueName')!];
      input.set(id, typeof entry === 'string' ? entry : null);
    } else input.set(id, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return input;
}

/** The data of an Intune OMA-URI value (`<enabled/><data id=… value=…/>`), as Group Policy input. */
function intuneInput(policy: Element, text: string): PolicyInput {
  const doc = parseXml(`<root>${text}</root>`);
  const nodes = children(doc.documentElement);
  if (nodes.length === 1 && nodes[0]!.tagName !== 'enabled') return false;
  expect(nodes[0]!.tagName).toBe('enabled');
  if (policy.getAttribute('valueName')) return true;
  const input = new Map<string, string | string[] | null>();
  const elements = new Map(policyElements(policy).map((e) => [e.getAttribute('id')!, e]));
  for (const node of nodes.slice(1)) {
    const id = node.getAttribute('id')!;
    const value = node.getAttribute('value')!;
    const element = elements.get(id);
    if (!element) throw new Error(`no element ${id}`);
    if (element.tagName === 'list') {
      const parts = value.split('\uF000');
      expect(parts.filter((_, i) => i % 2 === 0), 'numbered entries').toEqual(parts.filter((_, i) => i % 2 === 0).map((_, i) => String(i + 1)));
      input.set(id, parts.filter((_, i) => i % 2 === 1));
    } else input.set(id, value);
  }
  // Drop-downs of an object left out: not set.
  for (const [id, element] of elements) if (!input.has(id) && element.tagName === 'enum' && element.getAttribute('key')) input.set(id, null);
  return input;
}

// ---------------------------------------------------------------------------------------------

describe('the kit is generated from the schema', () => {
  it('docs/admin/kit/ is exactly what scripts/admin-kit.ts writes (run `node scripts/admin-kit.ts`)', () => {
    expect(kit.kitDifferences(kit.KIT_DIR, FILES)).toEqual([]);
  });

  it('has an example for every setting, and CallGuard accepts every example', () => {
    expect(Object.keys(EXAMPLE)).toEqual(KEYS);
    expect([...KEYS].sort()).toEqual(Object.keys(DEFAULT_POLICY).sort());
    expectExample(EXAMPLE);
  });

  it('has fr-FR and de-DE translations of every title and description, made from the current English', () => {
    const { missing, stale } = kit.translationProblems(SCHEMA);
    expect(missing, 'add these to TRANSLATIONS in scripts/admin-kit.ts').toEqual([]);
    expect(stale, 'the English changed: update these translations and their `from`').toEqual([]);
    for (const [at] of kit.schemaTextPaths(SCHEMA)) {
      for (const language of kit.TRANSLATED) {
        const [title, description] = kit.TRANSLATIONS[at]![language];
        expect(title.trim(), `${at} ${language}`).not.toBe('');
        expect(description.trim(), `${at} ${language}`).not.toBe('');
      }
    }
  });

  it('derives profile UUIDs from fixed names, so regeneration gives the same files', () => {
    expect(kit.stableUuid('x')).toBe(kit.stableUuid('x'));
    expect(kit.stableUuid('x')).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(kit.committedKit(SCHEMA)).toEqual(FILES);
  });

  it('says in every file which extension id it uses', () => {
    for (const [name, content] of FILES) {
      if (name === 'google-admin/callguard-policy.json') continue; // the console attaches it to the app you pick
      const ids = name.startsWith('store/') ? [kit.CHROME_STORE_PLACEHOLDER, kit.EDGE_STORE_PLACEHOLDER] : [kit.SELF_HOSTED_ID, GECKO_ID];
      expect(ids.some((id) => content.includes(id)), name).toBe(true);
      // Files that can hold a comment say in words which identity it is.
      if (!name.endsWith('.json') && !name.endsWith('.adml')) expect(content, name).toMatch(/self-hosted|placeholder|Add-on id/);
    }
  });

  it('keeps placeholders out of templates: the store folder has no ADMX', () => {
    const store = [...FILES.keys()].filter((name) => name.startsWith('store/'));
    expect(store.length).toBeGreaterThan(0);
    expect(store.filter((name) => /\.adm[lx]$/.test(name))).toEqual([]);
    expect(() => kit.admxModel(SCHEMA, 'chrome', STORE, 'en-US')).toThrow();
  });
});

describe.each(kit.CHROMIUM_BROWSERS)('Windows, %s', (browser) => {
  const info = kit.BROWSERS[browser];
  const id = kit.SELF_HOSTED_ID;
  const settingsKey = kit.policyKey(browser, id);
  const admx = readAdmx(file(`windows/callguard-${browser}.admx`));
  const exampleRegistry = () => {
    const registry = new RegKey();
    for (const key of KEYS) applyPolicy(admx.policies.get(key)!, gpInput(admx.policies.get(key)!, EXAMPLE[key]), registry);
    return registry;
  };

  it('the ADMX has one policy per setting, of its type, in its own category', () => {
    expect([...admx.policies.keys()]).toEqual(['ForceInstall', ...KEYS]);
    for (const policy of admx.policies.values()) {
      expect(child(policy, 'parentCategory').getAttribute('ref')).toBe(admx.category);
      expect(child(policy, 'supportedOn').getAttribute('ref')).toBe('SUPPORTED_CallGuard');
    }
    for (const [name, node] of Object.entries(SCHEMA.properties)) {
      const policy = admx.policies.get(name)!;
      expect(policy.getAttribute('key')).toBe(settingsKey);
      const elements = policyElements(policy);
      if (node.type === 'boolean') {
        expect(policy.getAttribute('valueName'), name).toBe(name);
        expect(elements).toEqual([]);
      } else if (node.type === 'string') {
        expect(elements.map((e) => [e.tagName, e.getAttribute('valueName')]), name).toEqual([[node.enum ? 'enum' : 'text', name]]);
        if (node.enum) expect(children(elements[0]!, 'item').map((item) => children(child(item, 'value'))[0]!.textContent)).toEqual(node.enum);
      } else if (node.type === 'array' && node.items?.type === 'string') {
        expect(elements.map((e) => [e.tagName, e.getAttribute('key')]), name).toEqual([['list', `${settingsKey}\\${name}`]]);
      } else if (node.type === 'object' && node.properties) {
        // One drop-down per property, with "not set" first.
        expect(elements.map((e) => [e.tagName, e.getAttribute('key'), e.getAttribute('valueName')])).toEqual(
          Object.keys(node.properties).map((child) => ['enum', `${settingsKey}\\${name}`, child]),
        );
        for (const [i, element] of elements.entries()) {
          const values = children(element, 'item').map((item) => children(child(item, 'value'))[0]!);
          expect(values[0]!.tagName).toBe('delete');
          expect(values.slice(1).map((v) => v.textContent)).toEqual(Object.values(node.properties)[i]!.enum);
        }
      } else {
        expect(elements.map((e) => [e.tagName, e.getAttribute('valueName')]), name).toEqual([['text', name]]);
      }
    }
  });

  it('the ADMX, enabled with the example values, writes what Chromium reads as those values', () => {
    expectExample(chromiumSettings(exampleRegistry(), browser, id));
  });

  it('the ADMX install policy adds one value to the force-install list, beside the existing ones', () => {
    const registry = new RegKey();
    registry.set(kit.forcelistKey(browser), '1', { type: 'sz', value: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;https://clients2.google.com/service/update2/crx' });
    const install = admx.policies.get('ForceInstall')!;
    expect(install.getAttribute('key')).toBe(kit.forcelistKey(browser));
    applyPolicy(install, new Map([['ForceInstall', `${id};${kit.SELF_HOSTED_UPDATE_URL}`]]), registry);
    const policy = chromiumRead(registry.need(info.registryRoot), CHROMIUM_POLICY_SCHEMA) as Dict;
    expect(policy.ExtensionInstallForcelist).toEqual([
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;https://clients2.google.com/service/update2/crx',
      `${id};${kit.SELF_HOSTED_UPDATE_URL}`,
    ]);
  });

  it.each(kit.LANGUAGES)('the %s ADML has every string and presentation the ADMX uses', (language) => {
    const doc = parseXml(file(`windows/${language}/callguard-${browser}.adml`));
    expect(doc.documentElement.tagName).toBe('policyDefinitionResources');
    const strings = new Map([...doc.getElementsByTagName('string')].map((s) => [s.getAttribute('id')!, s.textContent!]));
    const presentations = new Map([...doc.getElementsByTagName('presentation')].map((p) => [p.getAttribute('id')!, p]));
    const admxText = file(`windows/callguard-${browser}.admx`);
    for (const [, ref] of admxText.matchAll(/\$\(string\.([^)]+)\)/g)) expect(strings.get(ref!), `string ${ref}`).toBeTruthy();
    for (const policy of admx.policies.values()) {
      const elements = policyElements(policy);
      if (elements.length === 0) continue;
      const presentation = presentations.get(policy.getAttribute('name')!);
      expect(policy.getAttribute('presentation')).toBe(`$(presentation.${policy.getAttribute('name')})`);
      const controls = { text: 'textBox', list: 'listBox', enum: 'dropdownList' } as Record<string, string>;
      expect(children(presentation!).map((c) => [c.tagName, c.getAttribute('refId')])).toEqual(elements.map((e) => [controls[e.tagName], e.getAttribute('id')]));
    }
    // Titles and descriptions: the schema's in English, the translations otherwise.
    for (const [name, node] of Object.entries(SCHEMA.properties)) {
      const [title, description] = language === 'en-US' ? [node.title!, node.description!] : kit.TRANSLATIONS[name]![language];
      expect(strings.get(name)).toBe(title);
      expect(strings.get(`${name}_Explain`)!.startsWith(description)).toBe(true);
      for (const [sub, subNode] of Object.entries(node.properties ?? {})) {
        const [subTitle] = language === 'en-US' ? [subNode.title!] : kit.TRANSLATIONS[`${name}.${sub}`]![language];
        expect(strings.get(`${name}_Explain`)).toContain(subTitle);
        const control = children(presentations.get(name)!).find((c) => c.getAttribute('refId') === `${name}_${sub}`.replace(/[^A-Za-z0-9_]/g, '_'));
        expect(control?.textContent).toBe(subTitle);
      }
    }
    // The same strings in every language.
    const english = parseXml(file(`windows/en-US/callguard-${browser}.adml`));
    expect([...strings.keys()]).toEqual([...english.getElementsByTagName('string')].map((s) => s.getAttribute('id')));
  });

  it(`${browser}.reg adds CallGuard beside an organisation's entries and sets the settings Chromium reads`, () => {
    const registry = new RegKey();
    // What an organisation already has: its force-install list and another extension's settings.
    registry.set(kit.forcelistKey(browser), '1', { type: 'sz', value: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;https://clients2.google.com/service/update2/crx' });
    registry.set(kit.forcelistKey(browser), '2', { type: 'sz', value: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb;https://clients2.google.com/service/update2/crx' });
    registry.set(kit.policyKey(browser, 'cccccccccccccccccccccccccccccccc'), 'server', { type: 'sz', value: 'https://example.org' });
    const before = registry.need(kit.policyKey(browser, 'cccccccccccccccccccccccccccccccc')).dump();
    importReg(file(`windows/${browser}.reg`), registry);
    const policy = chromiumRead(registry.need(info.registryRoot), CHROMIUM_POLICY_SCHEMA) as Dict;
    expect(policy.ExtensionInstallForcelist).toEqual([
      'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;https://clients2.google.com/service/update2/crx',
      'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb;https://clients2.google.com/service/update2/crx',
      `${id};${kit.SELF_HOSTED_UPDATE_URL}`,
    ]);
    expect(registry.need(kit.policyKey(browser, 'cccccccccccccccccccccccccccccccc')).dump()).toEqual(before);
    expectExample(chromiumSettings(registry, browser, id));
    // The same values as the ADMX writes.
    expect(registry.need(settingsKey).dump()).toEqual(exampleRegistry().need(settingsKey).dump());
  });

  it(`${browser}.reg replaces CallGuard's own key, so a shorter list leaves nothing behind`, () => {
    const registry = new RegKey();
    for (const n of ['1', '2', '3', '4', '5']) registry.set(`${settingsKey}\\trustedNetworks`, n, { type: 'sz', value: '192.0.2.0/24' });
    importReg(file(`windows/${browser}.reg`), registry);
    expect((chromiumSettings(registry, browser, id) as Dict).trustedNetworks).toEqual(EXAMPLE.trustedNetworks);
  });

  it(`${browser}-settings.ps1 writes the same registry values as ${browser}.reg`, () => {
    const { registry, key } = runSettingsScript(file(`windows/${browser}-settings.ps1`));
    expect(key).toBe(settingsKey);
    expectExample(chromiumSettings(registry, browser, id));
    expect(registry.need(settingsKey).dump()).toEqual(importReg(file(`windows/${browser}.reg`)).need(settingsKey).dump());
  });
});

describe('Intune', () => {
  const text = file('intune.md');
  const admx = readAdmx(file('windows/callguard-chrome.admx'));

  it('gives the ADMX ingestion URI and cites Microsoft\'s documentation', () => {
    expect(text).toContain('./Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/CallGuard/Policy/CallGuardAdmx');
    for (const url of [
      'https://learn.microsoft.com/en-us/windows/client-management/win32-and-centennial-app-policy-configuration',
      'https://learn.microsoft.com/en-us/deployedge/configure-edge-with-intune',
    ]) expect(text).toContain(url);
  });

  it('gives an OMA-URI per setting whose value, applied, is what Chromium reads as the example', () => {
    const rows = new Map(
      [...text.matchAll(/^\| (?:`(\w+)`|install) \| `(\.\/Device\/[^`]+)` \| `(.+)` \|$/gm)].map((m) => [m[1] ?? 'install', { uri: m[2]!, value: m[3]!.replace(/\\\|/g, '|') }]),
    );
    expect([...rows.keys()]).toEqual(['install', ...KEYS]);
    // {AppName}~{SettingType}~{category path} from the ingestion URI and the ADMX.
    const area = `CallGuard~Policy~${admx.category}`;
    const registry = new RegKey();
    for (const [name, { uri, value }] of rows) {
      const policyName = name === 'install' ? 'ForceInstall' : name;
      expect(uri).toBe(`./Device/Vendor/MSFT/Policy/Config/${area}/${policyName}`);
      applyPolicy(admx.policies.get(policyName)!, intuneInput(admx.policies.get(policyName)!, value), registry);
    }
    expectExample(chromiumSettings(registry, 'chrome', kit.SELF_HOSTED_ID));
    expect(registry.need(kit.forcelistKey('chrome')).dump()).toEqual({ [kit.FORCELIST_SLOT]: { type: 'sz', value: `${kit.SELF_HOSTED_ID};${kit.SELF_HOSTED_UPDATE_URL}` } });
  });
});

describe('macOS', () => {
  const profiles = [...FILES.keys()].filter((name) => name.endsWith('.mobileconfig'));

  function read(name: string): Dict {
    const doc = parseXml(file(name));
    const profile = plistValue(doc.documentElement) as Dict;
    expect(profile.PayloadType).toBe('Configuration');
    expect(profile.PayloadIdentifier).toMatch(/^org\.example\.callguard\./);
    return profile;
  }

  /** The Forced settings of each preference domain of a profile. */
  function domains(profile: Dict): Dict {
    const found: Dict = {};
    for (const payload of profile.PayloadContent as Dict[]) {
      expect(payload.PayloadType).toBe('com.apple.ManagedClient.preferences');
      for (const [domain, content] of Object.entries(payload.PayloadContent as Dict)) found[domain] = (content as Dict).Forced[0].mcx_preference_settings;
    }
    return found;
  }

  it('every profile has UUIDs of its own', () => {
    const uuids = profiles.flatMap((name) => {
      const profile = read(name);
      return [profile.PayloadUUID, ...(profile.PayloadContent as Dict[]).map((p) => p.PayloadUUID)];
    });
    expect(new Set(uuids).size).toBe(uuids.length);
    for (const uuid of uuids) expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it.each(kit.CHROMIUM_BROWSERS)('%s: the install profile sets CallGuard\'s ExtensionSettings entry only', (browser) => {
    const found = domains(read(`macos/${browser}-install.mobileconfig`));
    expect(found).toEqual({
      [kit.BROWSERS[browser].macDomain]: { ExtensionSettings: { [kit.SELF_HOSTED_ID]: { installation_mode: 'force_installed', update_url: kit.SELF_HOSTED_UPDATE_URL, toolbar_pin: 'force_pinned' } } },
    });
  });

  it.each(kit.CHROMIUM_BROWSERS)('%s: the settings profile sets every setting, typed, in CallGuard\'s own domain', (browser) => {
    const found = domains(read(`macos/${browser}-settings.mobileconfig`));
    expect(Object.keys(found)).toEqual([`${kit.BROWSERS[browser].macDomain}.extensions.${kit.SELF_HOSTED_ID}`]);
    expectExample(Object.values(found)[0]);
  });

  it('Firefox: org.mozilla.firefox with CallGuard\'s ExtensionSettings and 3rdparty entries only', () => {
    const found = domains(read('macos/firefox.mobileconfig'));
    const firefox = found['org.mozilla.firefox'] as Dict;
    expect(Object.keys(found)).toEqual(['org.mozilla.firefox']);
    expect(firefox.EnterprisePoliciesEnabled).toBe(true);
    expect(Object.keys(firefox.ExtensionSettings)).toEqual([GECKO_ID]);
    expect(firefox.ExtensionSettings[GECKO_ID]).toMatchObject({ installation_mode: 'force_installed', install_url: expect.stringMatching(/^https:\/\//) });
    expect(Object.keys(firefox['3rdparty'].Extensions)).toEqual([GECKO_ID]);
    expectExample(firefox['3rdparty'].Extensions[GECKO_ID]);
  });

  it('the Jamf Pro schema describes every setting with its title, description and type', () => {
    const jamf = JSON.parse(file('macos/jamf-schema.json')) as Dict;
    expect(jamf.type).toBe('object');
    expect(jamf.description).toContain(`com.google.Chrome.extensions.${kit.SELF_HOSTED_ID}`);
    expect(Object.keys(jamf.properties)).toEqual(KEYS);
    const orders = KEYS.map((key) => jamf.properties[key].property_order as number);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    const same = (node: kit.SchemaNode, described: Dict, at: string) => {
      expect(described.type, at).toBe(node.type);
      expect(described.enum, at).toEqual(node.enum);
      if (node.title !== undefined) expect([described.title, described.description], at).toEqual([node.title, node.description]);
      if (node.items) same(node.items, described.items, `${at}[]`);
      expect(Object.keys(described.properties ?? {}), at).toEqual(Object.keys(node.properties ?? {}));
      for (const [name, child] of Object.entries(node.properties ?? {})) same(child, described.properties[name], `${at}.${name}`);
    };
    for (const key of KEYS) same(SCHEMA.properties[key]!, jamf.properties[key], key);
  });
});

describe('Linux', () => {
  it.each(kit.CHROMIUM_BROWSERS)('%s: an install file with CallGuard\'s entry only, and a settings file', (browser) => {
    const install = JSON.parse(file(`linux/${browser}/callguard-install.json`));
    expect(install).toEqual({
      ExtensionSettings: { [kit.SELF_HOSTED_ID]: { installation_mode: 'force_installed', update_url: kit.SELF_HOSTED_UPDATE_URL, toolbar_pin: 'force_pinned' } },
    });
    const settings = JSON.parse(file(`linux/${browser}/callguard-settings.json`));
    expect(Object.keys(settings)).toEqual(['3rdparty']);
    expect(Object.keys(settings['3rdparty'].extensions)).toEqual([kit.SELF_HOSTED_ID]);
    expectExample(settings['3rdparty'].extensions[kit.SELF_HOSTED_ID]);
  });
});

describe('Google Admin console', () => {
  it('gives every setting as {"Value": …}, typed', () => {
    const policy = JSON.parse(file('google-admin/callguard-policy.json')) as Dict;
    expect(Object.keys(policy)).toEqual(KEYS);
    for (const key of KEYS) expect(Object.keys(policy[key]), key).toEqual(['Value']);
    expectExample(Object.fromEntries(KEYS.map((key) => [key, policy[key].Value])));
  });
});

describe('Firefox', () => {
  it('policies.json: CallGuard\'s ExtensionSettings and 3rdparty.Extensions entries only', () => {
    const { policies } = JSON.parse(file('firefox/policies.json'));
    expect(Object.keys(policies)).toEqual(['ExtensionSettings', '3rdparty']);
    expect(Object.keys(policies.ExtensionSettings)).toEqual([GECKO_ID]);
    expect(policies.ExtensionSettings[GECKO_ID]).toMatchObject({ installation_mode: 'force_installed', install_url: expect.stringMatching(/^https:\/\//) });
    expect(Object.keys(policies['3rdparty'].Extensions)).toEqual([GECKO_ID]);
    expectExample(policies['3rdparty'].Extensions[GECKO_ID]);
  });

  it('firefox.reg: read as Firefox reads the registry, beside other extensions\' entries', () => {
    const registry = new RegKey();
    registry.set(`${kit.FIREFOX_ROOT}\\ExtensionSettings\\other@example.org`, 'installation_mode', { type: 'sz', value: 'blocked' });
    registry.set(`${kit.FIREFOX_ROOT}\\3rdparty\\Extensions`, 'other@example.org', { type: 'sz', value: '{"a":1}' });
    importReg(file('windows/firefox.reg'), registry);
    const policies = firefoxRead(registry.need(kit.FIREFOX_ROOT)) as Dict;
    expect(policies.ExtensionSettings).toEqual({
      'other@example.org': { installation_mode: 'blocked' },
      [GECKO_ID]: { installation_mode: 'force_installed', install_url: kit.FIREFOX_INSTALL_URL, default_area: 'navbar' },
    });
    expect(Object.keys(policies['3rdparty'].Extensions)).toEqual(['other@example.org', GECKO_ID]);
    // 3rdparty.Extensions.<id> has the JSON type in Firefox's policy schema: a string is parsed.
    expectExample(JSON.parse(policies['3rdparty'].Extensions[GECKO_ID]));
  });
});

describe('store copies (placeholder ids)', () => {
  it.each(kit.CHROMIUM_BROWSERS)('%s: the samples use the store\'s placeholder id and update URL', (browser) => {
    const target = STORE[browser];
    const registry = importReg(file(`store/windows/${browser}.reg`));
    expect(registry.need(kit.forcelistKey(browser)).dump()).toEqual({ [kit.FORCELIST_SLOT]: { type: 'sz', value: `${target.id};${target.updateUrl}` } });
    expectExample(chromiumSettings(registry, browser, target.id));
    expectExample(chromiumSettings(runSettingsScript(file(`store/windows/${browser}-settings.ps1`)).registry, browser, target.id));
    expect(JSON.parse(file(`store/linux/${browser}/callguard-install.json`)).ExtensionSettings[target.id].update_url).toBe(target.updateUrl);
    expectExample(JSON.parse(file(`store/linux/${browser}/callguard-settings.json`))['3rdparty'].extensions[target.id]);
    expect(file(`store/macos/${browser}-settings.mobileconfig`)).toContain(`${kit.BROWSERS[browser].macDomain}.extensions.${target.id}`);
  });
});

describe('updates.xml', () => {
  it('is a gupdate manifest for the self-hosted id', () => {
    const doc = parseXml(file('updates.xml'));
    expect(doc.documentElement.tagName).toBe('gupdate');
    expect(doc.documentElement.getAttribute('protocol')).toBe('2.0');
    const app = child(doc.documentElement, 'app');
    expect(app.getAttribute('appid')).toBe(kit.SELF_HOSTED_ID);
    expect(child(app, 'updatecheck').getAttribute('codebase')).toMatch(/^https:\/\/.+\.crx$/);
  });
});

describe('docs/admin/policy-reference.md', () => {
  const text = fs.readFileSync(path.join(REPO, 'docs/admin/policy-reference.md'), 'utf8');
  const sections = new Map([...text.matchAll(/^### `(\w+)`\n([\s\S]*?)(?=^### |^## |(?![\s\S]))/gm)].map((m) => [m[1]!, m[2]!]));

  it('documents every setting, in the order of the schema', () => {
    expect([...sections.keys()]).toEqual(KEYS);
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

describe('the self-hosted extension id', () => {
  it('is the one the manifest key gives', () => {
    const config = fs.readFileSync(path.join(REPO, 'wxt.config.ts'), 'utf8');
    const key = /CHROME_PUBLIC_KEY =\s*'([A-Za-z0-9+/=]+)'/.exec(config)![1]!;
    expect(extensionIdFromPublicKey(Buffer.from(key, 'base64'))).toBe(kit.SELF_HOSTED_ID);
  });
});
