#!/usr/bin/env bash
# Runs the SDK-vs-raw benchmarks of bench/ (and the stream benchmark of
# agents/) COUNT times each and prints the median of every metric and the
# SDK/raw ratio. Usage: bench/run.sh [COUNT] (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5}
out=$(mktemp)
go test ./bench -run '^$' -bench 'HealthCheck|RetrieveAgent|ListAgents|Upload' -benchtime 1s -count "$count" | tee -a "$out" >&2
go test ./agents -run '^$' -bench 'StreamDecode$' -benchtime 1s -count "$count" | tee -a "$out" >&2
awk '
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	for (i = 3; i < NF; i += 2) {
		key = name SUBSEP $(i+1)
		vals[key] = vals[key] " " $i
		if (!(name in seen)) { seen[name] = 1; order[++n] = name }
		units[name] = units[name] (index(units[name], " " $(i+1) " ") ? "" : " " $(i+1) " ")
	}
}
function median(s,   a, k, i, j, t) {
	k = split(s, a, " ")
	for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
	return (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
}
END {
	printf "%-40s %-12s %-16s %14s %14s %8s\n", "benchmark", "baseline", "metric", "baseline", "sdk", "sdk/base"
	for (i = 1; i <= n; i++) {
		name = order[i]
		if (name !~ /\/sdk$/) continue
		group = substr(name, 1, length(name) - 4)
		for (j = 1; j <= n; j++) {
			base = order[j]
			if (index(base, group "/raw") != 1) continue
			split(units[name], us, " ")
			for (u in us) {
				m = us[u]
				if (!((base SUBSEP m) in vals)) continue
				s = median(vals[name SUBSEP m]); r = median(vals[base SUBSEP m])
				printf "%-40s %-12s %-16s %14.1f %14.1f %8.2f\n", group, substr(base, length(group) + 2), m, r, s, (r + 0 ? s / r : 0)
			}
		}
	}
}' "$out"
rm -f "$out"
