// A minimal Language Server Protocol client over stdio (Content-Length framing), enough to drive
// vscode-eslint-language-server the way an editor does: requests, notifications, and answers to the server's own
// requests (`workspace/configuration`, `workspace/applyEdit`, `client/registerCapability`, ...).
import { type ChildProcess, spawn } from 'node:child_process';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

/** Answers a request from the server; throwing sends an error response. */
export type ServerRequestHandler = (method: string, params: unknown) => unknown;

export class LspClient {
  private readonly process: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** Every notification and request the server sent, in order. */
  readonly received: Message[] = [];
  /** The server's stderr (for failure messages). */
  stderr = '';
  private exited = false;

  constructor(command: string, args: readonly string[], cwd: string, private readonly onRequest: ServerRequestHandler) {
    this.process = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stdout?.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.process.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.process.on('exit', () => {
      this.exited = true;
      for (const { reject } of this.pending.values()) reject(new Error(`language server exited\n${this.stderr}`));
      this.pending.clear();
    });
  }

  private drain(): void {
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = /Content-Length: *(\d+)/i.exec(header)?.[1];
      if (length === undefined) throw new Error(`bad LSP header: ${header}`);
      const start = headerEnd + 4;
      const end = start + Number(length);
      if (this.buffer.length < end) return;
      const message = JSON.parse(this.buffer.subarray(start, end).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(end);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined) {
      const pending = typeof message.id === 'number' ? this.pending.get(message.id) : undefined;
      if (!pending) return;
      this.pending.delete(message.id as number);
      if (message.error) pending.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else pending.resolve(message.result);
      return;
    }
    this.received.push(message);
    if (message.id === undefined) return;
    const { id, method } = message;
    void (async () => {
      try {
        const result = await this.onRequest(method, message.params);
        this.send({ jsonrpc: '2.0', id, result: result ?? null });
      } catch (error) {
        this.send({ jsonrpc: '2.0', id, error: { code: -32603, message: String(error) } });
      }
    })();
  }

  private send(message: Message): void {
    if (this.exited) throw new Error(`language server exited\n${this.stderr}`);
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.process.stdin?.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin?.write(body);
  }

  request<T>(method: string, params: unknown, timeoutMs = 60_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out after ${timeoutMs} ms\n${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async shutdown(): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, 10_000);
      this.notify('exit', null);
    } catch {
      // fall through to kill
    }
    await new Promise<void>((resolve) => {
      if (this.exited) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 5_000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}

/** Offset of an LSP position (UTF-16 code units, which is what JavaScript strings index). */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

/** Applies LSP text edits (non-overlapping, any order) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits]
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const e of sorted) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}
