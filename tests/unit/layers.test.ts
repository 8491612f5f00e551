import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layers of the code, kept by a test over the real import graph (type-only imports included):
 * shared/ is pure and used by both sides, the renderer talks to the backend only through the API contract,
 * db/ knows nothing of Electron or the screens, and no file imports itself round a circle.
 */

const ROOT = resolve(import.meta.dirname, '..', '..');
const LAYERS = ['shared', 'db', 'electron', 'renderer'] as const;
type Layer = (typeof LAYERS)[number];

const FORBIDDEN: Record<Layer, readonly Layer[]> = {
  shared: ['db', 'electron', 'renderer'],
  db: ['electron', 'renderer'],
  electron: ['renderer'],
  renderer: ['db', 'electron'],
};

type Graph = Map<string, string[]>;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const CANDIDATES = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec);
  for (const ending of CANDIDATES) {
    const path = base + ending;
    if (existsSync(path) && statSync(path).isFile() && /\.(ts|tsx|mts)$/.test(path)) return path;
  }
  return null;
}

/** Every relative import (static, dynamic, type-only, re-export) of the production sources, as repo paths. */
function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const layer of LAYERS) {
    for (const file of sourceFiles(join(ROOT, layer))) {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = importedFiles
        .map((f) => resolveImport(file, f.fileName))
        .filter((t): t is string => t !== null)
        .map((t) => relative(ROOT, t));
      graph.set(relative(ROOT, file), [...new Set(targets)]);
    }
  }
  return graph;
}

function layerOf(path: string): Layer | null {
  const top = path.split(/[\\/]/)[0];
  return (LAYERS as readonly string[]).includes(top ?? '') ? (top as Layer) : null;
}

/** "a.ts → b.ts" for each import that crosses into a layer its own layer must not use. */
function layerViolations(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const own = layerOf(from);
    if (!own) continue;
    for (const to of targets) {
      const other = layerOf(to);
      if (other && FORBIDDEN[own].includes(other)) out.push(`${from} → ${to}`);
    }
  }
  return out;
}

/** The import cycles (strongly connected components of more than one file, or a file importing itself). */
function importCycles(graph: Graph): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, indices.get(w) ?? 0));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return cycles;
}

describe('the checks themselves', () => {
  it('find a forbidden import and a cycle in a made-up graph', () => {
    const graph: Graph = new Map([
      ['shared/domain/a.ts', ['db/store.ts']],
      ['db/store.ts', ['shared/domain/a.ts', 'db/x.ts']],
      ['db/x.ts', ['db/y.ts']],
      ['db/y.ts', ['db/x.ts']],
      ['renderer/src/s.tsx', ['electron/backend/index.ts', 'shared/domain/a.ts']],
      ['electron/backend/index.ts', []],
    ]);
    expect(layerViolations(graph)).toEqual([
      'shared/domain/a.ts → db/store.ts',
      'renderer/src/s.tsx → electron/backend/index.ts',
    ]);
    expect(importCycles(graph).sort()).toEqual([
      ['db/store.ts', 'shared/domain/a.ts'],
      ['db/x.ts', 'db/y.ts'],
    ]);
  });
});

describe('the layers of the code', () => {
  const graph = importGraph();

  it('reads the whole tree', () => {
    for (const layer of LAYERS) {
      expect([...graph.keys()].filter((f) => layerOf(f) === layer).length).toBeGreaterThan(5);
    }
  });

  it('shared/ imports nothing from db/, electron/ or renderer/; the renderer nothing from db/ or electron/', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('has no import cycles between files', () => {
    expect(importCycles(graph)).toEqual([]);
  });

  it("imports 'electron' only in electron/main.ts and electron/preload.ts", () => {
    const users = [...graph.keys()].filter((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
      return importedFiles.some((f) => f.fileName === 'electron');
    });
    expect(users.sort()).toEqual(['electron/main.ts', 'electron/preload.ts']);
  });
});
