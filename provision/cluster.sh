#!/bin/sh
# The cluster-wide step, run once on one node after every node is up: wait until HACTL_WAIT succeeds (seed 001 polls
# `crm node status`), let the cluster settle, then run HACTL_RUN (e.g. `crm configure < /var/lib/hactl/crm-configure.crm`).
set -eu
: "${HACTL_WAIT:?}" "${HACTL_RUN:?}"
timeout=${HACTL_TIMEOUT:-300}
deadline=$(( $(date +%s) + timeout ))
until sh -c "$HACTL_WAIT" >/dev/null 2>&1; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "hactl: cluster not ready after ${timeout}s: \`$HACTL_WAIT\` still fails:" >&2
    sh -c "$HACTL_WAIT" >&2 || true
    exit 1
  fi
  sleep 1
done
sleep "${HACTL_SETTLE:-5}"
sh -c "$HACTL_RUN"
echo "hactl: cluster step done: $HACTL_RUN"
