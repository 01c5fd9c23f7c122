// Types for scripts/oxlint-config.js (imported by tests/quality/oxlint.test.ts).
interface PluginLike {
  rules: Record<string, unknown>;
  configs: Record<string, unknown>;
}
export declare const ESLINT_ONLY: Record<string, string>;
export declare function oxlintRules(plugin: PluginLike, configName?: string): Record<string, unknown>;
export declare function oxlintConfig(
  plugin: PluginLike,
  pluginSpecifier: string,
  configName?: string,
): { plugins: string[]; categories: Record<string, string>; jsPlugins: string[]; rules: Record<string, unknown> };
