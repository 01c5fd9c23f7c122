import { describe, expect, it } from 'vitest';
import { blockingModule, lookupBlockingCall } from '../../src/sdk/blocking-calls.js';
import { lookupHttpCall } from '../../src/sdk/http-clients.js';
import { lookupWorkflowOnlyApi } from '../../src/sdk/workflow-only-apis.js';

describe('blocking calls data', () => {
  it('maps specifiers to modules', () => {
    expect(['fs', 'node:fs', 'graceful-fs', 'fs-extra', 'node:child_process', 'zlib', 'crypto', 'fs/promises', 'path'].map(blockingModule)).toEqual([
      'fs',
      'fs',
      'fs',
      'fs-extra',
      'child_process',
      'zlib',
      'crypto',
      undefined,
      undefined,
    ]);
  });

  it('knows drop-ins and alternatives', () => {
    expect(lookupBlockingCall('fs', 'readFileSync')).toMatchObject({ promisesName: 'readFile' });
    expect(lookupBlockingCall('fs', 'statSync')).toMatchObject({ promisesName: 'stat', maxArgs: 1 });
    expect(lookupBlockingCall('fs', 'existsSync')?.promisesName).toBeUndefined();
    expect(lookupBlockingCall('fs', 'readFile')).toBeUndefined();
    expect(lookupBlockingCall('fs-extra', 'copySync')?.alternative).toContain('copy()');
    expect(lookupBlockingCall('fs-extra', 'Sync')).toBeUndefined();
    expect(lookupBlockingCall('child_process', 'exec')).toBeUndefined();
    expect(lookupBlockingCall('zlib', 'gzipSync')).toMatchObject({ promisifyName: 'gzip' });
    expect(lookupBlockingCall('zlib', 'createGzip')).toBeUndefined();
    expect(lookupBlockingCall('crypto', 'scryptSync')).toBeDefined();
    expect(lookupBlockingCall('crypto', 'randomFillSync')).toBeUndefined();
  });
});

describe('HTTP clients data', () => {
  it('places the options argument per client and method', () => {
    expect(lookupHttpCall(undefined, ['fetch'], false)).toMatchObject({ optionsIndex: 1, suggest: true });
    expect(lookupHttpCall(undefined, ['Date', 'now'], false)).toBeUndefined();
    expect(lookupHttpCall('undici', ['fetch'], false)).toMatchObject({ display: 'fetch()', optionsIndex: 1 });
    expect(lookupHttpCall('undici', ['stream'], false)).toBeUndefined();
    expect(lookupHttpCall('node-fetch', ['default'], false)).toMatchObject({ suggest: false });
    expect(lookupHttpCall('node-fetch', ['default', 'Headers'], false)).toBeUndefined();
    expect(lookupHttpCall('axios', ['default'], true)).toMatchObject({ optionsIndex: 0 });
    expect(lookupHttpCall('axios', [], false)).toMatchObject({ optionsIndex: 1 });
    expect(lookupHttpCall('axios', ['default', 'create', '()'], false)).toMatchObject({ display: 'axios()' });
    expect(lookupHttpCall('axios', ['default', 'create', '()', 'put'], false)).toMatchObject({ optionsIndex: 2 });
    expect(lookupHttpCall('axios', ['default', 'request'], true)).toMatchObject({ optionsIndex: 0 });
    expect(lookupHttpCall('axios', ['default', 'isAxiosError'], false)).toBeUndefined();
    expect(lookupHttpCall('axios', ['default', 'a', 'b'], false)).toBeUndefined();
    expect(lookupHttpCall('got', ['default'], false)).toMatchObject({ display: 'got()', optionsIndex: 1, suggest: false });
    expect(lookupHttpCall('got', ['default'], true)).toMatchObject({ optionsIndex: 0 });
    expect(lookupHttpCall('got', ['default', 'get'], false)).toMatchObject({ optionsIndex: 1 });
    expect(lookupHttpCall('got', ['default', 'extend'], false)).toBeUndefined();
    expect(lookupHttpCall('ky', ['default'], false)).toBeUndefined();
  });
});

describe('workflow-only APIs data', () => {
  it('matches calls, constructors and proxies', () => {
    expect(lookupWorkflowOnlyApi(['sleep'], 'call')?.use).toBe('call');
    expect(lookupWorkflowOnlyApi(['log', 'info'], 'call')?.use).toBe('call');
    expect(lookupWorkflowOnlyApi(['proxyActivities'], 'call')?.use).toBe('proxy');
    expect(lookupWorkflowOnlyApi(['CancellationScope'], 'new')?.use).toBe('new');
    expect(lookupWorkflowOnlyApi(['CancellationScope'], 'call')).toBeUndefined();
    expect(lookupWorkflowOnlyApi(['uuid4'], 'call')).toBeUndefined();
    expect(lookupWorkflowOnlyApi(['sleep'], 'new')).toBeUndefined();
  });
});
