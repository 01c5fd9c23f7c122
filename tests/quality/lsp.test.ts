// Editor squiggles, for real: the ESLint language server that editors run (vscode-eslint's server, from
// `vscode-langservers-extracted`) over a copy of the example app with a flat config, driven over LSP as an editor
// drives it. A workflow helper gets `temporalio/*` diagnostics with the chain that makes it workflow code; code
// actions offer the rules' suggestions; applying one clears the diagnostic; and edits to the worker's
// `workflowsPath` or to an import change what is workflow code without restarting the server.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT } from './paths.js';
import { REVALIDATE_MS } from '../../src/project/cache.js';
import { applyTextEdits, LspClient, type Range, type TextEdit } from './lsp-client.js';

const SERVER = path.join(ROOT, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');
const require = createRequire(import.meta.url);

interface Diagnostic {
  range: Range;
  severity: number;
  code?: string | number;
  codeDescription?: { href: string };
  message: string;
  source?: string;
}

interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  command?: { command: string; arguments?: unknown[] };
  edit?: { changes?: Record<string, TextEdit[]>; documentChanges?: { textDocument: { uri: string }; edits: TextEdit[] }[] };
}

interface ApplyEditParams {
  edit: { changes?: Record<string, TextEdit[]>; documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[] };
}

const temporal = (diagnostics: readonly Diagnostic[]): Diagnostic[] =>
  diagnostics.filter((d) => typeof d.code === 'string' && d.code.startsWith('temporalio/'));

/** Moves a file's mtime forward, so a rewrite within the same millisecond still looks changed. */
function bumpMtime(file: string, seconds: number): void {
  const time = new Date(Date.now() + seconds * 1000);
  fs.utimesSync(file, time, time);
}

const show = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);

describe('vscode-eslint language server', () => {
  let dir = '';
  let client: LspClient;
  /** The editor's buffers: uri → { text, version }. */
  const open = new Map<string, { text: string; version: number }>();
  const uriOf = (rel: string): string => pathToFileURL(path.join(dir, rel)).href;

  const settings = (): Record<string, unknown> => ({
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { enable: false, mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: path.join(ROOT, 'node_modules'),
    workingDirectory: { mode: 'location' },
    workspaceFolder: { name: path.basename(dir), uri: pathToFileURL(dir).href },
  });

  /** What an editor answers when the server asks. */
  const onRequest = (method: string, params: unknown): unknown => {
    switch (method) {
      case 'workspace/configuration':
        return (params as { items: unknown[] }).items.map(() => settings());
      case 'workspace/applyEdit': {
        applyWorkspaceEdit((params as ApplyEditParams).edit);
        return { applied: true };
      }
      case 'client/registerCapability':
      case 'client/unregisterCapability':
      case 'window/workDoneProgress/create':
      case 'workspace/diagnostic/refresh':
        return null;
      case 'window/showMessageRequest':
        return null;
      default:
        // eslint/noConfig, eslint/noLibrary, eslint/probeFailed, eslint/openDoc: acknowledge, as vscode-eslint does.
        if (method.startsWith('eslint/')) return {};
        throw new Error(`unexpected request ${method}`);
    }
  };

  function change(uri: string, text: string): void {
    const doc = open.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    doc.text = text;
    doc.version += 1;
    // Full-text sync (the server asks for incremental, which a full-document change event also satisfies).
    client.notify('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] });
  }

  function applyWorkspaceEdit(edit: ApplyEditParams['edit']): void {
    const perUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, edits);
    for (const dc of edit.documentChanges ?? []) perUri.set(dc.textDocument.uri, [...(perUri.get(dc.textDocument.uri) ?? []), ...dc.edits]);
    for (const [uri, edits] of perUri) change(uri, applyTextEdits(open.get(uri)?.text ?? '', edits));
  }

  function openDocument(rel: string): string {
    const uri = uriOf(rel);
    const text = fs.readFileSync(path.join(dir, rel), 'utf8');
    open.set(uri, { text, version: 1 });
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    return uri;
  }

  /** Pull diagnostics, as VS Code does after each change of an open document. */
  async function diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    return report.items;
  }

  async function eslintFindings(rel: string, text: string) {
    const eslint = new ESLint({ cwd: dir });
    const [result] = await eslint.lintText(text, { filePath: path.join(dir, rel) });
    return result?.messages ?? [];
  }

  beforeAll(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'temporalio-lsp-')));
    fs.cpSync(path.join(ROOT, 'fixtures/example'), dir, { recursive: true });
    // The replayer and the integration test are workflow roots too (they pass `workflowsPath: '../workflows'`):
    // without them the worker is the only root, so editing its `workflowsPath` decides what is workflow code.
    fs.rmSync(path.join(dir, 'src/test'), { recursive: true, force: true });
    const plugin = pathToFileURL(DIST).href;
    const parser = pathToFileURL(require.resolve('typescript-eslint')).href;
    fs.writeFileSync(
      path.join(dir, 'eslint.config.mjs'),
      `import tseslint from ${JSON.stringify(parser)};\nimport temporalio from ${JSON.stringify(plugin)};\n\n` +
        `export default [\n  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },\n  temporalio.configs.recommended,\n];\n`,
    );
    client = new LspClient(process.execPath, [SERVER, '--stdio'], dir, onRequest);
    await client.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: path.basename(dir) }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, applyEdit: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll', 'source.fixAll.eslint'] } },
          },
        },
        window: { workDoneProgress: true },
      },
    });
    client.notify('initialized', {});
  });

  afterAll(async () => {
    await client.shutdown();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  let helper: string;

  it('reports the workflow helper with the rule ranges, messages and the chain that makes it workflow code', async () => {
    helper = openDocument('src/utils/ids.ts');
    const found = await diagnostics(helper);
    const ours = temporal(found);
    expect(ours.length, `${show(found).join('\n')}\n${client.stderr}`).toBeGreaterThan(0);
    // Exactly what the ESLint API reports for this file with the same config: rule, range, message, severity.
    const expected = (await eslintFindings('src/utils/ids.ts', open.get(helper)?.text ?? '')).filter((m) => m.ruleId?.startsWith('temporalio/'));
    expect(
      ours.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.severity, d.message]),
    ).toEqual(expected.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.severity === 2 ? 1 : 2, m.message]));
    for (const d of ours) {
      expect(d.source).toBe('eslint');
      expect(d.codeDescription?.href).toMatch(new RegExp(`/docs/rules/${String(d.code).slice('temporalio/'.length)}\\.md$`));
      // The chain from the worker through the workflows barrel to this helper.
      expect(d.message).toContain('src/worker.ts (workflowsPath) → src/workflows/index.ts');
      expect(d.message).toContain('→ src/utils/ids.ts');
    }
    // The range covers the reported call (the uuid call the helper makes).
    const random = ours.find((d) => d.code === 'temporalio/workflow-no-unsafe-random');
    expect(random).toBeDefined();
    if (random) {
      const text = open.get(helper)?.text ?? '';
      expect(text.split('\n')[random.range.start.line]?.slice(random.range.start.character, random.range.end.character)).toMatch(/^uuidv4\(\)$/);
    }
  });

  it('offers the rule suggestion as a code action, and applying it clears the diagnostic', async () => {
    const before = temporal(await diagnostics(helper));
    const target = before.find((d) => d.code === 'temporalio/workflow-no-unsafe-random');
    expect(target).toBeDefined();
    if (!target) return;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: helper },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'], triggerKind: 1 },
    });
    const titles = actions.map((a) => a.title);
    const suggestion = actions.find((a) => a.title.endsWith('(temporalio/workflow-no-unsafe-random)') && a.command?.command === 'eslint.applySuggestion');
    expect(suggestion, titles.join('\n')).toBeDefined();
    // The editor's usual companions are there too.
    expect(titles.some((t) => t.startsWith('Disable temporalio/workflow-no-unsafe-random'))).toBe(true);
    expect(titles.some((t) => t.startsWith('Show documentation for temporalio/workflow-no-unsafe-random'))).toBe(true);
    if (!suggestion?.command) return;
    const versionBefore = open.get(helper)?.version;
    // Running the command makes the server send `workspace/applyEdit`; the client applies it and sends didChange.
    await client.request('workspace/executeCommand', { command: suggestion.command.command, arguments: suggestion.command.arguments });
    expect(open.get(helper)?.version).toBe((versionBefore ?? 0) + 1);
    const text = open.get(helper)?.text ?? '';
    expect(text).toMatch(/import \{ uuid4 \} from '@temporalio\/workflow';/);
    const after = temporal(await diagnostics(helper));
    expect(after.some((d) => d.code === target.code && d.range.start.line === target.range.start.line)).toBe(false);
    expect(after.length).toBe(before.length - 1);
  });

  it('stops treating the helper as workflow code when the unsaved worker points workflowsPath elsewhere, and back', async () => {
    const worker = openDocument('src/worker.ts');
    const original = open.get(worker)?.text ?? '';
    expect(original).toContain(`require.resolve('./workflows')`);
    expect(temporal(await diagnostics(helper)).length).toBeGreaterThan(0);

    change(worker, original.replace(`require.resolve('./workflows')`, `require.resolve('./workflows/reports')`));
    await diagnostics(worker); // the editor re-pulls the document it changed: the server lints the unsaved worker
    change(helper, open.get(helper)?.text ?? ''); // a no-op edit, as typing would, to re-lint the helper
    expect(show(temporal(await diagnostics(helper)))).toEqual([]);

    change(worker, original); // undo
    await diagnostics(worker);
    const restored = temporal(await diagnostics(helper));
    expect(restored.length).toBeGreaterThan(0);
    expect(restored.every((d) => d.message.includes('src/worker.ts (workflowsPath) → src/workflows/index.ts → src/workflows/order.ts → src/utils/ids.ts'))).toBe(true);
    client.notify('textDocument/didClose', { textDocument: { uri: worker } });
    open.delete(worker);
  });

  it('follows an import removed in the editor, then saved, then restored on disk, without a restart', async () => {
    const orderRel = 'src/workflows/order.ts';
    const orderFile = path.join(dir, orderRel);
    const original = fs.readFileSync(orderFile, 'utf8');
    expect(original).toContain(`from '../utils/ids'`);
    const edited = original
      .replace(/^import \{ newShipmentId \} from '\.\.\/utils\/ids';\n/m, '')
      .replace(/newShipmentId\(([^)]*)\)/g, '`shp_${$1}`');
    expect(edited).not.toContain('utils/ids');

    // 1. Unsaved: the workflow module open in the editor stops importing the helper.
    const order = openDocument(orderRel);
    change(order, edited);
    await diagnostics(order);
    change(helper, open.get(helper)?.text ?? '');
    expect(show(temporal(await diagnostics(helper)))).toEqual([]);

    // 2. Saved: the file on disk now matches; after the model's revalidation interval it rebuilds from disk.
    fs.writeFileSync(orderFile, edited);
    bumpMtime(orderFile, 5);
    client.notify('textDocument/didSave', { textDocument: { uri: order } });
    client.notify('textDocument/didClose', { textDocument: { uri: order } });
    open.delete(order);
    await new Promise((resolve) => setTimeout(resolve, REVALIDATE_MS + 100));
    change(helper, open.get(helper)?.text ?? '');
    expect(show(temporal(await diagnostics(helper)))).toEqual([]);

    // 3. Restored on disk by another tool (a `git checkout`), the file not open in the editor.
    fs.writeFileSync(orderFile, original);
    bumpMtime(orderFile, 10);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(orderFile).href, type: 2 }] });
    await new Promise((resolve) => setTimeout(resolve, REVALIDATE_MS + 100));
    change(helper, open.get(helper)?.text ?? '');
    const back = temporal(await diagnostics(helper));
    expect(back.length).toBeGreaterThan(0);
    expect(back.every((d) => d.message.includes('→ src/workflows/order.ts → src/utils/ids.ts'))).toBe(true);
  });

  it('logged no server errors', () => {
    const errors = client.received.filter(
      (m) => m.method === 'window/logMessage' && (m.params as { type: number }).type === 1,
    );
    expect(errors.map((m) => (m.params as { message: string }).message)).toEqual([]);
  });
});
