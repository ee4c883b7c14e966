# figures.gp - lde report's figures across kernels (scripts/compare-runs):
# the traps, the switches and the timer paths side by side.
#
# Reads figures.csv: one row per figure (the trap P50s, the switch P50s,
# the timer P99s, ns), its name, then one column per run, x86-64 first,
# then arm64, each by kernel; NaN where the run has no such figure.  The
# scale is logarithmic: the figures span a trap's hundreds of ns to a
# timer's hundreds of us, and a ratio between kernels reads as the same
# step at every height.
#
# Draw it again, in the page's directory:   gnuplot figures.gp
set terminal pngcairo size 1200,640 font "DejaVu Sans,10"
set output 'figures.png'
set datafile separator comma
set datafile missing 'NaN'
set termoption noenhanced
set title "lde report's figures per kernel: traps and switches P50, timers P99 (ns)"
set key outside right top vertical Left reverse
set bmargin 11
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set grid ytics
set logscale y
set ylabel 'ns (log scale)'
set xtics rotate by -30 nomirror

plot for [i=2:*] 'figures.csv' using i:xtic(1) title columnheader(i)
