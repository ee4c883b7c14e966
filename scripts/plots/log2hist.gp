# log2hist.gp - the body of switch_cost.gp and timer.gp (lde report):
# several distributions of times as one clustered bar chart.
#
# The caller sets data, out and ttl, then loads this file.  data is CSV:
# lo_ns,hi_ns, then one column per series, headed by its key title; one
# row per log2 bucket [lo_ns, hi_ns), each value in % of that series'
# samples, so that series of different sizes compare.
set terminal pngcairo size 1100,560 font "DejaVu Sans,10"
set output out
set datafile separator comma
set termoption noenhanced
set title ttl
# Room above the bars for the key.
set key top left Left reverse opaque box
set offsets 0, 0, graph 0.3, 0
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set grid ytics
set yrange [0:*]
set ytics 0, 20, 100
set ylabel '% of each series'
set xlabel 'ns, log2 buckets: each bar counts [this, 2 x this)'
set xtics rotate by -45 nomirror

# A bucket's lower bound, readable: 512 ns, 1.02 us, 131 us, 1.05 ms.
unit(ns) = ns >= 1e6 ? sprintf('%.3g ms', ns / 1e6) : \
	   ns >= 1e3 ? sprintf('%.3g us', ns / 1e3) : sprintf('%.0f ns', ns)

plot for [i=3:*] data using i:xtic(unit(column(1))) title columnheader(i)
