import { describe, expect, it } from 'vitest';
import { dataDir } from './data-dir.js';

describe('dataDir', () => {
  it('takes PARANEO_DATA_DIR first', () => {
    expect(dataDir({ PARANEO_DATA_DIR: '/srv/paraneo', XDG_DATA_HOME: '/x' }, 'linux', '/home/a')).toBe(
      '/srv/paraneo/pglite',
    );
  });
  it('follows the XDG rule on Linux, ignoring a relative XDG_DATA_HOME', () => {
    expect(dataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/a')).toBe('/data/paraneo/pglite');
    expect(dataDir({ XDG_DATA_HOME: 'rel' }, 'linux', '/home/a')).toBe('/home/a/.local/share/paraneo/pglite');
    expect(dataDir({ PARANEO_DATA_DIR: '' }, 'linux', '/home/a')).toBe('/home/a/.local/share/paraneo/pglite');
  });
  it('uses Application Support on macOS', () => {
    expect(dataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/paraneo/pglite');
  });
});
