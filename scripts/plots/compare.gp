# compare.gp - lde report's goals across kernels and architectures
# (scripts/compare-runs).
#
# Reads compare.csv: one row per goal, its name, then one column per run
# (x86-64 and arm64, per kernel), each the goal's ratio divided by its
# target, turned round for the "at least" goals, so that every bar reads
# the same way: below the line at 1 the goal is met, above it missed,
# and a bar twice as high is twice as far from the target.
#
# Draw it again, in the page's directory:   gnuplot compare.gp
set terminal pngcairo size 1200,640 font "DejaVu Sans,10"
set output 'compare.png'
set datafile separator comma
set termoption noenhanced
set title "lde report's goals per kernel: the ratio against its target (below 1: met)"
set key outside right top vertical Left reverse
set bmargin 9
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set grid ytics
set logscale y
set ylabel 'ratio / target (log scale)'
set xtics rotate by -30 nomirror
set arrow from graph 0, first 1 to graph 1, first 1 nohead lw 2 dt 2 lc rgb '#c0392b'

plot for [i=2:*] 'compare.csv' using i:xtic(1) title columnheader(i)
