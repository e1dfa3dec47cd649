// Where the embedded database lives: PARANEO_DATA_DIR, else the user's data folder by each platform's rules.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The PGlite data directory.
 *
 * @param env - process.env or a test's stand-in
 * @param platform - process.platform
 * @returns PARANEO_DATA_DIR; else $XDG_DATA_HOME/paraneo or ~/.local/share/paraneo (Linux and others),
 *   ~/Library/Application Support/paraneo (macOS), %LOCALAPPDATA%\paraneo\Data (Windows)
 * @see https://specifications.freedesktop.org/basedir-spec/latest/
 */
export function dataDir(
  env: Env = process.env,
  platform: NodeJS.Platform = process.platform,
  home = homedir(),
): string {
  const own = env.PARANEO_DATA_DIR;
  if (own !== undefined && own !== '') return join(own, 'pglite');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'paraneo', 'pglite');
  if (platform === 'win32')
    return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'paraneo', 'Data', 'pglite');
  // The XDG rule: a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  const base = xdg !== undefined && isAbsolute(xdg) ? xdg : join(home, '.local', 'share');
  return join(base, 'paraneo', 'pglite');
}
