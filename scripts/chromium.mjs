// Finds Debian's Chromium for the browser tests, installing it with apt-get when we are root and
// may do so. Never downloads a browser build of its own (no `npx playwright install`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The first Chromium executable found, from CHROMIUM_PATH or the Debian locations. */
function find() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((p) => existsSync(p));
}

/**
 * Returns `{ path }` of a usable Chromium, or `{ message }` saying exactly what to install.
 * With `install: true`, a root user with apt-get gets Debian's `chromium` package installed.
 */
export function chromiumPath({ install = false } = {}) {
  let path = find();
  if (path) return { path };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (install && isRoot && hasApt) {
    console.log("▶ Chromium not found: installing Debian's chromium package (apt-get)");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const add = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], {
      stdio: 'inherit',
      env,
    });
    path = find();
    if (update.status === 0 && add.status === 0 && path) return { path };
  }
  return {
    message:
      "Chromium is needed for the browser tests and was not found. Install Debian's package as root: " +
      '`apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium executable). ' +
      'Do not use `npx playwright install`.',
  };
}
