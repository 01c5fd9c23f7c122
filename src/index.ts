import type { ESLint, Linter, Rule } from 'eslint';
import { createConfigs, type ConfigName } from './configs/index.js';
import { rules } from './rules/index.js';
import { name, version } from './package-info.js';

interface TemporalioPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, Rule.RuleModule>;
  configs: Record<ConfigName, Linter.Config>;
}

const plugin: TemporalioPlugin = {
  meta: { name, version, namespace: 'temporalio' },
  rules: rules as unknown as Record<string, Rule.RuleModule>,
  configs: {} as Record<ConfigName, Linter.Config>,
};
Object.assign(plugin.configs, createConfigs(plugin));

export default plugin;
// `require('eslint-plugin-temporalio')` from CommonJS returns the plugin itself (Node's require(esm)).
export { plugin as 'module.exports' };
export { rules };
export const configs: Record<ConfigName, Linter.Config> = plugin.configs;
export type { ConfigName, TemporalioPlugin };
