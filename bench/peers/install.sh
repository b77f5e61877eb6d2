#!/usr/bin/env bash
# install.sh - installs the peers of `./sluice bench compare` (idempotent; re-running changes nothing).
#   rsyslog:         apt-get, only if rsyslogd is missing (Debian 12: 8.2302). A temporary policy-rc.d keeps the
#                    package's maintainer scripts from starting it as a service; the benchmark runs it in the
#                    foreground with its own config.
#   syslog-ng, loggen: syslog-ng-core conflicts with rsyslog as Debian packages (both provide system-log-daemon), so
#                    its .deb and the few libraries it needs are downloaded and unpacked into a private root,
#                    $SLUICE_PEERS_ROOT (default /tmp/sng), never installed. A root that already has loggen is reused.
# Prints one line naming the versions. Needs root (apt-get) when something is missing.
set -euo pipefail
sng=${SLUICE_PEERS_ROOT:-/tmp/sng}
if ! command -v rsyslogd >/dev/null; then
  added_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && added_policy=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rsyslog >/dev/null
  [ -z "$added_policy" ] || rm -f /usr/sbin/policy-rc.d
fi
if [ ! -x "$sng/root/usr/bin/loggen" ]; then
  mkdir -p "$sng"
  (cd "$sng" && apt-get download -qq syslog-ng-core libivykis0 libnet1 libpcre3 libwrap0 &&
     for deb in *.deb; do dpkg -x "$deb" root; done)
fi
# The library path the unpacked syslog-ng and loggen need (compare-peers.sh sets the same).
export LD_LIBRARY_PATH=$sng/root/usr/lib/syslog-ng:$sng/root/usr/lib/x86_64-linux-gnu:$sng/root/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
echo "peers ready: $(rsyslogd -v | head -1 | awk '{print "rsyslog", $2}' | tr -d ,)," \
     "$(SYSLOGNG_PREFIX=$sng/root/usr "$sng/root/usr/sbin/syslog-ng" --version | head -1), loggen in $sng/root/usr/bin"
