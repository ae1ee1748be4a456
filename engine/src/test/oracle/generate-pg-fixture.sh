#!/usr/bin/env bash
# Regenerates engine/src/test/resources/pg/terraform/ with Terraform's pg backend as the oracle: what Terraform
# creates in a fresh database (pg_dump of the schema and the catalog facts of layout.sql), the rows it writes
# after applying a small terraform_data configuration in the default workspace and in a second one, and the
# advisory locks seen in pg_locks while Terraform holds its lock (an apply waiting at its approval prompt).
# Needs `terraform` (1.11) and PostgreSQL's server binaries (Debian's `postgresql`); the tests never do.
# Run from anywhere (as root it runs the server as the `postgres` user, or `nobody`):
#   bash engine/src/test/oracle/generate-pg-fixture.sh
# Then review the diff of the fixture like code.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
res="$here/../resources/pg"
out="$res/terraform"
mkdir -p "$out"

bindir=""
for d in "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")" /usr/local/bin /usr/lib/postgresql/*/bin; do
  if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then bindir="$(dirname "$(readlink -f "$d/initdb")")"; break; fi
done
[ -n "$bindir" ] || { echo "no initdb/pg_ctl: apt-get install postgresql" >&2; exit 1; }
pgbin() { "$bindir/$1" "${@:2}"; }

work="$(mktemp -d)"
chmod 755 "$work"
as_user=()
if [ "$(id -u)" = 0 ]; then
  user=postgres; getent passwd postgres >/dev/null || user=nobody
  as_user=(runuser -u "$user" --)
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 54329)"
mkdir -p "$work/pg"
[ "${#as_user[@]}" = 0 ] || chown "$user" "$work/pg"
stop() {
  "${as_user[@]}" "$bindir/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT
"${as_user[@]}" "$bindir/initdb" -D "$work/pg/data" -U terraform -A trust -E UTF8 --no-locale >/dev/null
"${as_user[@]}" "$bindir/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $work/pg -c fsync=off" start >/dev/null
psql_() { pgbin psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U terraform "$@"; }
psql_ -d postgres -c 'create database tfstate'
export PG_CONN_STR="postgres://terraform@127.0.0.1:$port/tfstate?sslmode=disable"
schema=terraform_remote_state

mkdir "$work/tf"
cat > "$work/tf/main.tf" <<'TF'
terraform {
  backend "pg" {}
}
resource "terraform_data" "peer" {
  input = "peer-${terraform.workspace}"
}
output "peer" {
  value = terraform_data.peer.output
}
TF
touch "$work/terraformrc"
export TF_CLI_CONFIG_FILE="$work/terraformrc" TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
tf() { (cd "$work/tf" && terraform "$@" -no-color); }
tf init -input=false >/dev/null

# What the backend created: the DDL as pg_dump prints it (header, SET lines and \restrict keys left out: they
# vary by server version and run), and the catalog facts that the store's test compares.
pgbin pg_dump -h 127.0.0.1 -p "$port" -U terraform --schema-only --no-owner --no-privileges \
  -n "$schema" -t "$schema.*" -t public.global_states_id_seq tfstate \
  | grep -v -e '^--' -e '^SET ' -e '^SELECT pg_catalog' -e '^\\' | cat -s > "$out/ddl.sql"
psql_ -d tfstate -At -v schema="$schema" -f "$res/layout.sql" > "$out/layout.txt"

tf apply -auto-approve -input=false >/dev/null
tf workspace new staging >/dev/null
# A new workspace is a row holding an empty state (Terraform writes it as the workspace's sentinel).
psql_ -d tfstate -At -c "select data from $schema.states where name = 'staging'" | jq . > "$out/new-workspace-row.json"
tf apply -auto-approve -input=false >/dev/null
tf workspace list > "$out/workspaces.txt"
psql_ -d tfstate -At -c "select json_agg(json_build_object('id', id, 'name', name, 'data', data::json) order by id)
                          from $schema.states" | jq . > "$out/rows.json"

# The lock: an apply of a change in `staging`, waiting at its prompt, its stdin a pipe held open here.
mkfifo "$work/answer"
(cd "$work/tf" && terraform apply -no-color -replace=terraform_data.peer < "$work/answer" > "$work/apply.out" 2>&1) &
apply_pid=$!
exec 3> "$work/answer"
for _ in $(seq 1 100); do
  grep -q 'Enter a value' "$work/apply.out" 2>/dev/null && break
  sleep 0.2
done
grep -q 'Enter a value' "$work/apply.out" || { cat "$work/apply.out" >&2; exit 1; }
staging_id="$(psql_ -d tfstate -At -c "select id from $schema.states where name = 'staging'")"
{
  echo "# pg_locks (advisory) while terraform apply waits at its prompt in workspace staging (states.id = $staging_id)"
  echo "# key|key is|objsubid|mode|granted   (pg_locks shows a bigint key k as classid = k >> 32, objid = k & 0xffffffff)"
  psql_ -d tfstate -At -c "select k, case when k = $staging_id then 'states.id of staging' else 'other' end,
                                  objsubid, mode, granted
                             from (select (classid::bigint << 32) | objid::bigint as k, * from pg_locks
                                    where locktype = 'advisory') l order by k"
} > "$out/locks.txt"
# A second run on the same workspace while the first holds the lock: Terraform's refusal, as a user sees it.
tf plan -input=false -lock-timeout=0s > "$work/refused.out" 2>&1 || true
sed -e 's/^\(  ID: *\).*/\1<lock id>/' -e 's/^\(  Who: *\).*/\1<user@host>/' -e 's/^\(  Created: *\).*/\1<time>/' \
  "$work/refused.out" > "$out/lock-refused.txt"
echo no >&3
exec 3>&-
wait "$apply_pid" || true

echo "wrote $out"
