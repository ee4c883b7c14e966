# scaling.gp - what a switch costs against the number of guests, on both
# engines (lde report).
#
# Reads scaling.csv: one row per guest count (2, 16, 64, 256, 1024);
# per engine the median over the rounds of each run's switch cost P50,
# the lowest and highest of the rounds, and the median of the rounds'
# ratios to 2 guests.  Coop, yield guests, the counts interleaved in
# rounds, all in one run.
#
# Left: the P50 itself (log-log), a bar from the lowest round to the
# highest.  Right: the same against 2 guests.  Picking the next guest is
# O(1) on both engines; what grows is what it costs to run a guest whose
# stack and struct have gone cold.  The goal: lde's 1024/2 at most the
# linux engine's, which pays the same.
#
# Draw it again, in the results directory:   gnuplot scaling.gp
set terminal pngcairo size 1150,520 font "DejaVu Sans,10"
set output 'scaling.png'
set datafile separator comma
set datafile missing ''
set termoption noenhanced

# The goal's figures: the row of 1024 guests.
stats 'scaling.csv' skip 1 using ($1 == 1024 ? $5 : NaN) nooutput
lde = STATS_max
stats 'scaling.csv' skip 1 using ($1 == 1024 ? $9 : NaN) nooutput
lnx = STATS_max

set multiplot layout 1, 2 title sprintf('Switch cost against the number' . \
	' of guests (coop, yield guests).  1024 guests / 2: lde %.2f,' . \
	' linux %.2f; lde / linux %.2f (goal: <= 1.00)', lde, lnx, lde / lnx)
set logscale x 2
set xrange [1.4:1500]
set xtics (2, 16, 64, 256, 1024)
set xlabel 'guests'
set grid xtics ytics mytics
set key top left

set logscale y
set ylabel 'switch cost P50 (log scale)'
set format y '%.0f ns'
set title 'P50, median of the rounds (bar: lowest to highest round)'
plot 'scaling.csv' skip 1 using 1:2:3:4 with yerrorlines lw 2 pt 7 \
	lc rgb '#2e86c1' title 'lde engine', \
     '' skip 1 using 1:6:7:8 with yerrorlines lw 2 pt 5 \
	lc rgb '#c0392b' title 'linux engine'

unset logscale y
set format y '%.1f'
set yrange [0:*]
set ylabel 'P50 / P50 at 2 guests'
set title 'Against 2 guests: median of the rounds'' ratios'
set arrow from graph 0, first 1 to graph 1, first 1 nohead dt 2 lc rgb 'gray'
plot 'scaling.csv' skip 1 using 1:5 with linespoints lw 2 pt 7 \
	lc rgb '#2e86c1' title 'lde engine', \
     '' skip 1 using 1:9 with linespoints lw 2 pt 5 \
	lc rgb '#c0392b' title 'linux engine'
unset multiplot
