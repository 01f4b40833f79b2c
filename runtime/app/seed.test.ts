import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../observability/logger';
import type { App } from './open-app';
import { seedDemoContent } from './seed';
import { openTestApp } from './testing';

const SHIPPED = path.resolve(__dirname, '../../templates');
const silent = createLogger({ level: 'silent' });

describe('seedDemoContent', () => {
  let app: App;
  beforeAll(async () => { app = await openTestApp(); });
  afterAll(async () => { await app?.close(); });

  it('puts every shipped template in place as an active starter, with its samples as datasets', async () => {
    await seedDemoContent({ app, templatesDir: SHIPPED, logger: silent });
    const templates = await app.repos.templates.list();
    expect(templates.map((t) => [t.name, t.origin, t.latestStatus])).toEqual(expect.arrayContaining([
      ['Broker ETD statement to canonical positions', 'shipped', 'active'],
      ['Excel trade blotter to canonical trades', 'shipped', 'active'],
      ['FpML confirmations to canonical OTC trades', 'shipped', 'active'],
      ['ETD position recon: internal books vs broker', 'shipped', 'active'],
      ['ETD position three-way recon: internal vs broker vs CCP', 'shipped', 'active'],
    ]));
    const datasets = await app.repos.datasets.list();
    expect(datasets.map((d) => [d.name, d.format]).sort()).toEqual([
      ['broker-etd-statement.csv', 'csv'], ['broker-positions.csv', 'csv'], ['broker-statement.csv', 'csv'], ['ccp-position-report.json', 'json'],
      ['cds-single-name.xml', 'fpml'], ['fx-forward-eurusd.xml', 'fpml'], ['internal-etd-book.csv', 'csv'],
      ['internal-positions.csv', 'csv'], ['irs-eur-6m.xml', 'fpml'], ['trade-blotter.xlsx', 'xlsx'],
    ]);
  });

  it('adds nothing the second time', async () => {
    const before = [(await app.repos.templates.list()).length, await app.repos.datasets.count()];
    await seedDemoContent({ app, templatesDir: SHIPPED, logger: silent });
    expect([(await app.repos.templates.list()).length, await app.repos.datasets.count()]).toEqual(before);
  });

  it('skips a shipped template that does not validate, and goes on', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'opspilot-seed-'));
    try {
      await mkdir(path.join(dir, 'broken'));
      await writeFile(path.join(dir, 'broken', 'template.json'), '{"schemaVersion": 1, "name": "Broken"}');
      await mkdir(path.join(dir, 'bad-json'));
      await writeFile(path.join(dir, 'bad-json', 'template.json'), '{');
      await seedDemoContent({ app, templatesDir: dir, logger: silent });
      expect((await app.repos.templates.list()).some((t) => t.name === 'Broken')).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
