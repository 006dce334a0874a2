/**
 * The incremental check (src/data/check-incremental.ts) against the full check: on a generated tree, many random
 * single edits of many kinds, each followed by npm run check's steps (check-run.ts) and by a full check without any
 * cache; the lines must be equal every time, and most edits must have been checked incrementally.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { DataCache } from '../../src/data/cache.ts';
import { runCheck, type CheckPath } from '../../src/data/check-run.ts';
import { checkData } from '../../src/data/index.ts';
import { formatProblem } from '../../src/data/load.ts';
import { generateData } from '../../scripts/generate-data.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/** A small deterministic random source (mulberry32), so that a failure can be replayed from its seed. */
function randomOf(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

type Random = ReturnType<typeof randomOf>;

/** The tree and how to change it: every change edits YAML through `yaml`'s Document, keeping comments. */
function tree(dataRoot: string, random: Random) {
  const files = (folder: string) =>
    readdirSync(join(dataRoot, folder))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  const ids = (folder: string) => files(folder).map((f) => f.slice(0, -'.yaml'.length));
  const path = (folder: string, id: string) => join(dataRoot, folder, `${id}.yaml`);
  const edit = (file: string, change: (doc: ReturnType<typeof parseDocument>) => void) => {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    change(doc);
    writeFileSync(file, doc.toString({ lineWidth: 0 }));
  };
  const programWith = (test: (doc: ReturnType<typeof parseDocument>) => boolean) => {
    for (let tries = 0; tries < 50; tries++) {
      const id = random.pick(ids('programs'));
      if (test(parseDocument(readFileSync(path('programs', id), 'utf8')))) return id;
    }
    return random.pick(ids('programs'));
  };
  const figuresOf = (doc: ReturnType<typeof parseDocument>) => {
    const figures = doc.get('figures');
    return isSeq(figures) ? figures.items.length : 0;
  };
  return { files, ids, path, edit, programWith, figuresOf };
}

/** The kinds of edit, each a function that changes the tree and says what it did. */
function edits(dataRoot: string, random: Random, next: (() => string)[]) {
  const t = tree(dataRoot, random);
  const program = () => random.pick(t.ids('programs'));
  const other = (id: string) => random.pick(t.ids('programs').filter((p) => p !== id));
  /** A copy of a random entry under a new id that sorts before or after it; its keys (ordinal, numbers) clash. */
  const copyEntry = (folder: 'meetings' | 'indicators') => {
    const from = random.pick(t.ids(folder));
    const id = random.next() < 0.5 ? `aa-${from}` : `${from}-copy`;
    if (existsSync(t.path(folder, id))) return 'nothing copied';
    const doc = parseDocument(readFileSync(t.path(folder, from), 'utf8'));
    doc.set('id', id);
    writeFileSync(t.path(folder, id), doc.toString({ lineWidth: 0 }));
    return `${folder.slice(0, -1)} ${id} copied from ${from}`;
  };
  return {
    figure: () => {
      const id = t.programWith((doc) => t.figuresOf(doc) > 0);
      t.edit(t.path('programs', id), (doc) => {
        const i = random.int(t.figuresOf(doc));
        const value = doc.getIn(['figures', i, 'value']) as number;
        doc.setIn(['figures', i, 'value'], value + 1 + random.int(1000));
      });
      return `figure value in ${id}`;
    },
    totalPart: () => {
      // A part of some stated total: its figure changes, so the total (in another file) may break.
      const withTotal = t.programWith((doc) => /total_of/.test(doc.toString()));
      const doc = parseDocument(readFileSync(t.path('programs', withTotal), 'utf8'));
      const parts = [...doc.toString().matchAll(/programs:\s*\n((?:\s+- [a-z0-9-]+\n)+)/g)].flatMap((m) =>
        [...m[1]!.matchAll(/- ([a-z0-9-]+)/g)].map((p) => p[1]!),
      );
      const part = parts.length ? random.pick(parts) : withTotal;
      if (!existsSync(t.path('programs', part))) return `no part to change (${part})`;
      t.edit(t.path('programs', part), (d) => {
        const n = t.figuresOf(d);
        if (n === 0) return;
        for (let i = 0; i < n; i++) {
          const value = d.getIn(['figures', i, 'value']) as number;
          if (random.next() < 0.5) d.setIn(['figures', i, 'value'], value + 1);
        }
      });
      return `figures of ${part}, a part of ${withTotal}'s total`;
    },
    totalBroken: () => {
      const id = t.programWith((doc) => /total_of/.test(doc.toString()));
      t.edit(t.path('programs', id), (doc) => {
        const n = t.figuresOf(doc);
        for (let i = 0; i < n; i++)
          if (doc.hasIn(['figures', i, 'total_of'])) {
            const value = doc.getIn(['figures', i, 'value']) as number;
            doc.setIn(['figures', i, 'value'], value + 7);
            return;
          }
      });
      return `a stated total of ${id}`;
    },
    parent: () => {
      const id = program();
      const to = random.next() < 0.2 ? 'no-such-program' : other(id);
      t.edit(t.path('programs', id), (doc) => doc.set('parent', to));
      return `parent of ${id} → ${to}`;
    },
    parentDropped: () => {
      const id = t.programWith((doc) => doc.has('parent'));
      t.edit(t.path('programs', id), (doc) => {
        doc.delete('parent');
        doc.delete('separate_budget_in');
      });
      return `parent of ${id} dropped`;
    },
    deepChain: () => {
      // c → b → a in one edit; then (the next edit) a → c closes a loop that c sees only through b's parent.
      const [a, b, c] = [program(), program(), program()];
      if (new Set([a, b, c]).size < 3) return 'no chain made';
      t.edit(t.path('programs', b), (doc) => doc.set('parent', a));
      t.edit(t.path('programs', c), (doc) => doc.set('parent', b));
      next.push(() => {
        t.edit(t.path('programs', a), (doc) => doc.set('parent', c));
        return `parent of ${a} → ${c}, closing ${c} → ${b} → ${a}`;
      });
      return `chain ${c} → ${b} → ${a}`;
    },
    cycle: () => {
      const a = program();
      const b = other(a);
      t.edit(t.path('programs', a), (doc) => doc.set('parent', b));
      t.edit(t.path('programs', b), (doc) => doc.set('parent', a));
      return `parent cycle ${a} ↔ ${b}`;
    },
    rename: () => {
      const id = program();
      const to = `${id}-renamed`;
      if (existsSync(t.path('programs', to))) return 'nothing renamed';
      t.edit(t.path('programs', id), (doc) => doc.set('id', to));
      renameSync(t.path('programs', id), t.path('programs', to));
      return `program ${id} renamed ${to}`;
    },
    renameWithFormer: () => {
      const id = program();
      const to = `${id}-new`;
      if (existsSync(t.path('programs', to))) return 'nothing renamed';
      t.edit(t.path('programs', id), (doc) => {
        doc.set('id', to);
        doc.set('former_ids', [id]);
      });
      renameSync(t.path('programs', id), t.path('programs', to));
      return `program ${id} renamed ${to}, with its former id`;
    },
    formerId: () => {
      const id = program();
      // Two gone ids only: programs often claim the same one, and the later is reported (the first owner's rule).
      const taken = random.next() < 0.3 ? other(id) : `gone-${random.int(2)}`;
      t.edit(t.path('programs', id), (doc) => doc.set('former_ids', [taken]));
      return `former id ${taken} on ${id}`;
    },
    remove: () => {
      const id = program();
      rmSync(t.path('programs', id));
      return `program ${id} removed`;
    },
    add: () => {
      const from = program();
      const id = `${from}-copy${random.int(3)}`;
      if (existsSync(t.path('programs', id))) return 'nothing added';
      const doc = parseDocument(readFileSync(t.path('programs', from), 'utf8'));
      doc.set('id', id);
      if (random.next() < 0.5) doc.set('former_ids', [from]);
      writeFileSync(t.path('programs', id), doc.toString({ lineWidth: 0 }));
      return `program ${id} added (copy of ${from})`;
    },
    sourceDropped: () => {
      const id = t.programWith((doc) => /document:/.test(doc.toString()));
      const file = t.path('programs', id);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/document: \S+/, 'document: no-such-document'));
      return `a citation of ${id} names no source`;
    },
    japanese: () => {
      const id = program();
      t.edit(t.path('programs', id), (doc) => doc.setIn(['name', 'en'], '在宅'));
      return `English name of ${id} in Japanese`;
    },
    text: () => {
      const id = program();
      const file = t.path('programs', id);
      writeFileSync(file, `# edited\n${readFileSync(file, 'utf8')}`);
      return `a comment line on top of ${id}`;
    },
    meetingOrdinal: () => {
      const id = random.pick(t.ids('meetings'));
      t.edit(t.path('meetings', id), (doc) => doc.set('ordinal', 1 + random.int(3)));
      return `ordinal of meeting ${id}`;
    },
    // The same committee, year and ordinal as the meeting copied: the later of the two in file order is reported,
    // so a copy named to come first makes the unchanged original's line appear.
    meetingCopy: () => copyEntry('meetings'),
    // The same plan numbers as the indicator copied (each number belongs to the first indicator listing it).
    indicatorCopy: () => copyEntry('indicators'),
    meetingProgram: () => {
      const id = random.pick(t.ids('meetings'));
      t.edit(t.path('meetings', id), (doc) => {
        const agenda = doc.get('agenda');
        if (isSeq(agenda) && agenda.items.length && isMap(agenda.items[0]))
          doc.setIn(['agenda', 0, 'programs'], [random.next() < 0.5 ? program() : 'missing-program']);
      });
      return `programs of meeting ${id}'s agenda`;
    },
    committeeParent: () => {
      const ids = t.ids('committees');
      const id = random.pick(ids);
      const to = random.pick(ids);
      t.edit(t.path('committees', id), (doc) => doc.set('parent', to));
      return `parent of committee ${id} → ${to}`;
    },
    committeeRemoved: () => {
      const id = random.pick(t.ids('committees'));
      rmSync(t.path('committees', id));
      return `committee ${id} removed`;
    },
    schemaError: () => {
      const id = program();
      t.edit(t.path('programs', id), (doc) => doc.set('span', { from: 'soon' }));
      return `schema error in ${id}`;
    },
    listFile: () => {
      const file = join(dataRoot, 'funds.yaml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n# edited\n`);
      return 'a comment in funds.yaml';
    },
  };
}

/** A generated tree in a temporary folder, and npm run check's steps on it with a cache of its own. */
function setUp(programs: number) {
  const root = mkdtempSync(join(tmpdir(), 'atlas-check-incremental-'));
  const dataRoot = join(root, 'data');
  generateData({ programs, out: dataRoot, from: join(projectRoot, 'data') });
  const pristine = join(root, 'pristine');
  cpSync(dataRoot, pristine, { recursive: true, preserveTimestamps: true });
  /** Back to the tree as generated (files edited since get the generated bytes and times again). */
  const restore = () => {
    rmSync(dataRoot, { recursive: true });
    cpSync(pristine, dataRoot, { recursive: true, preserveTimestamps: true });
  };
  const check = async () => {
    const { outcome, path } = await runCheck(
      projectRoot,
      dataRoot,
      {},
      new DataCache(join(root, 'cache'), 'c', 'summary'),
    );
    return { path, problems: outcome.problems };
  };
  const full = () => checkData(projectRoot, dataRoot).problems.map(formatProblem);
  return { root, dataRoot, check, full, restore };
}

describe('the incremental check', () => {
  it('prints what the full check prints after each of many random edits', { timeout: 900_000 }, async () => {
    const { root, dataRoot, check, full, restore } = setUp(120);
    const random = randomOf(20261201);
    /** Edits that must come right after the one that queued them. */
    const queued: (() => string)[] = [];
    const kinds = edits(dataRoot, random, queued);
    const names = Object.keys(kinds) as (keyof typeof kinds)[];
    // Often-made edits come more often; rarer ones (schema errors, list files) still come.
    const weights: Partial<Record<keyof typeof kinds, number>> = {
      schemaError: 0.3,
      listFile: 0.3,
      cycle: 0.5,
      deepChain: 2,
      formerId: 3,
      meetingOrdinal: 2,
    };
    const drawKind = () => {
      const total = names.reduce((sum, n) => sum + (weights[n] ?? 1), 0);
      let r = random.next() * total;
      for (const n of names) if ((r -= weights[n] ?? 1) < 0) return n;
      return names[0]!;
    };
    expect((await check()).path).toBe('full');
    const paths: Record<CheckPath, number> = { stored: 0, edits: 0, incremental: 0, full: 0 };
    let problemsSeen = 0;
    for (let step = 0; step < 90; step++) {
      const follow = queued.shift();
      const kind = follow ? 'deepChain' : drawKind();
      const what = follow ? follow() : kinds[kind]();
      const { path, problems } = await check();
      paths[path]++;
      problemsSeen += problems.length;
      expect({ step, what, problems }).toEqual({ step, what, problems: full() });
      // A schema error is a problem of the file, not an entry's: undo it so that the next edits are incremental.
      if (kind === 'schemaError' || (problems.length > 40 && random.next() < 0.5)) {
        restore();
        expect((await check()).problems).toEqual(full());
      }
    }
    // The test means something only if most edits went the incremental way and some had problems.
    expect(paths.incremental).toBeGreaterThan(60);
    expect(problemsSeen).toBeGreaterThan(50);
    rmSync(root, { recursive: true, force: true });
    // eslint-disable-next-line no-console
    console.log('check paths taken:', paths);
  });
});
