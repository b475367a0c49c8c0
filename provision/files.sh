#!/bin/sh
# Places the files hactl rendered for this node. HACTL_FILES holds one "mode owner path base64" line per file; each is
# written next to its target and renamed into place, and a file it replaces is kept as path.YYYYMMDD (the seeds' habit).
set -eu
: "${HACTL_FILES:?is empty: run this through the hactl Vagrantfile}"
day=$(date +%Y%m%d)
printf '%s\n' "$HACTL_FILES" | while read -r mode owner path data; do
  [ -n "$path" ] || continue
  mkdir -p "$(dirname "$path")"
  tmp="$path.hactl-tmp"
  printf '%s' "$data" | base64 -d > "$tmp"
  chmod "$mode" "$tmp"
  chown "$owner" "$tmp"
  if [ -e "$path" ] && ! cmp -s "$tmp" "$path" && [ ! -e "$path.$day" ]; then cp -p "$path" "$path.$day"; fi
  mv -f "$tmp" "$path"
  echo "hactl: placed $path ($mode $owner)"
done
