import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config/load-config';
import { repoRoot } from '../support/paths';
import { ConfigError } from '../../src/errors';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('runs on defaults: console mode, SQLite under data/, no chat platform', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ path: 'data/newsdesk.db' });
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
    expect(config.healthPort).toBeUndefined();
    expect(config.logLevel).toBe('warn');
    expect(loadConfig({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '1' }).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
  });

  it('names every bad variable at once, with what to do', () => {
    const problems = problemsOf({ LOG_LEVEL: 'loud', PORT: 'eighty', DIGEST_TIMEZONE: 'Mars/Base', DIGEST_TIME: '25:00' });
    const text = problems.join('\n');
    expect(text).toMatch(/LOG_LEVEL is invalid \(got "loud"\): use one of/);
    expect(text).toMatch(/PORT is invalid.*whole number/);
    expect(text).toMatch(/DIGEST_TIME is invalid.*08:30/);
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });

  it('reports a half-configured Slack app by the missing variable', () => {
    const problems = problemsOf({ SLACK_SIGNING_SECRET: 'secret' });
    expect(problems.join('\n')).toMatch(/SLACK_BOT_TOKEN is missing/);
  });

  it('reports a bad timezone separately from the schema', () => {
    expect(problemsOf({ DIGEST_TIMEZONE: 'Mars/Base' }).join('\n')).toMatch(/DIGEST_TIMEZONE is invalid.*IANA/);
  });

  it('turns on the health port by default only when a chat platform is configured', () => {
    const config = loadConfig({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '1' });
    expect(config.healthPort).toBe(9464);
    expect(loadConfig({ HEALTH_PORT: '9100' }).healthPort).toBe(9100);
  });

  it('rejects a DATABASE_URL that is not PostgreSQL without echoing its credentials', () => {
    const text = problemsOf({ DATABASE_URL: 'mysql://admin:hunter2@db/x' }).join('\n');
    expect(text).toMatch(/DATABASE_URL is invalid: use a postgres:\/\//);
    expect(text).not.toMatch(/hunter2/);
  });

  it('treats blank variables, as in a copied .env.example, as unset', () => {
    const example = fs.readFileSync(path.join(repoRoot, '.env.example'), 'utf8');
    const env = Object.fromEntries(
      example.split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    const config = loadConfig(env);
    expect(config.logLevel).toBe('warn');
    expect(config.storiesDir).toBe(path.join(repoRoot, 'digests'));
    expect(config.slack).toBeUndefined();
  });
});
