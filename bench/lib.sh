# Helpers sourced by the bench scripts: timing one whole process, medians, the machine line.
# The machine is shared (other jobs, a niced fuzz campaign), so scripts alternate the runs they
# compare (A B A B ...) and report medians rather than single runs.

# Runs a command once, output discarded; sets ms (wall milliseconds), cpu_ms (user + system
# milliseconds, less disturbed than wall time by other jobs) and rss_kb (max RSS).
# A failing command prints its standard error and returns 1.
timed() {
  local s e tf
  tf="$(mktemp)"
  s=$(date +%s%N)
  if ! /usr/bin/time -f "%M %U %S" -o "$tf.rss" "$@" > /dev/null 2> "$tf"; then
    echo "failed: $*" >&2; tail -5 "$tf" >&2; rm -f "$tf" "$tf.rss"; return 1
  fi
  e=$(date +%s%N)
  ms=$(( (e - s) / 1000000 ))
  read -r rss_kb cpu_ms <<< "$(tail -1 "$tf.rss" | awk '{ printf "%d %d", $1, ($2 + $3) * 1000 }')"
  rm -f "$tf" "$tf.rss"
}

# Median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# Seconds (3 decimals) from milliseconds; a / b to one decimal.
secs() { awk -v m="$1" 'BEGIN { printf "%.3f", m / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

# One line naming the machine, for every table: CPU model, cores, load, date.
machine_line() {
  local cpu
  cpu="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
  echo "machine: ${cpu:-unknown CPU}, nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%F %H:%M UTC') (shared machine: alternating runs, medians)"
}
