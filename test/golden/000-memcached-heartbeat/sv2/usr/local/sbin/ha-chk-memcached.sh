#!/bin/bash
# /usr/local/sbin/ha-chk-memcached.sh: checks memcached on the active node of cluster memcached and hands the
# resources to the peer (hb_standby) when it fails. heartbeat respawns it (ha.cf). Rendered by hactl.
set -u

VIP='172.16.0.1'
HOST='172.16.0.1'
PORT=11211
PIDFILE='/var/run/memcached/memcached.pid'
PROCESS='memcached'
CHECK_INTERVAL=40
IDLE_INTERVAL=30
TIMEOUT=5
HB_STANDBY='/usr/lib64/heartbeat/hb_standby'

log() {
    logger -t "ha-chk-memcached" -- "$*"
}

trap 'exit 0' TERM INT

# sleep in the background so that heartbeat's TERM ends the script at once
pause() {
    sleep "$1" &
    wait "$!"
}

# The VIP lives on the node that runs the resources; a standby node has nothing to check.
is_active() {
    if [ -n "$VIP" ]; then
        ip -o -4 addr show | awk -v vip="$VIP" '{ split($4, a, "/"); if (a[1] == vip) found = 1 } END { exit !found }'
    else
        case "$(cl_status rscstatus 2>/dev/null)" in
            all|local) return 0 ;;
            *) return 1 ;;
        esac
    fi
}

process_alive() {
    local pid
    if [ -z "$PIDFILE" ]; then
        pgrep -x "$PROCESS" >/dev/null
        return
    fi
    [ -r "$PIDFILE" ] || return 1
    read -r pid < "$PIDFILE" || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null
}

# memcached answers `stats` with "STAT pid N"; bash's /dev/tcp replaces telnet and timeout bounds a hung server.
service_answers() {
    timeout "$TIMEOUT" bash -c '
        exec 3<>"/dev/tcp/$1/$2" || exit 1
        printf "stats\r\nquit\r\n" >&3
        grep -q "^STAT pid " <&3
    ' _ "$HOST" "$PORT"
}

healthy() {
    process_alive && service_answers
}

if [ ! -x "$HB_STANDBY" ]; then
    log "cannot hand over resources: $HB_STANDBY is missing"
    exit 1
fi

while true; do
    if ! is_active; then
        pause "$IDLE_INTERVAL"
        continue
    fi
    # one retry: a service that is being restarted refuses connections for a moment
    if ! healthy && { pause 2; ! healthy; }; then
        log "memcached failed its check on $(uname -n): handing the resources to the peer"
        "$HB_STANDBY"
        pause "$IDLE_INTERVAL"
        continue
    fi
    pause "$CHECK_INTERVAL"
done
