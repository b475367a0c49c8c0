#!/bin/sh
# Installs what the stack runs, only the packages that are missing: on hactl's baked box this is a check that finds
# them all (guests have no internet). usage: packages.sh "INSTALL COMMAND" PACKAGE...
set -eu
install=$1
shift
[ $# -gt 0 ] || exit 0

installed() {
  if command -v dpkg-query >/dev/null 2>&1; then
    dpkg-query -W -f '${db:Status-Abbrev}' "$1" 2>/dev/null | grep -q '^ii'
  else
    rpm -q "$1" >/dev/null 2>&1
  fi
}

missing=''
for p in "$@"; do installed "$p" || missing="$missing $p"; done
if [ -z "$missing" ]; then
  echo "hactl: packages present: $*"
  exit 0
fi
echo "hactl: installing$missing"
# a fresh Debian box has no package lists
if command -v apt-get >/dev/null 2>&1; then apt-get update -q; fi
sh -c "$install$missing"
