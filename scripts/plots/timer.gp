# timer.gp - from a timer's expiry to the next guest running, against
# cyclictest (lde report).
#
# lde: rr at 1 ms with two spin guests; each timer interrupt preempts one
# guest and runs the other, and this is the time from the hrtimer's
# expiry to the next guest's first instruction, and its second part, lde's
# own: from the handler to that instruction.  cyclictest: one
# SCHED_FIFO thread on the same CPU, from its timer's expiry to it
# running.  Reads timer.csv (log2 buckets, % per series; the key titles
# carry each P99), draws timer.png with log2hist.gp.
#
# Draw it again, in the results directory:   gnuplot timer.gp
data = 'timer.csv'
out = 'timer.png'
ttl = 'Timer to guest (lde rr 1 ms) and its part from the handler, against cyclictest'
load 'log2hist.gp'
