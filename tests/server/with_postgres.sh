#!/bin/bash
# Runs a test program against a throwaway PostgreSQL cluster: AUL_TEST_POSTGRES holds its
# connection string; the cluster is removed when the program ends, whatever its result.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cluster=$(mktemp -u /tmp/aul-pg-XXXXXX)
trap 'bash "$here/pg_cluster.sh" stop "$cluster"' EXIT
AUL_TEST_POSTGRES=$(bash "$here/pg_cluster.sh" start "$cluster")
export AUL_TEST_POSTGRES
"$@"
