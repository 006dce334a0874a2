import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dataFileOf,
  lastChanged,
  pageDataFiles,
  pageDataKey,
  parseGitLog,
  readDataDates,
  recentChanges,
  recentChangesByDay,
  tokyoDay,
} from '../../src/lib/data-dates.ts';
import { relationsOf } from '../../src/lib/relations.ts';
import { checkData } from '../../src/data/index.ts';
import { COLLECTION_NAMES, type Collections } from '../../src/schemas/index.ts';
import { ROOT, VALID } from '../helpers/fixtures.ts';

/** The valid fixture tree as pages see it: collections with their relations. */
function fixtureData() {
  const checked = checkData(ROOT, VALID);
  expect(checked.problems).toEqual([]);
  const collections = Object.fromEntries(
    COLLECTION_NAMES.map((name) => [name, checked.entries.filter((e) => e.collection === name).map((e) => e.data)]),
  ) as Collections;
  return { ...collections, ...relationsOf(collections) };
}

describe('tokyoDay and parseGitLog', () => {
  it('gives the calendar day in Japan', () => {
    expect(tokyoDay('2026-11-24T20:00:00+00:00')).toBe('2026-11-25');
    expect(tokyoDay('2026-11-24T14:59:59Z')).toBe('2026-11-24');
    expect(tokyoDay('2026-11-25T08:00:00+09:00')).toBe('2026-11-25');
  });

  it('keeps the newest commit of each file (git log lists the newest first)', () => {
    const log = [
      '',
      '2026-11-25T10:00:00+09:00\n\nprograms/a.yaml\n',
      '2026-10-01T10:00:00+09:00\n\nprograms/a.yaml\nsources.yaml\n',
    ].join('\u0000');
    expect([...parseGitLog(log)]).toEqual([
      ['programs/a.yaml', '2026-11-25'],
      ['sources.yaml', '2026-10-01'],
    ]);
  });
});

describe('readDataDates', () => {
  const noGit = () => undefined;

  it('falls back to SOURCE_DATE_EPOCH, then the last commit, then the newest date the data states', () => {
    const stated = ['2025-02-05', undefined, '2024-07-01'];
    expect(readDataDates('/x', '/x', stated, { SOURCE_DATE_EPOCH: '1764028800' }, noGit).fallback).toBe('2025-11-25');
    const headOnly = (args: string[]) => (args.includes('-1') ? '2026-01-02T00:00:00+09:00\n' : undefined);
    expect(readDataDates('/x', '/x', stated, {}, headOnly).fallback).toBe('2026-01-02');
    const dates = readDataDates('/x', '/x', stated, {}, noGit);
    expect(dates).toEqual({ byFile: new Map(), fallback: '2025-02-05' });
  });

  it('reads each file’s last commit from a real repository, and a shallow clone’s one commit', () => {
    const repo = mkdtempSync(join(tmpdir(), 'atlas-dates-'));
    const git = (args: string[], date?: string, cwd = repo) =>
      execFileSync('git', args, {
        cwd,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@example.org',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@example.org',
          ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
        },
        encoding: 'utf8',
      });
    git(['init', '-q']);
    mkdirSync(join(repo, 'data/programs'), { recursive: true });
    writeFileSync(join(repo, 'data/programs/a.yaml'), 'id: a\n');
    writeFileSync(join(repo, 'data/sources.yaml'), '[]\n');
    git(['add', '.']);
    git(['commit', '-qm', 'one'], '2026-10-01T12:00:00+09:00');
    writeFileSync(join(repo, 'data/programs/a.yaml'), 'id: a # changed\n');
    writeFileSync(join(repo, 'data/programs/new.yaml'), 'id: new\n');
    git(['add', 'data/programs/a.yaml']);
    git(['commit', '-qm', 'two'], '2026-11-24T20:00:00+00:00');

    const dates = readDataDates(join(repo, 'data'), repo, [], {});
    expect(Object.fromEntries(dates.byFile)).toEqual({ 'programs/a.yaml': '2026-11-25', 'sources.yaml': '2026-10-01' });
    expect(dates.fallback).toBe('2026-11-25');
    // The untracked file has no history: it gets the fallback.
    expect(lastChanged(['programs/new.yaml'], dates)).toBe('2026-11-25');
    expect(lastChanged(['sources.yaml'], dates)).toBe('2026-10-01');

    const clone = mkdtempSync(join(tmpdir(), 'atlas-shallow-'));
    git(['clone', '-q', '--depth', '1', `file://${repo}`, clone], undefined, tmpdir());
    const shallow = readDataDates(join(clone, 'data'), clone, [], {});
    expect(Object.fromEntries(shallow.byFile)).toEqual({
      'programs/a.yaml': '2026-11-25',
      'sources.yaml': '2026-11-25',
    });
  });
});

describe('pageDataFiles and lastChanged', () => {
  const data = fixtureData();
  const dates = {
    byFile: new Map([
      ['programs/nursing-total.yaml', '2026-01-10'],
      ['programs/nursing-stations.yaml', '2026-03-01'],
      ['programs/ventilator-support.yaml', '2026-05-05'],
      ['meetings/subcommittee-2024-2.yaml', '2026-02-01'],
      ['bureaus.yaml', '2026-06-30'],
    ]),
    fallback: '2025-12-31',
  };

  it('a program page is built from the program, its parent and components and the meetings about it', () => {
    const files = pageDataFiles('/programs/nursing-total/', data);
    expect(files).toEqual(expect.arrayContaining(['programs/nursing-total.yaml', 'programs/nursing-stations.yaml']));
    expect(files).toContain('meetings/subcommittee-2024-2.yaml');
    expect(files).not.toContain('programs/ventilator-support.yaml');
    expect(files).not.toContain('bureaus.yaml');
    expect(pageDataFiles('/en/programs/nursing-total/', data)).toEqual(files);
    // The newest of its files: the component changed on 1 March.
    expect(lastChanged(files, dates)).toBe('2026-03-01');
  });

  it('index and grouping pages depend on their whole collections; unknown pages on all the data', () => {
    const index = pageDataFiles('/programs/', data);
    expect(index).toEqual(expect.arrayContaining(['programs/ventilator-support.yaml', 'bureaus.yaml']));
    expect(pageDataFiles('/en/programs/by-budget/2025/', data)).toEqual(index);
    expect(lastChanged(index, dates)).toBe('2026-06-30');
    const everything = pageDataFiles('/', data);
    expect(everything).toContain('glossary.yaml');
    expect(pageDataFiles('/en/about/', data)).toEqual(everything);
    expect(pageDataFiles('/no-such-kind/x/', data)).toEqual(everything);
  });

  it("a glossary section page depends on the glossary; a source's cited-by pages on the source page's files", () => {
    expect(pageDataFiles('/glossary/ka-gyo/', data)).toEqual(['glossary.yaml']);
    expect(pageDataFiles('/en/glossary/h/', data)).toEqual(['glossary.yaml']);
    const source = data.sources[0]!.id;
    expect(pageDataFiles(`/sources/${source}/cited-by/page/2/`, data)).toEqual(
      pageDataFiles(`/sources/${source}/`, data),
    );
  });

  it('pages with the same pageDataKey have the same files: both languages, every page of a list', () => {
    const [a, b] = data.programs.map((p) => p.id);
    expect(pageDataKey(`/programs/${a}/`, data)).toBe(pageDataKey(`/en/programs/${a}/`, data));
    expect(pageDataKey(`/programs/${a}/`, data)).not.toBe(pageDataKey(`/programs/${b}/`, data));
    expect(pageDataKey('/programs/page/2/', data)).toBe('programs');
    expect(pageDataKey('/en/programs/by-budget/2025/page/3/', data)).toBe('programs');
    expect(pageDataKey('/fy/2025/page/3/', data)).toBe(pageDataKey('/en/fy/2025/page/4/', data));
    expect(pageDataKey('/fy/2025/page/3/', data)).toBe('fy/2025');
    // Further pages of the meetings list show the list's data, not a meeting's (there is no meeting "page").
    expect(pageDataKey('/en/meetings/page/2/', data)).toBe('meetings');
    expect(pageDataFiles('/meetings/page/2/', data)).toBe(pageDataFiles('/meetings/', data));
    expect(pageDataFiles('/meetings/', data)).not.toEqual(pageDataFiles('/', data));
    expect(pageDataKey('/sources/x/cited-by/page/2/', data)).toBe('sources/x/cited-by');
    expect(pageDataKey('/fy/2025/', data)).not.toBe(pageDataKey('/fy/2024/', data));
    expect(pageDataKey('/', data)).toBe('');
    expect(pageDataFiles('/fy/2025/page/3/', data)).toBe(pageDataFiles('/en/fy/2025/page/4/', data));
    expect(pageDataFiles('/en/fy/2025/', data)).toEqual(pageDataFiles('/fy/2025/', data));
  });

  it('a file without a date takes the fallback', () => {
    expect(lastChanged(['glossary.yaml'], dates)).toBe('2025-12-31');
  });

  it('recent changes: pages whose entries changed last come first', () => {
    const recent = recentChanges(data, dates, 3);
    expect(recent.map((r) => `${r.date} ${dataFileOf(r)}`)).toEqual([
      '2026-05-05 programs/ventilator-support.yaml',
      '2026-03-01 programs/nursing-stations.yaml',
      '2026-02-01 meetings/subcommittee-2024-2.yaml',
    ]);
  });

  it('recent changes by day: the last days, a few entries each and how many more', () => {
    const days = recentChangesByDay(data, dates, 2, 1);
    expect(days.map((d) => [d.date, d.entries.map(dataFileOf), d.more])).toEqual([
      ['2026-05-05', ['programs/ventilator-support.yaml'], 0],
      ['2026-03-01', ['programs/nursing-stations.yaml'], 0],
    ]);
    // Every other entry has no history: all take the fallback day, listed once with a count.
    const last = recentChangesByDay(data, dates, 10, 2).at(-1)!;
    expect(last.date).toBe('2025-12-31');
    expect(last.entries).toHaveLength(2);
    expect(last.more).toBeGreaterThan(0);
  });
});
