import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { name, version } from '../src/package-info.js';
import { rules } from '../src/rules/index.js';
import { docsUrl, type ConfigEntry } from '../src/utils/create-rule.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const ruleFiles = fs
  .readdirSync(path.join(ROOT, 'src/rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.slice(0, -3))
  .sort();

const severityOf = (entry: ConfigEntry): string => (typeof entry === 'string' ? entry : entry.severity);

describe('package', () => {
  it('src/package-info.ts matches package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
    expect({ name, version }).toEqual({ name: pkg.name, version: pkg.version });
    expect(plugin.meta).toEqual({ name: pkg.name, version: pkg.version, namespace: 'temporalio' });
  });
});

describe('rules', () => {
  it('every rule file is exported, in alphabetical order', () => {
    expect(Object.keys(rules)).toEqual(ruleFiles);
    expect(Object.keys(plugin.rules)).toEqual(ruleFiles);
  });

  it.each(ruleFiles)('%s has a docs page, a test file, and consistent meta', (ruleName) => {
    const rule = rules[ruleName];
    expect(rule).toBeDefined();
    if (!rule) return;
    expect(fs.existsSync(path.join(ROOT, 'docs/rules', `${ruleName}.md`))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, 'tests/rules', `${ruleName}.test.ts`))).toBe(true);
    const docs = rule.meta.docs;
    expect(docs?.url).toBe(docsUrl(ruleName));
    expect(docs?.description).toMatch(/^(Enforce|Require|Disallow) .+[^. ]$/);
    expect(ruleName).toMatch(/^[a-z]+(-[a-z]+)*$/);
    const page = fs.readFileSync(path.join(ROOT, 'docs/rules', `${ruleName}.md`), 'utf8');
    for (const heading of ['## Rule Details', '## Examples', '## When Not To Use It', '## Further Reading']) {
      expect(page, `${ruleName}.md lacks "${heading}"`).toContain(heading);
    }
    expect(page).toMatch(/```ts incorrect/);
    if (rule.meta.hasSuggestions) expect(rule.meta.type).not.toBe('layout');
  });
});

describe('configs', () => {
  const configNames = ['recommended', 'recommended-type-checked', 'strict', 'all'] as const;

  it.each(configNames)('%s is a single named flat config with the plugin', (configName) => {
    const config = plugin.configs[configName];
    expect(config.name).toBe(`temporalio/${configName}`);
    expect(config.plugins?.temporalio).toBe(plugin);
    expect(config.files).toBeUndefined();
  });

  it('configs equal what each rule meta implies', () => {
    for (const [ruleName, rule] of Object.entries(rules)) {
      const id = `temporalio/${ruleName}`;
      const docs = rule.meta.docs;
      const typed = docs?.requiresTypeChecking === true;
      const rec = docs?.recommended;
      const strict = docs?.strict ?? rec;
      const entry = (configName: (typeof configNames)[number]): unknown => plugin.configs[configName].rules?.[id];
      const sev = (e: unknown): unknown => (Array.isArray(e) ? e[0] : e);

      expect(sev(entry('recommended')), id).toBe(rec && !typed ? severityOf(rec) : undefined);
      expect(sev(entry('recommended-type-checked')), id).toBe(rec ? severityOf(rec) : undefined);
      expect(sev(entry('strict')), id).toBe(strict ? severityOf(strict) : undefined);
      expect(entry('all'), id).toBeDefined();
      if (strict && typeof strict !== 'string') expect(entry('strict')).toEqual([strict.severity, strict.options]);
    }
    const ids = (configName: (typeof configNames)[number]): string[] =>
      Object.keys(plugin.configs[configName].rules ?? {}).sort();
    expect(ids('all')).toEqual(Object.keys(rules).map((r) => `temporalio/${r}`));
    for (const id of ids('recommended')) expect(ids('recommended-type-checked')).toContain(id);
    for (const id of ids('recommended-type-checked')) expect(ids('strict')).toContain(id);
  });
});
