#!/usr/bin/env bash
# A real mail server on 127.0.0.1 for trying the info@ channel by hand and for the tests
# (tests/Sked.Workflows.Testing/MailServer.cs runs this same script on free ports).
#   Dovecot: IMAP with IDLE and STARTTLS (plus IMAPS), LMTP delivery into maildirs under the state dir.
#   Exim:    SMTP with STARTTLS and AUTH PLAIN/LOGIN (plus SMTPS), every recipient handed to Dovecot.
# Every address is a mailbox (info@sked.test, citizen1@example.test, ...); a password is needed only
# to log in, and the master account reads any mailbox as "ADDRESS*master".
# Both servers run as one unprivileged user (Dovecot refuses to serve mail as root): the caller when
# not root, else the system user sked-mail, created on first use. No systemd, no /etc changes
# besides that user; nothing of the system's own Exim or Dovecot is used or touched.
#
# Usage: scripts/mail-dev.sh [start] [STATE_DIR]           start (restart) and print the app's settings
#        scripts/mail-dev.sh add-user ADDRESS PASSWORD [STATE_DIR]
#        scripts/mail-dev.sh settings [STATE_DIR]          print the app's settings again
#        scripts/mail-dev.sh stop [STATE_DIR]
#        scripts/mail-dev.sh install                       only install the packages (scripts/test.sh does)
# STATE_DIR defaults to /tmp/sked-mail-dev. Ports: MAIL_IMAP_PORT (1143), MAIL_IMAPS_PORT (1993),
# MAIL_SMTP_PORT (2525), MAIL_SMTPS_PORT (2465). MAIL_IDLE=no hides IDLE from Dovecot's capabilities.
# MAIL_INFO_PASSWORD sets info@sked.test's password (else one is generated on first start and kept);
# MAIL_USERS="a@x.test:pw b@y.test:pw" adds accounts at start.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
die() { echo "mail-dev: $*" >&2; exit 1; }

INFO_ADDRESS=info@sked.test
SERVICE_USER=sked-mail

command=start
case "${1:-}" in
  start|stop|add-user|settings|install) command=$1; shift ;;
esac
if [ "$command" = add-user ]; then
  [ $# -ge 2 ] || die "usage: $0 add-user ADDRESS PASSWORD [STATE_DIR]"
  new_address=$1 new_password=$2
  shift 2
fi
STATE=${1:-/tmp/sked-mail-dev}
case $command in start|add-user) mkdir -p "$STATE" ;; esac
STATE=$(cd "$STATE" 2>/dev/null && pwd || echo "$STATE")
instance=$(echo "$STATE" | md5sum | cut -c1-8)

# Runs a command as the unprivileged mail user.
if [ "$(id -u)" -eq 0 ]; then
  run_user=$SERVICE_USER
  as_mail_user() { runuser -u "$SERVICE_USER" -- "$@"; }
else
  run_user=$(id -un)
  as_mail_user() { "$@"; }
fi

install_packages() {
  if [ ! -x /usr/sbin/dovecot ] || [ ! -x /usr/lib/dovecot/lmtp ] || [ ! -x /usr/lib/dovecot/imap ] || [ ! -x /usr/sbin/exim4 ]; then
    echo "Installing Dovecot (IMAP, LMTP) and Exim from Debian's packages..." >&2
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd dovecot-lmtpd exim4-daemon-light >/dev/null
    # The packages' own services (Exim on 127.0.0.1:25, Dovecot on 143/993 of every interface) are
    # not used: stop and disable them if apt started them.
    disable_system_service exim4
    disable_system_service dovecot
  fi
  if [ "$(id -u)" -eq 0 ] && ! id "$SERVICE_USER" >/dev/null 2>&1; then
    # Tolerates a parallel start that created the user first.
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$SERVICE_USER" 2>/dev/null || id "$SERVICE_USER" >/dev/null
  fi
}

disable_system_service() {
  if [ -d /run/systemd/system ]; then
    as_root systemctl disable --now "$1" >/dev/null 2>&1 || true
  else
    as_root service "$1" stop >/dev/null 2>&1 || true
    as_root update-rc.d "$1" disable >/dev/null 2>&1 || true
  fi
}

# Adds or replaces an account (Dovecot's passwd-file; Exim's AUTH reads the same file).
add_user() {
  local address=${1,,} password=$2 file=$STATE/etc/users
  case "$address$password" in *:*|*' '*|*'"'*) die "addresses and passwords may not contain ':', spaces or quotes" ;; esac
  [ -n "$password" ] || die "empty password for $address"
  mkdir -p "$STATE/etc"
  touch "$file"
  awk -F: -v address="$address" '$1 != address' "$file" > "$file.new"
  echo "$address:$password::::::" >> "$file.new"
  mv "$file.new" "$file"
  chmod 640 "$file"
  [ "$(id -u)" -ne 0 ] || chown "$SERVICE_USER:" "$file"
}

password_of() { awk -F: -v address="$1" '$1 == address { print $2; exit }' "$STATE/etc/users"; }

# Signals the servers (their own pid files) and the background jobs that started them (in case a
# server has not written its pid file yet) at once, then waits for them to go (Dovecot takes ~1 s).
stop_servers() {
  local pidfile pids=()
  for pidfile in "$STATE/run/master.pid" "$STATE/run/exim.pid" "$STATE/run/dovecot.job" "$STATE/run/exim.job"; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null && pids+=("$(cat "$pidfile")")
    rm -f "$pidfile"
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do alive "$pid" || break; sleep 0.05; done
    kill -9 "$pid" 2>/dev/null || true
  done
}

# A zombie (a finished job nobody reaped, as in containers whose init does not) is not alive.
alive() { [ -r "/proc/$1/stat" ] && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }

make_certificate() {
  [ -f "$STATE/etc/cert.pem" ] && return
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
    -keyout "$STATE/etc/key.pem" -out "$STATE/etc/cert.pem" 2>/dev/null
  chmod 640 "$STATE/etc/key.pem"
}

write_dovecot_config() {
  local capability=""
  if [ "${MAIL_IDLE:-yes}" = no ]; then
    # Dovecot 2.3's own list without IDLE, so clients must poll.
    capability="imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE"
  fi
  cat > "$STATE/etc/dovecot.conf" <<EOF
# Written by scripts/mail-dev.sh; rewritten at every start.
instance_name = sked-mail-$instance
login_greeting = Sked mail $instance ready.
base_dir = $STATE/run
state_dir = $STATE/lib
log_path = $STATE/log/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
default_internal_user = $run_user
default_internal_group = $(id -gn "$run_user")
default_login_user = $run_user
first_valid_uid = 1
ssl = yes
ssl_cert = <$STATE/etc/cert.pem
ssl_key = <$STATE/etc/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
auth_master_user_separator = *
# Addresses are case-insensitive: Info@Sked.test logs in to, and is delivered into, info@sked.test.
auth_username_format = %Lu
postmaster_address = postmaster@sked.test
mail_location = maildir:$STATE/mail/%u/Maildir
mail_fsync = never
# New mail wakes IDLE through inotify; the stat fallback runs every second.
mailbox_idle_check_interval = 1 secs
$capability
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $STATE/etc/users
}
passdb {
  driver = passwd-file
  master = yes
  args = scheme=PLAIN $STATE/etc/masters
}
userdb {
  driver = static
  args = uid=$run_user gid=$(id -gn "$run_user") home=$STATE/mail/%u allow_all_users=yes
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${MAIL_IMAP_PORT:-1143}
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = ${MAIL_IMAPS_PORT:-1993}
    ssl = yes
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0600
  }
}
service anvil {
  chroot =
}
EOF
}

write_exim_config() {
  local users=$STATE/etc/users
  cat > "$STATE/etc/exim.conf" <<EOF
# Written by scripts/mail-dev.sh; rewritten at every start.
primary_hostname = localhost
keep_environment =
smtp_banner = localhost ESMTP Sked mail $instance
# A port already taken is an error at once, not 10 tries 30 s apart.
daemon_startup_retries = 0
qualify_domain = sked.test
exim_user = $run_user
exim_group = $(id -gn "$run_user")
never_users =
spool_directory = $STATE/exim
log_file_path = $STATE/log/exim-%s.log
pid_file_path = $STATE/run/exim.pid
local_interfaces = <; 127.0.0.1
daemon_smtp_ports = ${MAIL_SMTP_PORT:-2525} : ${MAIL_SMTPS_PORT:-2465}
tls_on_connect_ports = ${MAIL_SMTPS_PORT:-2465}
tls_advertise_hosts = *
tls_certificate = $STATE/etc/cert.pem
tls_privatekey = $STATE/etc/key.pem
host_lookup =
rfc1413_hosts =
message_size_limit = 100M
# Anyone on loopback may send to any address (citizens do not log in); every address is local.
acl_smtp_rcpt = accept
acl_smtp_data = accept

begin routers
dovecot:
  driver = accept
  transport = dovecot_lmtp

begin transports
dovecot_lmtp:
  driver = lmtp
  socket = $STATE/run/lmtp
  batch_max = 100

begin retry
* * F,1h,5s

begin authenticators
plain:
  driver = plaintext
  public_name = PLAIN
  server_prompts = :
  server_condition = \${if and{{!eq{\$auth3}{}}{eq{\$auth3}{\${extract{1}{:}{\${lookup{\$auth2}lsearch{$users}}}}}}}}
  server_set_id = \$auth2
login:
  driver = plaintext
  public_name = LOGIN
  server_prompts = <| Username: | Password:
  server_condition = \${if and{{!eq{\$auth2}{}}{eq{\$auth2}{\${extract{1}{:}{\${lookup{\$auth1}lsearch{$users}}}}}}}}
  server_set_id = \$auth1
EOF
}

# Waits until PORT greets with this instance's tag (not another server that holds the port), and
# fails at once when the server that should open it (PID) has died.
wait_for_port() {
  local greeting
  for _ in $(seq 200); do
    kill -0 "$2" 2>/dev/null || die "the server for 127.0.0.1:$1 stopped; see $STATE/log"
    greeting=$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && read -r -t 2 line <&3 && echo "$line") 2>/dev/null || true)
    case "$greeting" in *"Sked mail $instance"*) return ;; ?*) die "127.0.0.1:$1 is taken by another server: $greeting" ;; esac
    sleep 0.025
  done
  die "nothing answers on 127.0.0.1:$1; see $STATE/log"
}

print_settings() {
  local password; password=$(password_of "$INFO_ADDRESS")
  cat <<EOF
Mail__Address=$INFO_ADDRESS
Mail__Imap__Host=127.0.0.1
Mail__Imap__Port=${MAIL_IMAP_PORT:-1143}
Mail__Imap__User=$INFO_ADDRESS
Mail__Imap__Password=$password
Mail__Imap__Security=StartTls
Mail__Imap__CertificateFile=$STATE/etc/cert.pem
Mail__Smtp__Host=127.0.0.1
Mail__Smtp__Port=${MAIL_SMTP_PORT:-2525}
Mail__Smtp__User=$INFO_ADDRESS
Mail__Smtp__Password=$password
Mail__Smtp__Security=StartTls
Mail__Smtp__From=$INFO_ADDRESS
Mail__Smtp__CertificateFile=$STATE/etc/cert.pem
EOF
}

print_help() {
  local port=${MAIL_SMTP_PORT:-2525}
  cat >&2 <<EOF

# Export the settings above for the app: set -a; . $STATE/settings.env; set +a
# Send a mail to info@ as a citizen:
#   printf 'From: citizen1@example.test\r\nTo: $INFO_ADDRESS\r\nSubject: test\r\n\r\nسلام\r\n' | curl -sS smtp://127.0.0.1:$port --ssl-reqd --cacert $STATE/etc/cert.pem --mail-from citizen1@example.test --mail-rcpt $INFO_ADDRESS -T -
# Read a citizen's mailbox (any address; master password in $STATE/etc/masters):
#   curl -sS --ssl-reqd --cacert $STATE/etc/cert.pem 'imap://127.0.0.1:${MAIL_IMAP_PORT:-1143}/INBOX;UID=1' -u 'citizen1@example.test*master:$(cut -d: -f2 "$STATE/etc/masters")'
# Stop: $0 stop $STATE
EOF
}

start() {
  install_packages
  stop_servers
  mkdir -p "$STATE/etc" "$STATE/run" "$STATE/lib" "$STATE/log" "$STATE/mail" "$STATE/exim"
  [ -f "$STATE/etc/masters" ] || echo "master:$(openssl rand -hex 12)::::::" > "$STATE/etc/masters"
  if [ -n "${MAIL_INFO_PASSWORD:-}" ]; then
    add_user "$INFO_ADDRESS" "$MAIL_INFO_PASSWORD"
  elif [ -z "$(password_of "$INFO_ADDRESS" 2>/dev/null)" ]; then
    add_user "$INFO_ADDRESS" "$(openssl rand -hex 8)"
  fi
  for entry in ${MAIL_USERS:-}; do add_user "${entry%%:*}" "${entry#*:}"; done
  make_certificate
  touch "$STATE/log/dovecot.log" "$STATE/log/exim.log"
  write_dovecot_config
  write_exim_config
  if [ "$(id -u)" -eq 0 ]; then
    chown -R "$SERVICE_USER:" "$STATE"
    as_mail_user test -w "$STATE" || die "$STATE is not reachable by the user $SERVICE_USER; use a folder under /tmp"
  fi
  trap stop_servers EXIT  # a failed start leaves nothing running
  # Both in the foreground of a background job, so a failed start shows at once (the pid dies).
  # Exim without root privilege (as here, with -C) logs to stderr only, hence its log file.
  as_mail_user setsid /usr/sbin/dovecot -F -c "$STATE/etc/dovecot.conf" </dev/null >>"$STATE/log/dovecot.log" 2>&1 &
  local dovecot_pid=$!
  echo "$dovecot_pid" > "$STATE/run/dovecot.job"
  as_mail_user setsid /usr/sbin/exim4 -C "$STATE/etc/exim.conf" -bdf -q10s </dev/null >>"$STATE/log/exim.log" 2>&1 &
  local exim_pid=$!
  echo "$exim_pid" > "$STATE/run/exim.job"
  wait_for_port "${MAIL_IMAP_PORT:-1143}" "$dovecot_pid"
  wait_for_port "${MAIL_SMTP_PORT:-2525}" "$exim_pid"
  trap - EXIT
  print_settings | tee "$STATE/settings.env"
  print_help
}

case $command in
  start) start ;;
  stop) stop_servers ;;
  install) install_packages ;;
  settings) print_settings ;;
  add-user) add_user "$new_address" "$new_password" ;;
esac
