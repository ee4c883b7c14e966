# share.gp - who gets the CPU when one guest never gives it up
# (lde report).
#
# Reads share.csv: one row per hog experiment, in this order:
# {2, 1024 guests} x {lde, linux engine} x {coop, rr}.  Guest 0 spins and
# never traps; the others compute about 10 quanta, then yield.  Each bar
# is the time one experiment ran: guest 0's share, all the other guests'
# together, and the rest (lde's host thread, Linux, idle).  Under coop
# the hog keeps the CPU until lde's watchdog ends the run; under rr a
# timer takes it back every quantum.
#
# Draw it again, in the results directory:   gnuplot share.gp
set terminal pngcairo size 1150,600 font "DejaVu Sans,10"
set output 'share.png'
set datafile separator comma
set termoption noenhanced
set title 'CPU share per guest: coop against rr, with a hog (guest 0)'
set key outside right top vertical Left reverse width -6
set bmargin 5
set style data histograms
set style histogram rowstacked
set style fill solid 0.85 border -1
set boxwidth 0.7
set grid ytics
set yrange [0:118]
set ytics 0, 20, 100
set ylabel '% of the time the experiment ran'
set xlabel 'policy, engine' offset 0, -1

# The two groups of four bars, and a line between them.
set arrow from 3.5, graph 0 to 3.5, graph 1 nohead dt 3
set label '2 guests' at 1.5, 112 center font ',11'
set label '1024 guests' at 5.5, 112 center font ',11'

pct(v) = v == v ? sprintf('%.1f%%', v) : 'did not run'

plot 'share.csv' skip 1 using 5:xtic(strcol(4) . "\n" . strcol(3)) \
	lc rgb '#c0392b' title 'guest 0, the hog (never traps)', \
     '' skip 1 using 6 lc rgb '#2e86c1' title 'the other guests, together', \
     '' skip 1 using 7 lc rgb '#bdc3c7' \
	title 'no guest (host thread, Linux, idle)', \
     '' skip 1 using 0:(103):('hog ' . pct($5)) with labels notitle
