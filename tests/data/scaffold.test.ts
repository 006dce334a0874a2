/** `npm run new -- program|meeting <id>` writes a file that passes the data check, and refuses bad ids. */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixtures.ts';
import { checkData } from '../../src/data/index.ts';
import { schemaCommentOf } from '../../src/data/schema-comment.ts';

const tree = mkdtempSync(join(tmpdir(), 'atlas-scaffold-'));
const data = join(tree, 'data');
cpSync(join(ROOT, 'data'), data, { recursive: true });
afterAll(() => rmSync(tree, { recursive: true, force: true }));

const node = process.execPath;
const scaffold = (...args: string[]) =>
  spawnSync(node, [join(ROOT, 'scripts/new-entry.ts'), ...args, '--data', data], { encoding: 'utf8' });

describe('npm run new', () => {
  it('program <id> writes data/programs/<id>.yaml with the schema line, and the data check passes', () => {
    const r = scaffold('program', 'scaffolded-program');
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(join(data, 'programs/scaffolded-program.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(schemaCommentOf('programs'));
    expect(text).toContain('id: scaffolded-program');
    expect(checkData(ROOT, data).problems).toEqual([]);
  });
  it('meeting <id> writes a meeting with its committee, fiscal year and ordinal, and the check passes', () => {
    const r = scaffold('meeting', 'scaffolded-meeting', '--date', '2025-03-10');
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(join(data, 'meetings/scaffolded-meeting.yaml'), 'utf8');
    expect(text).toContain('fiscal_year: 2024');
    expect(text).toContain("date: '2025-03-10'");
    expect(checkData(ROOT, data).problems).toEqual([]);
  });
  it('`npm run check` on the scaffolded tree exits 0', () => {
    const out = execFileSync('npm', ['run', '-s', 'check', '--', '--data', data], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toContain('data is valid');
  });
  it('refuses an id already used, an unknown kind, and an id that is not kebab-case, writing nothing', () => {
    const used = scaffold('program', 'acp-promotion');
    expect(used.status).toBe(1);
    expect(used.stderr).toContain('already exists');
    const bad = scaffold('program', 'Bad_Id');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('kebab-case');
    expect(existsSync(join(data, 'programs/Bad_Id.yaml'))).toBe(false);
    const kind = scaffold('plan', 'x');
    expect(kind.status).toBe(1);
  });
});
