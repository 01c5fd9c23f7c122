/**
 * Packages that perform I/O (network, database, queue, file system, processes) and so can never work in workflow
 * code: the workflow sandbox has no network or file API (`@temporalio/worker` `src/workflow/vm-shared.ts`
 * `injectGlobals` adds only `URL`, `URLSearchParams`, `TextEncoder`, `TextDecoder`, `AbortController`, `assert`,
 * `console` and `AsyncLocalStorage` to a bare V8 context), and I/O results are not recorded in history.
 *
 * What happens depends on the package, and is one of:
 * - the Node build requires Node built-ins (`net`, `http`, `fs`, ...) and the worker rejects the bundle
 *   ("importing the following disallowed modules", `bundler.ts`), failing `Worker.create` for every workflow;
 * - the bundler picks a browser build (webpack's default `web` target, facts §5.2) that needs `fetch`,
 *   `XMLHttpRequest` or `WebSocket`, which the sandbox lacks: the call fails when the workflow runs.
 *
 * Entry criteria: the package's purpose is I/O, so any use from workflow code is a bug. Pure packages that bundle
 * and run in the sandbox are deliberately absent even when they belong to an I/O ecosystem:
 * - `pino`: its `browser` field selects `browser.js`, which only writes to `console` (the sandbox console works);
 * - `drizzle-orm`, `kysely`: query builders with no I/O of their own (their drivers are listed);
 * - `@aws-sdk/util-*`, `@aws-sdk/types`, `@google-cloud/precise-date` / `promisify` / `paginator` / `projectify`,
 *   `@azure/abort-controller`, `@azure/core-*`: data and utility helpers (only clients, `lib-*` and credential
 *   providers of these scopes are listed);
 * - `uuid`, `nanoid` and other ID generators: handled by `workflow-no-unsafe-random`.
 *
 * Patterns: a package name, optionally with `*` standing for any characters within one path segment
 * (`@aws-sdk/client-*`). A pattern matches the package and all its subpaths (`pg/lib/client`).
 */

export type IoCategory = 'http' | 'database' | 'queue' | 'cloud' | 'service' | 'logger' | 'filesystem' | 'process';

export interface IoPackage {
  pattern: string;
  category: IoCategory;
  /** Names matched by `pattern` that are not I/O packages. */
  except?: readonly string[];
}

const group = (category: IoCategory, patterns: readonly string[]): IoPackage[] =>
  patterns.map((pattern) => ({ pattern, category }));

export const IO_PACKAGES: readonly IoPackage[] = [
  // HTTP and realtime clients: Node builds use `http`/`https`/`net`; browser builds need `fetch`/`XMLHttpRequest`/`WebSocket`.
  ...group('http', [
    'axios',
    'node-fetch',
    'got',
    'undici',
    'superagent',
    'ky',
    'cross-fetch',
    'isomorphic-fetch',
    'ofetch',
    'make-fetch-happen',
    'request',
    'request-promise',
    'request-promise-native',
    'needle',
    'phin',
    'graphql-request',
    'ws',
    'socket.io-client',
    'eventsource',
  ]),
  // Database drivers and ORMs bound to a connection.
  ...group('database', [
    'pg',
    'pg-pool',
    'pg-promise',
    'postgres',
    'mysql',
    'mysql2',
    'mariadb',
    'mssql',
    'tedious',
    'oracledb',
    'sqlite3',
    'better-sqlite3',
    'mongodb',
    'mongoose',
    'redis',
    '@redis/client',
    'ioredis',
    '@upstash/redis',
    '@prisma/client',
    'typeorm',
    'sequelize',
    'knex',
    'objection',
    'cassandra-driver',
    '@elastic/elasticsearch',
    '@opensearch-project/opensearch',
    'neo4j-driver',
    'couchbase',
    'nano',
    'memjs',
    'memcached',
    'dynamoose',
    '@planetscale/database',
    '@neondatabase/serverless',
    '@libsql/client',
    '@supabase/supabase-js',
  ]),
  // Message queues and streaming.
  ...group('queue', [
    'kafkajs',
    'node-rdkafka',
    '@confluentinc/kafka-javascript',
    'amqplib',
    'amqp-connection-manager',
    'bullmq',
    'bull',
    'bee-queue',
    'nats',
    'mqtt',
    'zeromq',
    'rhea',
    'stompit',
  ]),
  // Cloud SDKs: API clients only.
  ...group('cloud', [
    'aws-sdk',
    '@aws-sdk/client-*',
    '@aws-sdk/lib-*',
    '@aws-sdk/credential-provider*',
    '@aws-sdk/s3-request-presigner',
    'googleapis',
    'firebase',
    'firebase-admin',
    '@azure/storage-*',
    '@azure/service-bus',
    '@azure/event-hubs',
    '@azure/eventgrid',
    '@azure/cosmos',
    '@azure/identity',
    '@azure/keyvault-*',
    '@azure/data-tables',
    '@azure/app-configuration',
    '@azure/search-documents',
    '@azure/communication-*',
    '@azure/ai-*',
    '@azure/openai',
    '@azure/arm-*',
  ]),
  {
    pattern: '@google-cloud/*',
    category: 'cloud',
    except: ['@google-cloud/precise-date', '@google-cloud/promisify', '@google-cloud/paginator', '@google-cloud/projectify'],
  },
  // Hosted APIs reached over HTTP.
  ...group('service', [
    'stripe',
    'twilio',
    '@sendgrid/mail',
    'nodemailer',
    '@slack/web-api',
    '@slack/bolt',
    'openai',
    '@anthropic-ai/sdk',
    '@google/generative-ai',
    '@google/genai',
    'octokit',
    '@octokit/rest',
    '@sentry/node',
    'dd-trace',
    'newrelic',
  ]),
  // Loggers whose transports write to files, streams or the network (they require `fs`, `os`, `net`, ...).
  ...group('logger', ['winston', 'bunyan', 'log4js']),
  // File system and configuration files.
  ...group('filesystem', [
    'fs-extra',
    'graceful-fs',
    'glob',
    'fast-glob',
    'globby',
    'chokidar',
    'rimraf',
    'mkdirp',
    'tmp',
    'dotenv',
  ]),
  // Child processes and browsers.
  ...group('process', ['execa', 'shelljs', 'cross-spawn', 'puppeteer', 'playwright']),
];

/** Human-readable category, for messages: "`pg` is a database client". */
export const IO_CATEGORY_LABEL: Readonly<Record<IoCategory, string>> = {
  http: 'an HTTP or network client',
  database: 'a database client',
  queue: 'a message-queue client',
  cloud: 'a cloud SDK client',
  service: 'a client of a hosted API',
  logger: 'a logger that writes to files, streams or the network',
  filesystem: 'a file-system package',
  process: 'a package that runs processes',
};

/** The package name of a bare specifier: `@scope/name` or `name`; undefined for relative and absolute paths. */
export function packageName(specifier: string): string | undefined {
  if (specifier.length === 0 || specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('#')) {
    return undefined;
  }
  if (specifier.includes(':')) return undefined;
  const parts = specifier.split('/');
  if (specifier.startsWith('@')) return parts.length >= 2 ? `${parts[0] ?? ''}/${parts[1] ?? ''}` : undefined;
  return parts[0];
}

const patternCache = new Map<string, RegExp>();

function patternRegExp(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    const body = pattern
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]*');
    re = new RegExp(`^${body}(?:/.*)?$`);
    patternCache.set(pattern, re);
  }
  return re;
}

/** True when `specifier` is `pattern`'s package (or a subpath of it); `*` matches within one path segment. */
export function matchesPackagePattern(specifier: string, pattern: string): boolean {
  return patternRegExp(pattern).test(specifier);
}

export interface IoMatch {
  category: IoCategory | 'settings';
}

/** The I/O entry that `specifier` matches, from the built-in list or from `extra` (settings `ioModules`). */
export function matchIoPackage(specifier: string, extra: readonly string[] = []): IoMatch | undefined {
  const name = packageName(specifier);
  if (name === undefined) {
    // Settings may still name a path-like module; compare it literally.
    return extra.some((pattern) => matchesPackagePattern(specifier, pattern)) ? { category: 'settings' } : undefined;
  }
  for (const entry of IO_PACKAGES) {
    if (!matchesPackagePattern(specifier, entry.pattern)) continue;
    if (entry.except?.includes(name)) continue;
    return { category: entry.category };
  }
  return extra.some((pattern) => matchesPackagePattern(specifier, pattern)) ? { category: 'settings' } : undefined;
}
