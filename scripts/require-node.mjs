// The one Node version check. Imported first by every script and copied into dist/ (by
// scripts/build.mjs) for the action and CLI shims, which import it before the bundle: on an
// older Node the bundle would die with a SyntaxError about a missing export (globSync, …).
// Keep this file free of imports and of syntax newer than Node 18, so that it runs there too.
const REQUIRED_MAJOR = 24;
const major = Number(process.versions.node.split('.')[0]);
if (!(major >= REQUIRED_MAJOR)) {
  process.stderr.write(
    `aegis-actions needs Node.js ${REQUIRED_MAJOR} or newer; this is Node.js ${process.versions.node} (${process.execPath}).\n` +
      `Install Node ${REQUIRED_MAJOR} (e.g. nvm install ${REQUIRED_MAJOR}, or the node@${REQUIRED_MAJOR} package), put it first on PATH, and run the command again.\n`,
  );
  process.exit(1);
}
