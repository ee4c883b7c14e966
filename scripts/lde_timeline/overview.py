# SPDX-License-Identifier: GPL-2.0
"""overview.py - who had the lab CPU, to scale: the strips over the window.

Time runs left to right.  A strip for the timer interrupts (coloured by
what they found, with a triangle where the watchdog caught a hog), one for
the switches (coloured by reason), then one per lane: the host thread and
each guest, shaded where it held the CPU.  A pixel covers (window / width)
of time and is shaded by the share of it the lane ran, so a 2 s run of 16
guests stays honest: each guest's pixels are faint, its share on the
right is not.  With more than OV_ROWS guests, neighbours share a strip.
"""
from .events import MODES, REASONS, fmt_ns, lane
from .svg import (FOUND_COLOUR, MONO, PALETTE, REASON_COLOUR, axis_label,
                  colour, nice_step)

LABEL_W, STATS_W = 150, 330	# the columns left and right of the strips
OV_ROWS = 128


class Overview:
    """Who held the CPU when, and the counts, in [lo, hi] (ns from t0)."""

    def __init__(self, tr, lo, hi):
        self.lo, self.hi = lo, hi
        self.slices = {}	# lane -> [(start, end)]
        self.runs = {}		# lane -> times switched in
        self.ticks = []		# (t, found)
        self.switches = []	# (t, reason)
        self.hogs = []		# t of each watchdog event
        on = {}			# lane -> since when it holds the CPU
        for e in tr.evs:
            t = e.t - tr.t0
            if e.name == 'guest_switch':
                prev, nxt = lane(e.num('prev')), lane(e.num('next'))
                # The switch began cost_ns before next ran.
                self.add(prev, on.pop(prev, 0), t - e.num('cost_ns'))
                on[nxt] = t
                if lo <= t <= hi:
                    self.runs[nxt] = self.runs.get(nxt, 0) + 1
                    self.switches.append((t, e.sym('reason', REASONS)))
            elif lo <= t <= hi and e.name == 'timer_tick':
                self.ticks.append((t, e.sym('found', MODES)))
            elif lo <= t <= hi and e.name == 'watchdog':
                self.hogs.append(t)
        for who, start in on.items():
            self.add(who, start, tr.end)

    def add(self, who, start, end):
        start, end = max(start, self.lo), min(end, self.hi)
        if end > start:
            self.slices.setdefault(who, []).append((start, end))

    def share(self, who):
        span = self.hi - self.lo
        held = sum(b - a for a, b in self.slices.get(who, []))
        return held / span if span else 0.0

    def bins(self, who, width):
        """For each of width pixels, the share of its time who held the CPU."""
        per_px = (self.hi - self.lo) / width
        occ = [0.0] * width
        for a, b in self.slices.get(who, []):
            x, end = (a - self.lo) / per_px, (b - self.lo) / per_px
            while x < end:
                px = min(int(x), width - 1)
                nx = min(px + 1.0, end)
                occ[px] += nx - x
                x = nx if nx > x else end
        return occ

    def x(self, t, x0, pw):
        return x0 + (t - self.lo) / max(1, self.hi - self.lo) * pw


def draw_overview(svg, y, width, tr, ov, detail):
    """The strips; detail is the (start, end) the protocol shows, or None.
    Returns the y below them."""
    x0, pw = LABEL_W, width - LABEL_W - STATS_W
    svg.text(10, y + 14, 'Who had the lab CPU (to scale, '
             f'{fmt_ns(ov.lo) if ov.lo else "0"} to {fmt_ns(ov.hi)})', 14,
             extra='font-weight="bold"')
    y = draw_axis(svg, y + 24, x0, pw, ov) + 4
    top = y
    y = draw_marks(svg, y, x0, pw, ov, 'hardware: timer',
                   [(t, FOUND_COLOUR[f]) for t, f in ov.ticks],
                   tick_stats(tr, ov))
    for t in ov.hogs:
        x = ov.x(t, x0, pw)
        svg.add(f'<path d="M{x - 5:.1f},{y - 19} L{x + 5:.1f},{y - 19} '
                f'L{x:.1f},{y - 9} z" fill="{REASON_COLOUR["watchdog"]}"/>')
    y = draw_marks(svg, y, x0, pw, ov, 'OS: switches',
                   [(t, REASON_COLOUR[r]) for t, r in ov.switches],
                   [(f'{len(ov.switches)}: ', None)]
                   + counted(ov.switches, REASON_COLOUR))
    y = draw_cpu_rows(svg, y + 4, x0, pw, tr, ov)
    if detail:
        # A bracket under the axis and dashed edges: no tint on the strips.
        xa, xb = (ov.x(max(ov.lo, min(ov.hi, t)), x0, pw) for t in detail)
        svg.rect(xa - 1, top - 5, max(3, xb - xa + 2), 5, '#f9a825')
        for xe in (xa - 1, max(xa + 2, xb + 1)):
            svg.line(xe, top, xe, y, '#f9a825', 1, 'stroke-dasharray="4,3"')
        svg.text(min(xa, x0 + pw - 250), y + 13,
                 '▲ the span the protocol below shows', 11,
                 extra='fill="#8d6e00"')
    svg.line(x0, top, x0, y, '#999')
    svg.line(x0 + pw, top, x0 + pw, y, '#999')
    return y + 26


def draw_axis(svg, y, x0, pw, ov):
    step = nice_step(max(1, ov.hi - ov.lo))
    t = -(-ov.lo // step) * step
    while t <= ov.hi:
        x = ov.x(t, x0, pw)
        svg.line(x, y + 14, x, y + 20, '#555')
        svg.text(x, y + 11, axis_label(t, step), 10, 'middle')
        t += step
    svg.line(x0, y + 20, x0 + pw, y + 20, '#555')
    return y + 20


def draw_marks(svg, y, x0, pw, ov, name, marks, stats):
    """A strip of events as ticks in their colours.  More than two to a
    pixel, and each pixel gets one tick, in its commonest colour."""
    svg.text(x0 - 8, y + 14, name, 12, 'end')
    if len(marks) > 2 * pw:
        px = {}
        for t, c in marks:
            n = px.setdefault(int(ov.x(t, 0, pw)), {})
            n[c] = n.get(c, 0) + 1
        marks = [(ov.lo + (p + 0.5) * (ov.hi - ov.lo) / pw,
                  max(n, key=n.get)) for p, n in px.items()]
    for t, c in marks:
        x = ov.x(t, x0, pw)
        svg.line(x, y + 3, x, y + 17, c, 1 if len(marks) < pw else 0.6)
    svg.spans(x0 + pw + 10, y + 14, stats, 10)
    return y + 20


def counted(pairs, colours):
    """[(text, colour)]: 'name count' for each name in pairs, most first."""
    n = {}
    for _, k in pairs:
        n[k] = n.get(k, 0) + 1
    out = []
    for k in sorted(n, key=lambda k: -n[k]):
        out += [(', ' if out else '', None), (f'{k} {n[k]}', colours[k])]
    return out


def tick_stats(tr, ov):
    if tr.quantum:
        out = [(f'{len(ov.ticks)} ticks, found: ', None)]
        out += counted(ov.ticks, FOUND_COLOUR)
    else:
        out = [('no quantum timer (coop)', None)]
    if ov.hogs:
        out.append((f'; watchdog {len(ov.hogs)}', REASON_COLOUR['watchdog']))
    return out


def cpu_rows(tr):
    """The strips: (label, lanes, colour); guests share strips when there
    are more than OV_ROWS."""
    rows = [('host thread', ['host'], colour('host'))]
    k = -(-len(tr.guests) // OV_ROWS)
    for i in range(0, len(tr.guests), k):
        part = tr.guests[i:i + k]
        if k == 1:
            rows.append((f'{part[0]} {tr.workload.get(part[0], "")}', part,
                         colour(part[0])))
        else:
            rows.append((f'{part[0]}–{part[-1]}', part,
                         PALETTE[(i // k) % 2]))
    return rows


def draw_cpu_rows(svg, y, x0, pw, tr, ov):
    """A strip per lane, shaded where it held the CPU; its share and runs."""
    rows = cpu_rows(tr)
    rh = max(3, min(16, 480 // len(rows)))
    size = 12 if rh >= 13 else 10
    every = max(1, -(-(size + 1) // rh))	# label every so many strips
    share = [sum(ov.share(w) for w in ws) for _, ws, _ in rows]
    most = max(share) or 1
    xs = x0 + pw + 10
    svg.text(xs, y + 10, 'share', 10, extra='fill="#555"')
    svg.text(xs + 170, y + 10, 'runs', 10, 'end', 'fill="#555"')
    y += 14
    for i, (label, ws, c) in enumerate(rows):
        occ = [sum(v) for v in zip(*(ov.bins(w, int(pw)) for w in ws))]
        draw_occupancy(svg, y, x0, pw, rh, occ, c)
        svg.rect(xs + 52, y + 1, 70 * share[i] / most, rh - 2, c,
                 'fill-opacity="0.6"')
        if i % every == 0:
            mid = y + rh / 2 + 4
            svg.text(x0 - 8, mid, label, size, 'end')
            svg.text(xs + 44, mid, f'{100 * share[i]:.1f}%', size, 'end',
                     f'font-family="{MONO}"')
            svg.text(xs + 170, mid, str(sum(ov.runs.get(w, 0) for w in ws)),
                     size, 'end', f'font-family="{MONO}"')
        y += rh
    return y


def draw_occupancy(svg, y, x0, pw, rh, occ, fill):
    """A strip's pixels, shaded by their share in eighths (at least one
    if the lane ran there at all); equal neighbours merge."""
    svg.rect(x0, y, pw, rh, '#f7f7f7')
    level = [max(1, round(min(1.0, v) * 8)) / 8 if v > 0 else 0
             for v in occ]
    i = 0
    while i < len(level):
        j = i
        while j < len(level) and level[j] == level[i]:
            j += 1
        if level[i] > 0:
            svg.rect(x0 + i, y + 0.5, j - i, rh - 1, fill,
                     f'fill-opacity="{level[i]:.3f}"')
        i = j
