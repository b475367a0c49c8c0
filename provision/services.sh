#!/bin/sh
# Enables the stack's daemons at boot and brings each to its current configuration: a stopped one is started, a
# running one gets ACTION (start leaves it alone). On failure it shows the daemon's last log lines.
# usage: services.sh start|reload|restart SERVICE...
set -eu
action=$1
shift

show_log() {
  if command -v journalctl >/dev/null 2>&1; then journalctl -u "$1" -n 20 --no-pager >&2 || true
  elif [ -r /var/log/messages ]; then tail -n 20 /var/log/messages >&2 || true
  fi
}

for service in "$@"; do
  if [ -d /run/systemd/system ]; then
    # enabling reloads systemd, which costs an emulated guest many seconds: only when needed
    systemctl is-enabled --quiet "$service" || systemctl enable --quiet "$service"
    if systemctl is-active --quiet "$service"; then
      [ "$action" = start ] || systemctl "$action" "$service" || { show_log "$service"; exit 1; }
    else
      systemctl start "$service" || { show_log "$service"; exit 1; }
    fi
  else
    chkconfig "$service" on
    if service "$service" status >/dev/null 2>&1; then
      [ "$action" = start ] || service "$service" "$action" || { show_log "$service"; exit 1; }
    else
      service "$service" start || { show_log "$service"; exit 1; }
    fi
  fi
  echo "hactl: $service enabled and running"
done
