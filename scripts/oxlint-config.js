// Writes an `.oxlintrc.json` that runs this plugin's rules as an oxlint JS plugin: the rules of a config
// (`recommended` by default) that need no type information, at that config's severities, and none of oxlint's own
// rules. Used by tests/quality/oxlint.test.ts and the benchmark; users can run it too:
//   node scripts/oxlint-config.js [config] [plugin specifier] > .oxlintrc.json
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Rules that must run under ESLint even though they need no type information, with the reason.
 * Keep in sync with the README's "Editors, CI and oxlint" section.
 * @type {Record<string, string>}
 */
export const ESLINT_ONLY = {};

/**
 * @param {{ rules: Record<string, { meta?: { docs?: { requiresTypeChecking?: boolean } } }>, configs: Record<string, { rules?: Record<string, unknown> }> }} plugin
 * @param {string} configName
 * @returns {Record<string, unknown>} the `rules` object for oxlint (`temporalio/<rule>`: severity or [severity, options])
 */
export function oxlintRules(plugin, configName = 'recommended') {
  const config = plugin.configs[configName];
  if (!config) throw new Error(`unknown config ${configName}`);
  /** @type {Record<string, unknown>} */
  const rules = {};
  for (const [id, entry] of Object.entries(config.rules ?? {})) {
    const name = id.slice(id.indexOf('/') + 1);
    if (plugin.rules[name]?.meta?.docs?.requiresTypeChecking === true) continue;
    if (name in ESLINT_ONLY) continue;
    rules[id] = entry;
  }
  return rules;
}

/**
 * @param {Parameters<typeof oxlintRules>[0]} plugin
 * @param {string} pluginSpecifier what `jsPlugins` loads: a package name or an absolute path to dist/index.js
 * @param {string} [configName]
 */
export function oxlintConfig(plugin, pluginSpecifier, configName = 'recommended') {
  return {
    $schema: './node_modules/oxlint/configuration_schema.json',
    // Only this plugin's rules: no built-in plugins, no default categories.
    plugins: [],
    categories: { correctness: 'off' },
    jsPlugins: [pluginSpecifier],
    rules: oxlintRules(plugin, configName),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [configName = 'recommended', specifier] = process.argv.slice(2);
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  const pluginPath = path.join(root, 'dist/index.js');
  const { default: plugin } = await import(pathToFileURL(pluginPath).href);
  process.stdout.write(`${JSON.stringify(oxlintConfig(plugin, specifier ?? pluginPath, configName), null, 2)}\n`);
}
