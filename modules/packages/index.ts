import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { defineWxtModule } from 'wxt/modules';

/** `git ls-files` with these arguments in `root`: paths relative to it. */
function gitFiles(root: string, ...args: string[]): string[] {
  return execFileSync('git', ['ls-files', '-z', ...args], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
}

/**
 * `wxt zip` (npm run zip, docs/building.md): nothing git ignores (a private key, a local build)
 * goes into a package. The sources package is the files git tracks; the extension's own files are
 * built from them and public/, where the build would copy an ignored file as it is.
 */
export default defineWxtModule((wxt) => {
  wxt.hook('zip:extension:start', () => {
    const { root, publicDir } = wxt.config;
    const ignored = gitFiles(root, '--others', '--ignored', '--exclude-standard', '--', path.relative(root, publicDir));
    if (ignored.length > 0) throw new Error(`No package: git ignores ${ignored.join(', ')}, which the build would copy into the extension (move it out)`);
  });
  wxt.hook('zip:sources:start', () => {
    wxt.config.zip.includeSources = gitFiles(wxt.config.root);
  });
});
