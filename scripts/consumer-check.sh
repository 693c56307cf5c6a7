#!/usr/bin/env bash
# Consumer check: install the packed library into a fresh `cdktf init --template=typescript`
# project exactly as docs/install.md and the README say, synthesize the README's five lines and
# assert on the JSON; then upgrade it to a newer version with the documented commands and check
# that the new build is what `npm ci` installs (docs/install.md section 5).
#
#   scripts/consumer-check.sh dist/js/cdktf-private-chat@<version>.jsii.tgz
#
# The upgrade needs two versions of one build: the tarball is repacked as version A and version B
# (only package.json's version differs, and a comment in lib/index.js, so that the two tarballs
# differ as two releases do). A release's own version is what `npx projen release` writes
# (docs/operations.md section 7); the check does not depend on it.
#
# Everything happens in a temporary directory outside the repository, which is removed at the end
# (set CONSUMER_CHECK_KEEP=1 to keep it). Needs Node.js >= 20.9 and the npm registry; it does not
# need GitHub, the Terraform registry or a terraform binary. Prints one result line at the end and
# exits non-zero on any failure. About 90 s with a warm npm cache (2 cores): the init about 40 s,
# the upgrade about 15 s.
set -euo pipefail

CDKTF_CLI=cdktf-cli@0.21.0
# The pin docs/install.md explains: the template installs `typescript` unpinned (7.x today), which
# ts-jest 29 (also in the template) refuses as a peer and ts-node 10 cannot load.
TYPESCRIPT_PIN='typescript@~5.9.3'

start=$SECONDS
fail() { echo "consumer-check: FAIL: $*" >&2; exit 1; }

[ $# -eq 1 ] || fail "usage: $0 <path to the packed cdktf-private-chat tarball>"
[ -f "$1" ] || fail "no such tarball: $1"
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")

# The tarball must be a built package: compiled JavaScript, declarations and the jsii assembly.
listing=$(tar -tzf "$tarball") || fail "cannot read $tarball"
for f in package/package.json package/.jsii package/lib/index.js package/lib/index.d.ts; do
  grep -qxF "$f" <<<"$listing" || fail "$tarball has no $f (was the library compiled before packing?)"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/consumer-check.XXXXXX")
cleanup() { if [ "${CONSUMER_CHECK_KEEP:-}" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT

# No prompts, no telemetry call to checkpoint-api.hashicorp.com, dev dependencies installed.
export CI=true CHECKPOINT_DISABLE=1 NODE_ENV=development
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

n=0
# run <label> <command...>: quiet on success (prints the time), the log's tail on failure.
run() {
  local label=$1; shift
  n=$((n + 1))
  local log="$work/$n.log" t0=$SECONDS
  if "$@" </dev/null >"$log" 2>&1; then
    printf '  %-58s %4ds\n' "$label" $((SECONDS - t0))
  else
    local rc=$?
    echo "---- last 40 lines of: $label ----" >&2
    tail -n 40 "$log" >&2
    fail "$label (exit $rc)"
  fi
}

mkdir "$work/consumer"
cd "$work/consumer"
echo "consumer-check: $(basename "$tarball") in $work/consumer"

# 1. The project, as `cdktf init --template=typescript` makes it (its post-hook runs
#    `npm install cdktf@0.21.0 constructs@10` and
#    `npm install -D @types/node typescript jest @types/jest ts-jest ts-node`, all unpinned).
run "cdktf init --template=typescript ($CDKTF_CLI)" \
  npx --yes "$CDKTF_CLI" init --template=typescript --local --project-name consumer \
  --project-description "cdktf-private-chat consumer check" --enable-crash-reporting false

# Two releases of the same build, A and B, named as docs/install.md vendors them.
VERSION_A=0.1.0
VERSION_B=0.2.0
# repack <version> <marker>: the tarball as that version, into $work/packs/cdktf-private-chat-<version>.tgz.
repack() {
  local dir="$work/repack-$1"
  mkdir -p "$dir" "$work/packs"
  tar -xzf "$tarball" -C "$dir"
  node -e 'const f=process.argv[1]; const p=JSON.parse(require("fs").readFileSync(f,"utf8")); p.version=process.argv[2];
    require("fs").writeFileSync(f, JSON.stringify(p, null, 2) + "\n");' "$dir/package/package.json" "$1"
  echo "// consumer-check: build $2" >>"$dir/package/lib/index.js"
  (cd "$dir/package" && npm pack --pack-destination "$work/packs" >/dev/null)
}
run "repack the tarball as $VERSION_A and $VERSION_B" bash -c "$(declare -f repack); work='$work' tarball='$tarball'; repack $VERSION_A A && repack $VERSION_B B"

# 2. The install commands of docs/install.md and the README, verbatim but for the tarball's path:
#    the release tarball is vendored into the project and installed from there.
mkdir vendor
cp "$work/packs/cdktf-private-chat-$VERSION_A.tgz" vendor/
run "npm install -D $TYPESCRIPT_PIN" \
  npm install -D "$TYPESCRIPT_PIN"
run "npm install ./vendor/cdktf-private-chat-$VERSION_A.tgz cdktf constructs providers" \
  npm install "./vendor/cdktf-private-chat-$VERSION_A.tgz" cdktf@^0.21.0 constructs@^10.4.2 \
  @cdktf/provider-azurerm@^14.23.1 @cdktf/provider-azuread@^14.3.1 @cdktf/provider-time@^11.0.1

# 3. The README's five lines, in place of the template's main.ts.
cat >main.ts <<'EOF'
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { App, TerraformStack } from 'cdktf';
import { PrivateChat } from 'cdktf-private-chat';

const app = new App();
const stack = new TerraformStack(app, 'chat');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
new PrivateChat(stack, 'chat', { location: 'swedencentral' });
app.synth();
EOF

# 4. The template's own paths: `cdktf synth` (runs cdktf.json's app, `npx ts-node main.ts`), and
#    its `npm run build` (tsc) and `npm test` (jest + ts-jest), which the pin must keep working.
run "cdktf synth" npx --yes "$CDKTF_CLI" synth
run "npm run build (tsc)" npm run build
run "npm test (jest, ts-jest)" npm test

# 5. The synthesized stack.
summary=$(node - <<'EOF'
const fs = require('fs');
const file = 'cdktf.out/stacks/chat/cdk.tf.json';
const die = (m) => { console.error(m); process.exit(1); };
if (!fs.existsSync(file)) die(`no ${file}`);
const tf = JSON.parse(fs.readFileSync(file, 'utf8'));
const resources = tf.resource || {};
const want = [
  'azurerm_resource_group', 'azurerm_virtual_network', 'azurerm_subnet', 'azurerm_private_endpoint',
  'azurerm_private_dns_zone', 'azurerm_cognitive_account', 'azurerm_cognitive_deployment',
  'azurerm_key_vault', 'azurerm_service_plan', 'azurerm_linux_web_app',
  'azurerm_log_analytics_workspace', 'azuread_application',
];
const missing = want.filter((t) => !resources[t] || Object.keys(resources[t]).length === 0);
if (missing.length) die(`resource types missing from ${file}: ${missing.join(', ')}`);
if (!tf.provider || !tf.provider.azurerm) die(`no azurerm provider block in ${file}`);
const account = Object.values(resources.azurerm_cognitive_account)[0];
if (account.public_network_access_enabled !== false) die('the Azure OpenAI account is not private');
const count = Object.values(resources).reduce((s, r) => s + Object.keys(r).length, 0);
const v = (p) => require(require.resolve(`${p}/package.json`, { paths: [process.cwd()] })).version;
console.log(`${count} resources of ${Object.keys(resources).length} types; typescript ${v('typescript')}, `
  + `ts-jest ${v('ts-jest')}, cdktf ${v('cdktf')}, provider-azurerm ${v('@cdktf/provider-azurerm')}`);
EOF
) || fail "the synthesized stack is wrong (see above)"

# 6. The upgrade of docs/install.md section 5, verbatim: vendor the new release, install it, drop
#    the old one; then what CI does with the committed lockfile, `npm ci`, on a warm cache (the
#    case that used to install the old build when every build was 0.0.0).
cp "$work/packs/cdktf-private-chat-$VERSION_B.tgz" vendor/
run "npm install ./vendor/cdktf-private-chat-$VERSION_B.tgz" npm install "./vendor/cdktf-private-chat-$VERSION_B.tgz"
rm "vendor/cdktf-private-chat-$VERSION_A.tgz"
rm -rf node_modules
run "npm ci (warm cache)" npm ci
upgraded=$(node - "$VERSION_B" <<'EOF'
const fs = require('fs');
const crypto = require('crypto');
const want = process.argv[2];
const die = (m) => { console.error(m); process.exit(1); };
const file = `vendor/cdktf-private-chat-${want}.tgz`;
const spec = JSON.parse(fs.readFileSync('package.json', 'utf8')).dependencies['cdktf-private-chat'];
if (spec !== `file:${file}`) die(`package.json has cdktf-private-chat ${spec}, want file:${file}`);
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')).packages['node_modules/cdktf-private-chat'];
const integrity = `sha512-${crypto.createHash('sha512').update(fs.readFileSync(file)).digest('base64')}`;
if (lock.version !== want || lock.integrity !== integrity) die(`package-lock.json has ${lock.version} ${lock.integrity}, want ${want} ${integrity}`);
const installed = require(require.resolve('cdktf-private-chat/package.json', { paths: [process.cwd()] })).version;
if (installed !== want) die(`node_modules has cdktf-private-chat ${installed}, want ${want}`);
const index = fs.readFileSync(require.resolve('cdktf-private-chat', { paths: [process.cwd()] }), 'utf8');
if (!index.includes('consumer-check: build B')) die('node_modules has the old build of lib/index.js');
console.log(`upgraded to ${installed} (lockfile integrity ${integrity.slice(0, 19)}...)`);
EOF
) || fail "the upgrade did not install the new build (see above)"

echo "consumer-check: PASS: fresh '$CDKTF_CLI init --template=typescript' + $TYPESCRIPT_PIN + the tarball synthesizes the five lines: $summary; $upgraded ($((SECONDS - start)) s)"
