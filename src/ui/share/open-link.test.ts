import { describe, expect, it } from 'vitest';
import { openingFromHash } from './open-link.js';
import { shareLink } from './share-link.js';
import { DEMOS, findDemo } from '../demos/builtin.js';
import { DEFAULT_FILES } from '../state/defaults.js';
import { DEFAULT_SETTINGS } from '../state/settings.js';
import { demoHash, encodeShare, hashOf } from '../../share/link.js';

const FILES = { 'b.ddp': 'export "b" = input 0;', 'a.txt': 'install b b.ddp', 'z.txt': 'tick' };

describe('openingFromHash', () => {
  it('bundles every demo of the gallery', () => {
    expect(DEMOS.map((d) => d.name)).toHaveLength(12);
    expect(Object.keys(findDemo('reach')?.files ?? {}).sort()).toEqual(['reach.ddp', 'session.txt']);
  });

  it('opens a shared workspace, running it only when the link says so', () => {
    const run = openingFromHash(encodeShare({ files: FILES, script: 'z.txt', workers: 2, run: true }));
    expect(run).toEqual({
      files: FILES,
      active: 'b.ddp',
      script: 'z.txt',
      workers: 2,
      run: true,
      notice: null,
      demo: null,
    });
    const offer = openingFromHash(encodeShare({ files: FILES, script: 'a.txt', workers: 1, run: false }));
    expect(offer).toMatchObject({
      run: false,
      notice: 'Opened a shared workspace (3 files). Press Run script to run a.txt.',
    });
  });

  it('offers at most the workers this machine has', () => {
    const many = openingFromHash(
      encodeShare({ files: FILES, script: 'z.txt', workers: 64, run: true }),
      DEMOS,
      8,
    );
    expect(many).toMatchObject({
      workers: 8,
      notice: 'The link asks for 64 workers; this machine offers 8.',
    });
  });

  it('opens a demo by its share name, with its narrative and without running it', () => {
    expect(openingFromHash(demoHash('k-core'))).toMatchObject({
      files: findDemo('k-core')?.files,
      script: 'session.txt',
      run: false,
      demo: 'k-core',
      notice: null,
    });
  });

  it('opens the default demo with a clear message for a link it cannot open', () => {
    expect(openingFromHash('#s=broken')).toMatchObject({
      files: DEFAULT_FILES,
      run: true,
      notice: expect.stringMatching(
        /^This share link could not be opened: the link is damaged .* Opened the default demo instead\.$/,
      ),
    });
    expect(openingFromHash('#demo=nope')).toMatchObject({
      files: DEFAULT_FILES,
      notice: 'There is no demo named "nope"; opened the default demo instead.',
    });
  });

  it('leaves other hashes alone', () => {
    expect(openingFromHash('')).toBeNull();
    expect(openingFromHash('#top')).toBeNull();
  });
});

describe('shareLink', () => {
  it('names an unchanged demo, and carries anything else', () => {
    const reach = findDemo('reach');
    if (reach === undefined) throw new Error('no reach demo');
    const state = { files: reach.files, script: 'session.txt', settings: DEFAULT_SETTINGS };
    expect(shareLink(state, 'https://p.test/x/#old', true)).toEqual({
      url: 'https://p.test/x/#demo=reach',
      demo: 'reach',
    });
    const edited = { ...state, files: { ...reach.files, 'session.txt': 'tick\n' } };
    const { url, demo } = shareLink(edited, 'https://p.test/x/', true);
    expect(demo).toBeNull();
    expect(openingFromHash(hashOf(url))).toMatchObject({ files: edited.files, run: true });
    const workers = shareLink(
      { ...state, settings: { ...DEFAULT_SETTINGS, workers: 2 } },
      'https://p.test/',
      false,
    );
    expect(openingFromHash(hashOf(workers.url))).toMatchObject({
      files: reach.files,
      workers: 2,
      run: false,
    });
  });
});
