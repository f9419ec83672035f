#!/usr/bin/env bash
# r3-view's command line as a user meets it: --help on stdout with status 0, a bad option named
# on stderr with status 2, and a broker that is not there named with host:port and the reason,
# status 1 once --connect-timeout passes.   cli_test.sh PATH/TO/r3-view
set -u
view=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # check WHAT CONDITION...
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what"; fail=1; fi
}

"$view" --help >"$tmp/out" 2>"$tmp/err"; rc=$?
check "--help exits 0" test "$rc" = 0
check "--help prints the usage on stdout" grep -q '^Usage: r3-view' "$tmp/out"
check "--help prints nothing on stderr" test ! -s "$tmp/err"
check "--help fits 100 columns" test "$(awk 'length($0) > 100' "$tmp/out" | wc -l)" = 0

"$view" --frobnicate >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a bad option exits 2" test "$rc" = 2
check "a bad option is named on stderr" grep -q "unknown option '--frobnicate'" "$tmp/err"
check "a bad option prints nothing on stdout" test ! -s "$tmp/out"

"$view" --port 99999 >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a bad port exits 2" test "$rc" = 2
check "a bad port is named" grep -q "'99999' is not a port" "$tmp/err"

"$view" --ca-file "$tmp/missing.crt" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "a missing CA file exits 2" test "$rc" = 2
check "a missing CA file is named" grep -q "missing.crt' is not readable" "$tmp/err"

# A port nobody listens on: bound, then closed, a moment ago.
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start=$SECONDS
"$view" --host 127.0.0.1 --port "$port" --plain --connect-timeout 2 >"$tmp/out" 2>"$tmp/err"; rc=$?
check "an unreachable broker exits 1 after --connect-timeout" test "$rc" = 1
check "... within a few seconds" test $((SECONDS - start)) -le 10
check "... naming host:port and the reason on stderr" \
  grep -q "broker 127.0.0.1:$port: Connection refused" "$tmp/err"
check "... and on the screen while retrying" \
  grep -q "broker 127.0.0.1:$port UNREACHABLE: Connection refused; retrying in" "$tmp/out"
check "every screen line fits 100 columns" test "$(awk 'length($0) > 100' "$tmp/out" | wc -l)" = 0
[ "$fail" = 0 ] || { echo "--- stdout"; cat "$tmp/out"; echo "--- stderr"; cat "$tmp/err"; }
exit "$fail"
