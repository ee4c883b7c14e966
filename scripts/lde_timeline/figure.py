# SPDX-License-Identifier: GPL-2.0
"""figure.py - the picture: the overview on top, OSTEP's protocol below.

The protocol's columns are OSTEP's: OS @ run (kernel mode), Hardware, and
Program, one narrow lane each for the host thread, the guests and any
process that trapped.  Time runs down, one row per event (protocol.py),
not to scale: a gap row gives the time between rows.  A lane's bar is
solid while it runs its own code and dashed while the mini-kernel works
for it (a trap or a switch); no bar, it is off the CPU.
"""
from .events import fmt_ns
from .overview import Overview, draw_overview
from .protocol import Protocol
from .svg import ARROW, MONO, Svg, colour

GUTTER, OS_W, HW_W, LINE_H = 96, 250, 200, 14


def columns(lanes):
    """The left edge of each column, the lanes' width, the total width."""
    lw = 64 if len(lanes) <= 10 else 50
    x = {'os': GUTTER, 'hw': GUTTER + OS_W}
    for i, who in enumerate(lanes):
        x[who] = GUTTER + OS_W + HW_W + i * lw
    return x, lw, GUTTER + OS_W + HW_W + len(lanes) * lw + 10


def row_height(r):
    if r.gap is not None:
        return 22
    return 8 + LINE_H * max(1, len(r.os), len(r.hw))


def anchor(ry, line=0):
    """The middle of a row's text line: arrows run, lanes change there."""
    return ry + 4 + LINE_H * line + LINE_H / 2 + 1


def draw_protocol(svg, y, tr, pr, lanes):
    x, lw, _ = columns(lanes)
    first = pr.rows[0].t - tr.t0
    svg.text(10, y + 14, 'The protocol (OSTEP Figure 6.2; time runs down, '
             'not to scale)', 14, extra='font-weight="bold"')
    svg.text(10, y + 30, f'{pr.shown} of the {pr.total} lde events in the '
             f'window, from {fmt_ns(first) if first else "0"}; --from, --to '
             'and -n choose others.', 11, extra='fill="#555"')
    y = draw_heads(svg, y + 42, x, lw, lanes, tr, pr)
    ys = []
    for r in pr.rows:
        ys.append(y)
        y += row_height(r)
    draw_bars(svg, ys[0], y, x, lw, lanes, pr, ys)
    for r, ry in zip(pr.rows, ys):
        draw_row(svg, ry, r, x, lw, tr)
    return y + 10


def draw_heads(svg, y, x, lw, lanes, tr, pr):
    heads = [('os', OS_W, '#e3ecf9', 'OS @ run (kernel mode)',
              "traps, switch() (Linux's switch_to)" if tr.engine == 'linux'
              else "lde's mini-kernel: traps, switch()"),
             ('hw', HW_W, '#ececec', 'Hardware', 'timer interrupts')]
    if lanes:
        heads.append((lanes[0], len(lanes) * lw + 4, '#f3f7ee',
                      'Program (guest mode)', 'lde\'s "user mode"'))
    for col, w, fill, name, sub in heads:
        svg.rect(x[col], y, w - 4, 34, fill)
        svg.text(x[col] + 6, y + 14, name, 12, extra='font-weight="bold"')
        svg.text(x[col] + 6, y + 28, sub, 10)
    y += 38
    for who in lanes:
        cx = x[who] + lw / 2
        if who == 'host':
            name, sub = 'host', 'thread'
        elif who[0] == 'p':
            name, sub = pr.name(who), f'pid {who[1:]}'
        else:
            name, sub = who, tr.workload.get(who, '')
        svg.text(cx, y + 12, name, 11, 'middle',
                 f'font-weight="bold" fill="{colour(who)}"')
        svg.text(cx, y + 24, sub, 10, 'middle')
    svg.text(GUTTER - 8, y + 24, 'time (ms)', 10, 'end')
    return y + 32


def draw_bars(svg, top, bottom, x, lw, lanes, pr, ys):
    """Each lane's bar, from the mode it had where the rows begin."""
    for who in lanes:
        cx, c = x[who] + lw / 2, colour(who)
        svg.line(cx, top, cx, bottom, '#e0e0e0', 1)
        mode, since = (pr.start_modes or {}).get(who), top
        for r, ry in zip(pr.rows, ys):
            if who in r.modes:
                new, line = r.modes[who]
                bar(svg, cx, since, anchor(ry, line), mode, c)
                mode, since = new, anchor(ry, line)
        bar(svg, cx, since, bottom, mode, c)


def bar(svg, cx, y1, y2, mode, c):
    if y2 <= y1:
        return
    if mode == 'run':
        svg.rect(cx - 6, y1, 12, y2 - y1, c, 'fill-opacity="0.85"')
    elif mode == 'kernel':
        svg.line(cx, y1, cx, y2, c, 2.5, 'stroke-dasharray="3,3"')


def draw_row(svg, ry, r, x, lw, tr):
    if r.gap is not None:
        svg.text(GUTTER - 8, ry + 15, f'⋮ {fmt_ns(r.gap)}', 11, 'end',
                 'fill="#777" font-style="italic"')
        svg.line(GUTTER, ry + 11, x['hw'] + HW_W - 4, ry + 11, '#ccc', 1,
                 'stroke-dasharray="2,4"')
        return
    svg.text(GUTTER - 8, ry + 15, f'{(r.t - tr.t0) / 1e6:.6f}', 11, 'end',
             f'font-family="{MONO}"')
    box(svg, x['os'], ry, OS_W, r.os, '#eef3fb', '#9db7df')
    box(svg, x['hw'], ry, HW_W, r.hw, '#f4f4f4', '#bdbdbd')
    for src, dst, label, kind, line in r.arrows:
        y = anchor(ry, line)
        xs, xd = edge(src, dst, x, lw), edge(dst, src, x, lw)
        svg.arrow(xs, y, xd, kind)
        # A trap or a return passes the hardware column: its label goes
        # there, unless that row's hardware text is in the way.
        passes = 'hw' not in (src, dst)
        if not label or (passes and r.hw and line <= len(r.hw)):
            continue
        mid = x['hw'] + HW_W / 2 if passes else (xs + xd) / 2
        svg.text(mid, y - 4, label, 11, 'middle',
                 f'fill="{ARROW[kind]}" stroke="white" stroke-width="3" '
                 'paint-order="stroke"')


def edge(col, other, x, lw):
    """Where an arrow between col and other leaves or reaches col."""
    if col == 'os':
        return x['os'] + OS_W - 4
    if col == 'hw':
        return x['hw'] if other == 'os' else x['hw'] + HW_W - 4
    return x[col] + lw / 2 - 7


def box(svg, x0, ry, w, lines, fill, stroke):
    if not lines:
        return
    svg.rect(x0 + 2, ry + 2, w - 8, 4 + LINE_H * len(lines), fill,
             f'stroke="{stroke}" rx="4"')
    for i, s in enumerate(lines):
        svg.text(x0 + 8, ry + LINE_H * (i + 1), s, 11,
                 extra='font-weight="bold"' if i == 0 else '')


def legend(svg, y):
    x = 10
    for kind, name in (('irq', 'interrupt'), ('trap', 'trap'),
                       ('ret', 'return-from-trap'),
                       ('host', 'to the host thread')):
        svg.arrow(x, y, x + 34, kind)
        svg.text(x + 40, y + 4, name, 11)
        x += 60 + 7 * len(name)
    svg.rect(x, y - 7, 12, 14, '#0072b2', 'fill-opacity="0.85"')
    svg.text(x + 18, y + 4, 'runs its program', 11)
    svg.line(x + 146, y - 7, x + 146, y + 7, '#0072b2', 2.5,
             'stroke-dasharray="3,3"')
    svg.text(x + 158, y + 4, 'in the mini-kernel (trap, switch)', 11)
    svg.text(10, y + 22, "lde's traps are calls into lde_gtrap(), and its "
             'mode bit is its own: no hardware step.  A preempted guest '
             "resumes through lde's trampoline, which pops its registers.",
             10, extra='fill="#555"')
    return y + 34


def render(tr, lo, hi, max_events):
    """The SVG document for the window [lo, hi] of trace tr, and the
    Protocol (to say how much of it was drawn)."""
    ov = Overview(tr, lo, hi)
    pr = Protocol(tr, lo, hi, max_events)
    lanes = pr.lanes()
    width = max(1100, columns(lanes)[2] if pr.rows else 0)
    svg = Svg()
    svg.text(10, 22, tr.title(), 15, extra='font-weight="bold"')
    detail = None
    if pr.rows and (pr.shown < pr.total or lo > 0 or hi < tr.end):
        detail = (pr.rows[0].t - tr.t0, pr.rows[-1].t - tr.t0)
    y = draw_overview(svg, 36, width, tr, ov, detail)
    if pr.rows:
        y = draw_protocol(svg, y, tr, pr, lanes)
        y = legend(svg, y + 8)
    return svg.document(width, int(y + 6)), pr
