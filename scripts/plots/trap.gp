# trap.gp - trap latency by kind, against the baselines (lde report).
#
# Reads trap.csv, as `lde trap --csv` prints it: one row per subject,
# ns per call (name,samples,min_ns,p50_ns,p90_ns,p99_ns,max_ns,avg_ns,...).
# Draws trap.png: each subject's median as a bar, a whisker from its P50
# to its P99, on a log scale (a function call and a 64 KiB echo differ a
# thousandfold).  Grey bars are the baselines that stay in user mode or
# are plain system calls; blue bars are lde's traps.  The dashed line is
# the trap goal: lde null may cost at most 1.10 x ioctl(/dev/null).
#
# Draw it again, in the results directory:   gnuplot trap.gp
set terminal pngcairo size 1100,620 font "DejaVu Sans,10"
set output 'trap.png'
set datafile separator comma
set termoption noenhanced
set key top left
set style fill solid 0.85 border -1
set boxwidth 0.7
set logscale y
set grid ytics mytics
set ylabel 'per call: P50 bar, whisker to P99 (log scale)'
set ytics ('1 ns' 1, '10 ns' 10, '100 ns' 100, '1 us' 1e3, '10 us' 1e4, \
	   '100 us' 1e5, '1 ms' 1e6, '10 ms' 1e7, '100 ms' 1e8)
set style textbox opaque noborder
set xtics rotate by -30 nomirror
set title "Trap latency by kind, against the baselines (one run, one CPU)"

is_lde(name) = strstrt(name, 'lde ') == 1

# The goal line: 1.10 x the median of ioctl(/dev/null), and where
# lde null's median is against it.
stats 'trap.csv' skip 1 using (strcol(1) eq 'ioctl(/dev/null)' ? $4 : NaN) \
	nooutput
ioctl = STATS_max
stats 'trap.csv' skip 1 using (strcol(1) eq 'lde null' ? $4 : NaN) nooutput
null = STATS_max
stats 'trap.csv' skip 1 using 4 nooutput
set xrange [-0.6:STATS_records - 0.4]
# From the decade below the fastest call (a hair lower, or its tic is lost).
set yrange [0.999 * 10 ** floor(log10(STATS_min > 0.1 ? STATS_min : 0.1)):*]
goal = 1.10 * ioctl
set arrow from graph 0, first goal to graph 1, first goal nohead dt 2 lw 1.5 \
	lc rgb '#c0392b'
set label sprintf('goal: lde null <= 1.10 x ioctl(/dev/null) = %.0f ns;' . \
		  ' lde null is %.2f x', goal, null / ioctl) \
	at graph 0.01, first goal offset 0, 0.8 left tc rgb '#c0392b' \
	front boxed

plot 'trap.csv' skip 1 using 0:4:(is_lde(strcol(1)) ? 0x2e86c1 : 0x95a5a6): \
	xtic(1) with boxes lc rgb variable notitle, \
     '' skip 1 using 0:4:(0):($6 - $4) with vectors heads size 0.08,90 \
	lc rgb 'black' title 'P50 to P99', \
     NaN with boxes lc rgb '#95a5a6' title 'baseline', \
     NaN with boxes lc rgb '#2e86c1' title "lde's traps"
