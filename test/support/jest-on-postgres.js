#!/usr/bin/env node
// Runs the test files that use a store (through openTestDatabase or createTestNewsdesk) a
// second time with every store on PostgreSQL: the same suite must pass on both databases.
// Arguments are passed to jest; test paths among them replace the automatic selection.
// Skips, saying so, when no PostgreSQL answers.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const url = process.env.NEWSDESK_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const probe = spawnSync(
  process.execPath,
  ['-e', `const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1],connectionTimeoutMillis:3000});
c.connect().then(()=>c.query('select 1')).then(()=>c.end()).then(()=>process.exit(0),(e)=>{console.error(e.message);process.exit(1);});`, url],
  { cwd: root, encoding: 'utf8', timeout: 10000 },
);
if (probe.status !== 0) {
  const where = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  process.stdout.write(`PostgreSQL tests skipped: no server answers at ${where} (${(probe.stderr || 'timeout').trim()}).\n`);
  process.exit(0);
}

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

// A test file opens a store when it, or a helper it imports (transitively), calls
// openTestDatabase or createTestNewsdesk or branches on testsOnPostgres. The two support
// modules that define those are not followed (every user of tempDir would count). Files
// that always run on PostgreSQL (describeWithPostgres without openTestDatabase) already
// ran on it in the first run.
const OPENS_STORE = /\b(openTestDatabase|createTestNewsdesk)\(|\btestsOnPostgres\b/;
const DEFINERS = new Set(['test-database.ts', 'test-newsdesk.ts'].map((f) => path.join(root, 'test', 'support', f)));
const opensCache = new Map();
function opensStore(file, seen = new Set()) {
  if (opensCache.has(file)) return opensCache.get(file);
  if (seen.has(file) || DEFINERS.has(file) || !fs.existsSync(file)) return false;
  seen.add(file);
  const text = fs.readFileSync(file, 'utf8');
  const imports = [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => path.resolve(path.dirname(file), `${m[1]}.ts`));
  const result = OPENS_STORE.test(text) || imports.some((i) => i.startsWith(path.join(root, 'test')) && opensStore(i, seen));
  opensCache.set(file, result);
  return result;
}
function alwaysOnPostgres(file) {
  const text = fs.readFileSync(file, 'utf8');
  return /\bdescribeWithPostgres\b/.test(text) && !/\bopenTestDatabase\(/.test(text);
}

const args = process.argv.slice(2);
const explicit = args.some((a) => !a.startsWith('-'));
const selected = explicit ? [] : testFiles(path.join(root, 'test')).filter((file) => opensStore(file) && !alwaysOnPostgres(file));
if (!explicit && selected.length === 0) {
  process.stdout.write('PostgreSQL run: no test file opens a store.\n');
  process.exit(0);
}
process.stdout.write(`PostgreSQL run: ${explicit ? 'the given tests' : `${selected.length} test files that open a store`}, each on a fresh schema.\n`);
const jest = spawnSync(
  process.execPath,
  [require.resolve('jest/bin/jest', { paths: [root] }), ...args, ...selected.map((f) => path.relative(root, f))],
  { cwd: root, stdio: 'inherit', env: { ...process.env, NEWSDESK_TEST_DB: 'postgres' } },
);
process.exit(jest.status ?? 1);
