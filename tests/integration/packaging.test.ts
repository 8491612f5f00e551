// Checks the electron-builder configuration without packaging (that needs downloads this machine cannot make):
// schema validity, the installer targets, which files end up in the app, the native module handling and the icons.
import type { Stats } from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FuseConfig, FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants.js';
import Ajv from 'ajv';
import { PlatformPackager } from 'app-builder-lib';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import type { Configuration, TargetConfigType } from 'electron-builder';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path));

const rawConfig: unknown = load(read('electron-builder.yml').toString('utf8'));
const config = rawConfig as Configuration;
const pkg = JSON.parse(read('package.json').toString('utf8')) as {
  name: string;
  productName?: string;
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  build?: unknown;
};

// Same Ajv setup as electron-builder's own validator (strict: false for the schema's custom "typeof" keyword),
// but without coerceTypes, so e.g. `oneClick: "false"` (a string) is an error here rather than silently fixed.
// The validator runs a handful of times: skipping Ajv's code optimisation saves a third of the compile time.
const schema = JSON.parse(read('node_modules/app-builder-lib/scheme.json').toString('utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false, code: { optimize: false } }).compile(schema);

/** target name -> architectures, from one platform's `target` setting. */
function targets(setting: TargetConfigType | undefined): Record<string, string[]> {
  const list = setting == null ? [] : Array.isArray(setting) ? setting : [setting];
  const result: Record<string, string[]> = {};
  for (const entry of list) {
    if (typeof entry === 'string') {
      result[entry] = [];
    } else {
      const arch = entry.arch == null ? [] : Array.isArray(entry.arch) ? entry.arch : [entry.arch];
      result[entry.target] = arch.map(String).sort();
    }
  }
  return result;
}

/** A regular-file stat for electron-builder's path filters (they only ask isDirectory()). */
const fileStat = { isDirectory: () => false, isFile: () => true } as unknown as Stats;
const patterns = (setting: Configuration['files'] | Configuration['asarUnpack']): string[] =>
  (Array.isArray(setting) ? setting : [setting]).filter((p): p is string => typeof p === 'string');

// electron-builder's own matcher: app files use `files` as given; node_modules files use "**/*" plus the
// exclusions of `files` (app-builder-lib getNodeModuleFileMatcher); asarUnpack is matched the same way.
const appFilter = new FileMatcher(root, '/app', (s) => s, patterns(config.files)).createFilter();
const moduleFilter = new FileMatcher(root, '/app', (s) => s, [
  '**/*',
  ...patterns(config.files).filter((p) => p.startsWith('!')),
]).createFilter();
const unpackFilter = new FileMatcher(root, '/app', (s) => s, patterns(config.asarUnpack)).createFilter();
const packaged = (filter: typeof appFilter, path: string) => filter(join(root, path), fileStat);

describe('electron-builder.yml', () => {
  it('is valid against electron-builder 26 scheme.json, which rejects unknown keys', () => {
    expect(validate(rawConfig), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The check has teeth: a misspelt option anywhere is an error, as it is for electron-builder.
    expect(validate({ ...config, nsis: { ...config.nsis, oneclick: false } })).toBe(false);
    expect(validate({ ...config, linux: { ...config.linux, categorie: 'Office' } })).toBe(false);
  });

  it('is the configuration electron-builder will load, for the app called Tilsyn', () => {
    // A "build" key in package.json takes precedence over electron-builder.yml, which would then be ignored.
    expect(pkg.build).toBeUndefined();
    expect(config.productName).toBe('Tilsyn');
    expect(pkg.productName).toBe(config.productName);
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*){2,}$/);
    expect(config.copyright).toMatch(/^Copyright © \d{4} \S/);
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
    expect(read('.gitignore').toString('utf8').split('\n')).toContain('release/');
    expect(pkg.scripts.dist).toMatch(/^npm run build && electron-builder\b.*--publish never/);
  });

  it('builds NSIS and MSI for Windows x64, dmg for both Mac architectures, AppImage and deb for Linux x64', () => {
    expect(targets(config.win?.target)).toEqual({ nsis: ['x64'], msi: ['x64'] });
    expect(targets(config.mac?.target)).toEqual({ dmg: ['arm64', 'x64'] });
    expect(targets(config.linux?.target)).toEqual({ AppImage: ['x64'], deb: ['x64'] });
  });

  it('makes an assisted, Danish NSIS installer that allows a per-user install and keeps the database', () => {
    const nsis = config.nsis ?? {};
    expect(nsis.oneClick).toBe(false);
    expect(nsis.perMachine).toBe(false); // false + assisted = the user chooses "only for me" or "all users"
    expect(nsis.selectPerMachineByDefault).not.toBe(true);
    expect(nsis.installerLanguages).toEqual(['da_DK']);
    expect(nsis.language).toBe('1030'); // LCID for Danish; the version resource uses it too
    expect(nsis.createDesktopShortcut).toBe(true);
    expect(nsis.createStartMenuShortcut).toBe(true);
    expect(nsis.shortcutName).toBe('Tilsyn');
    expect(nsis.deleteAppDataOnUninstall).not.toBe(true);
  });

  it('makes a per-machine MSI for central deployment with a fixed upgrade code', () => {
    const msi = config.msi ?? {};
    expect(msi.perMachine).toBe(true);
    expect(msi.runAfterFinish).toBe(false);
    expect(msi.shortcutName).toBe('Tilsyn');
    expect(msi.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  });

  it('describes the app for macOS and Linux desktops, in Danish where users see it', () => {
    expect(config.mac?.category).toBe('public.app-category.productivity');
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.notarize).toBe(false);
    const linux = config.linux ?? {};
    expect(linux.category).toBe('Office');
    expect(linux.maintainer).toMatch(/^\S.* <[^@\s]+@[^@\s]+\.[a-z]+>$/); // dpkg needs a name and an e-mail
    expect(linux.synopsis?.length).toBeLessThanOrEqual(80);
    expect(linux.synopsis).toMatch(/[æøå]/);
    expect(linux.description).toMatch(/[æøå]/);
    // Electron takes the window class from package.json desktopName; the .desktop file must carry the same name.
    expect(config.extraMetadata).toEqual({ desktopName: `${linux.executableName}.desktop` });
    expect(linux.syncDesktopName).toBe(true);
  });

  it('packages the built app and package.json, not sources, source maps, the browser-mode host or the bench', () => {
    // What `npm run build` writes (scripts/build-node.mjs) must be what package.json starts.
    expect(pkg.main).toBe('dist/electron/main.cjs');
    const buildScript = read('scripts/build-node.mjs').toString('utf8');
    expect(buildScript).toContain(`'${pkg.main}'`);
    expect(buildScript).toContain("'dist/electron/preload.cjs'");
    for (const file of ['package.json', pkg.main, 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      expect(packaged(appFilter, file), file).toBe(true);
    }
    for (const file of [
      'dist/electron/main.cjs.map',
      'dist/electron/web.cjs',
      'dist/bench/run.mjs',
      'electron/main.ts',
      'renderer/public/icon.svg',
      'tests/integration/packaging.test.ts',
      'build/icon.png',
      'electron-builder.yml',
    ]) {
      expect(packaged(appFilter, file), file).toBe(false);
    }
  });

  it('ships as production dependencies only the packages the Node bundles keep external', () => {
    // Everything else is bundled by Vite or esbuild; as a dependency it would be copied into app.asar again.
    const buildScript = read('scripts/build-node.mjs').toString('utf8');
    const externals = JSON.parse((/external: (\[[^\]]*\])/.exec(buildScript)?.[1] ?? '[]').replaceAll("'", '"'));
    expect(externals).toContain('better-sqlite3');
    for (const dependency of Object.keys(pkg.dependencies)) expect(externals, dependency).toContain(dependency);
  });

  it('rebuilds better-sqlite3 for Electron and ships its addon outside the asar archive', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asar).toBe(true);
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(packaged(unpackFilter, addon)).toBe(true);
    expect(packaged(unpackFilter, 'node_modules/better-sqlite3/lib/index.js')).toBe(false);
    // The exclusions trim sources and build leftovers but keep everything the module loads at run time.
    for (const file of [
      addon,
      'node_modules/better-sqlite3/lib/index.js',
      'node_modules/better-sqlite3/package.json',
      'node_modules/bindings/bindings.js',
      'node_modules/file-uri-to-path/index.js',
    ]) {
      expect(packaged(moduleFilter, file), file).toBe(true);
    }
    for (const file of [
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      'node_modules/better-sqlite3/src/better_sqlite3.cpp',
      'node_modules/better-sqlite3/build/Release/obj/gen/sqlite3/sqlite3.c',
    ]) {
      expect(packaged(moduleFilter, file), file).toBe(false);
    }
  });
});

// Electron's own fuse wire as it ships (electron/fuses.json5, in FuseV1Options order): run-as-node, NODE_OPTIONS,
// --inspect and file:// privileges on; cookie encryption, ASAR integrity, ASAR-only and the V8 snapshot off.
const ELECTRON_DEFAULT_WIRE = '10110001';
/** What each fuse must be in the packaged app (the V8 snapshot fuse is left as Electron ships it). */
const WANTED_FUSES: Record<string, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
  enableCookieEncryption: true,
};

/** electron-builder's own translation of `electronFuses` into @electron/fuses' config (private, so reached here). */
const builderFuseConfig = (fuses: unknown): Promise<FuseConfig> =>
  (
    PlatformPackager.prototype as unknown as { generateFuseConfig(f: unknown): Promise<FuseConfig> }
  ).generateFuseConfig.call(undefined, fuses);

describe('Electron fuses', () => {
  it('are set in electron-builder.yml, each by a key scheme.json knows and to its safe value', () => {
    expect(config.electronFuses).toEqual(WANTED_FUSES);
    const fuseKeys = Object.keys(
      (schema as { definitions: { FuseOptionsV1: { properties: object } } }).definitions.FuseOptionsV1.properties,
    );
    for (const key of Object.keys(WANTED_FUSES)) expect(fuseKeys, key).toContain(key);
    // A misspelt fuse or a value that is not a boolean is refused, as electron-builder refuses it.
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } })).toBe(false);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'false' } })).toBe(false);
  });

  it('flip the fuse wire of an Electron binary the way electron-builder does before signing', async () => {
    // A stand-in binary: bytes around Electron's sentinel, fuse wire version 1, eight fuses at Electron's defaults.
    const dir = mkdtempSync(join(tmpdir(), 'tilsyn-fuses-'));
    try {
      const binary = join(dir, 'tilsyn');
      const wire = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(ELECTRON_DEFAULT_WIRE)]);
      writeFileSync(binary, Buffer.concat([Buffer.alloc(4096, 0x90), wire, Buffer.alloc(4096, 0x90)]));
      const fuseConfig = await builderFuseConfig(config.electronFuses);
      expect(fuseConfig.version).toBe(FuseVersion.V1);
      expect(await flipFuses(binary, fuseConfig)).toBe(1);
      const state = await getCurrentFuseWire(binary);
      const expected: Record<number, FuseState> = {
        [FuseV1Options.RunAsNode]: FuseState.DISABLE,
        [FuseV1Options.EnableCookieEncryption]: FuseState.ENABLE,
        [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.DISABLE,
        [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.DISABLE,
        [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.ENABLE,
        [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.ENABLE,
        [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FuseState.DISABLE,
        [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.DISABLE,
      };
      for (const [index, want] of Object.entries(expected)) {
        expect(state[Number(index) as FuseV1Options], FuseV1Options[Number(index)]).toBe(want);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leave the app working: it forks no Node process, loads no file:// page and is packed into app.asar', () => {
    // runAsNode off breaks child_process.fork in the main process; file:// privileges off would break file:// pages.
    const electronDir = join(root, 'electron');
    const sources = readdirSync(electronDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const text = readFileSync(join(electronDir, file), 'utf8');
      expect(text, file).not.toMatch(/\bfork\(|ELECTRON_RUN_AS_NODE|\.loadFile\(|loadURL\(\s*[`'"]file:/);
    }
    expect(read('electron/main.ts').toString('utf8')).toMatch(/loadURL\(`\$\{APP_ORIGIN\}\//);
    // onlyLoadAppFromAsar and the integrity check need the app inside app.asar.
    expect(config.asar).toBe(true);
  });
});

describe('icons in build/', () => {
  it('uses the icon files that exist for each platform', () => {
    expect(config.win?.icon).toBe('build/icon.ico');
    expect(config.mac?.icon).toBe('build/icon.png');
    expect(config.linux?.icon).toBe('build/icon.png');
    for (const icon of [config.win?.icon, config.mac?.icon, config.linux?.icon]) {
      expect(statSync(join(root, String(icon))).isFile(), String(icon)).toBe(true);
    }
  });

  it('has a 1024x1024 RGBA icon.png (electron-builder makes the .icns from it; it needs at least 512)', () => {
    const png = read('build/icon.png');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(png[25]).toBe(6); // colour type 6 = truecolour with alpha: the rounded corners are transparent
  });

  it('has an icon.ico holding every size from 16 to 256 px', () => {
    const ico = read('build/icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const width = ico[entry] || 256; // 0 means 256
      const height = ico[entry + 1] || 256;
      expect(height).toBe(width);
      const bytes = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(bytes).toBeGreaterThan(0);
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      sizes.push(width);
    }
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});
