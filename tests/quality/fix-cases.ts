// Inputs for tests/quality/fix-safety.test.ts that make rules offer the fixes and suggestions that neither the fixture
// projects nor the docs' incorrect examples trigger. Each is linted as a file of a virtual project, like a docs example.
import type { DocsBlock } from './docs-blocks.js';

type Case = Pick<DocsBlock, 'rule' | 'filename' | 'code'> & Partial<Pick<DocsBlock, 'options' | 'settings'>>;

export const fixCases: Case[] = [
  {
    rule: 'workflow-no-unsupported-globals',
    filename: 'src/workflows.ts',
    code: `export async function timed(): Promise<number> {
  const start = performance.now();
  return start;
}
`,
  },
  {
    rule: 'workflow-valid-patch',
    filename: 'src/workflows.ts',
    code: `import { patched } from '@temporalio/workflow';

export async function migrated(): Promise<void> {
  patched('v2-notifications');
}
`,
  },
  {
    rule: 'test-check-replay-errors',
    filename: 'src/replay.test.ts',
    code: `import { Worker } from '@temporalio/worker';
import type { temporal } from '@temporalio/proto';

export async function replay(history: temporal.api.history.v1.IHistory): Promise<void> {
  Worker.runReplayHistory({ workflowsPath: require.resolve('./workflows') }, history);
}
`,
  },
];
