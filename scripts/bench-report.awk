# SPDX-License-Identifier: GPL-2.0
# Renders the tables of BENCH.md (scripts/bench.sh) from two files:
#   results: "MODE config=C case=K procs=P calls=N ns=X" lines (MODE: icount or wall), and
#            "MODE stats mlock2 calls=N arg=N" (what the validator counted in that boot);
#   sizes:   "NAME text data bss total" lines (NAME: none, all, or a spec's name).
# -v nspecs=N: the number of specs in the full module.

function field(line, key,    n, i, kv) {
	n = split(line, kv, " ")
	for (i = 1; i <= n; i++)
		if (index(kv[i], key "=") == 1)
			return substr(kv[i], length(key) + 2)
	return ""
}
function fmt_ns(x) { return x == "" ? "-" : sprintf("%.1f", x) }
function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "-" : sprintf("%.3f", a / b) }
function pct(a, b) { return (a == "" || b == "" || b == 0) ? "-" : sprintf("%+.1f%%", (a / b - 1) * 100) }
function met(ok) { return ok ? "met" : "**missed**" }

FNR == NR {
	mode = $1
	if ($2 ~ /^config=/) {
		key = mode SUBSEP field($0, "config") SUBSEP field($0, "case") SUBSEP field($0, "procs")
		ns[key] = field($0, "ns")
		if (field($0, "procs") > 1)
			procs[mode] = field($0, "procs")
	} else if ($2 == "stats")
		stats[mode] = "mlock2 calls checked " field($0, "calls") ", arg violations counted " field($0, "arg")
	next
}
{ size[$1] = $5; text[$1] = $2; data[$1] = $3; bss[$1] = $4; if ($1 != "none" && $1 != "all") names[++nnames] = $1 }

END {
	ncases = split("getppid munlock mlock2 mlock2_einval", cases, " ")
	label["getppid"] = "getppid() (no spec)"
	label["munlock"] = "munlock(page, 4096), not locked: valid"
	label["mlock2"] = "mlock2(page, 4096, 0): valid"
	label["mlock2_einval"] = "mlock2(page, 4096, 0x80): EINVAL, reported"
	row["getppid"] = "(d)"; row["munlock"] = "(e)"; row["mlock2"] = "(e)"; row["mlock2_einval"] = "(f)"
	nmodes = split("icount wall", modes, " ")
	title["icount"] = "icount (deterministic; guest ns = instructions), 1 vCPU"
	title["wall"] = "wall-clock TCG"

	for (m = 1; m <= nmodes; m++) {
		mode = modes[m]
		printf "## %s\n\n", title[mode]
		print "| | call | (a) no module | (b) loaded, off | (c) empty probes | validator on | (b)/(a) | on/(a) | on/(c) |"
		print "|---|---|---:|---:|---:|---:|---:|---:|---:|"
		for (i = 1; i <= ncases; i++) {
			c = cases[i]
			a = ns[mode, "none", c, 1]; b = ns[mode, "off", c, 1]
			e = ns[mode, "empty", c, 1]; o = ns[mode, "on", c, 1]
			printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", row[c], label[c],
				fmt_ns(a), fmt_ns(b), fmt_ns(e), fmt_ns(o), ratio(b, a), ratio(o, a), ratio(o, e)
		}
		if (mode in stats)
			printf "\nWhat the validator counted in this boot: %s.\n", stats[mode]
		if (mode in procs) {
			p = procs[mode]
			printf "\n(g) %d processes at once, one per vCPU (ns per call in each process; scaling:" \
				" parallel / single)\n\n", p
			print "| call | (a) no module | (c) empty probes | validator on | on/(c) | scaling (a) | scaling (c) | scaling on |"
			print "|---|---:|---:|---:|---:|---:|---:|---:|"
			for (i = 1; i <= 3; i++) {
				c = cases[i]
				a = ns[mode, "none", c, p]; e = ns[mode, "empty", c, p]; o = ns[mode, "on", c, p]
				printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", label[c], fmt_ns(a),
					fmt_ns(e), fmt_ns(o), ratio(o, e), ratio(a, ns[mode, "none", c, 1]),
					ratio(e, ns[mode, "empty", c, 1]), ratio(o, ns[mode, "on", c, 1])
			}
		}
		print ""
	}

	# Goals, judged on the deterministic figures.
	mode = "icount"
	worst_b = 0
	for (i = 1; i <= ncases; i++) {
		c = cases[i]
		d = ns[mode, "off", c, 1] / ns[mode, "none", c, 1] - 1
		if (d < 0) d = -d
		if (d > worst_b) { worst_b = d; worst_b_case = c }
	}
	d_ratio = ns[mode, "on", "getppid", 1] / ns[mode, "empty", "getppid", 1] - 1
	e1 = ns[mode, "on", "munlock", 1] / ns[mode, "empty", "munlock", 1] - 1
	e2 = ns[mode, "on", "mlock2", 1] / ns[mode, "empty", "mlock2", 1] - 1
	f = ns[mode, "on", "mlock2_einval", 1] / ns[mode, "empty", "mlock2_einval", 1]
	print "## Goals (icount figures)\n"
	print "| goal | measured | |"
	print "|---|---|---|"
	printf "| (b) within 1%% of (a) | worst %.2f%% (%s) | %s |\n", worst_b * 100,
		worst_b_case == "" ? "all equal" : worst_b_case, met(worst_b <= 0.01)
	printf "| (d) within 3%% of (c) | getppid %+.1f%% | %s |\n", d_ratio * 100, met(d_ratio <= 0.03)
	printf "| (e) within 10%% of (c) | munlock %+.1f%% | %s |\n", e1 * 100, met(e1 <= 0.10)
	printf "| (e) within 10%% of (c) | mlock2 %+.1f%% | %s |\n", e2 * 100, met(e2 <= 0.10)
	printf "| (f) at most 2.5x (c) | mlock2 EINVAL, reported: %.2fx | %s |\n", f, met(f <= 2.5)
	print ""

	print "## Module size\n"
	print "Bytes the module occupies once loaded (allocated sections of the .ko as `size` counts" \
		" them: text with rodata, data, bss). A spec costs what removing it from the full module" \
		" saves: its checkable tables, its names and its documentation text (served by debugfs" \
		" `specs/<name>`). A module built with no spec at all also drops the checking code.\n"
	print "| module | text+rodata | data | bss | total |"
	print "|---|---:|---:|---:|---:|"
	printf "| no specs (no checking code either) | %d | %d | %d | %d |\n", text["none"], data["none"],
		bss["none"], size["none"]
	printf "| all %d specs | %d | %d | %d | %d |\n", nspecs, text["all"], data["all"], bss["all"],
		size["all"]
	sum = 0
	print "\n| spec | bytes it adds |"
	print "|---|---:|"
	for (i = 1; i <= nnames; i++) {
		n = names[i]
		printf "| %s | %d |\n", n, size["all"] - size[n]
		sum += size["all"] - size[n]
	}
	if (nnames)
		printf "| mean | %.0f |\n", sum / nnames
	print "\nFor comparison, the upstream KAPI series measured 26,400 bytes per spec (its fixed-size" \
		" `struct kernel_api_spec`)."
}
