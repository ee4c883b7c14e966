# switch_cost.gp - what one context switch costs (lde report): lde's own
# switch, its floor (lde_swtch alone, per swap: the experiment floor),
# Linux's switch_to driving the same guests, and the pipe ping-pong
# between two processes that lde ctx times (per switch).
#
# Reads switch_cost.csv (log2 buckets, % per series; the key titles carry
# each P50), draws switch_cost.png with log2hist.gp.  The guests' figures
# are from leaving one guest to running the next, under coop with two
# yield guests; the pipe's also hold a sleep, a wake-up and a change of
# address space.
#
# Draw it again, in the results directory:   gnuplot switch_cost.gp
data = 'switch_cost.csv'
out = 'switch_cost.png'
ttl = 'Switch cost: lde engine, lde_swtch alone, linux engine, pipe ping-pong (per switch)'
load 'log2hist.gp'
