# SPDX-License-Identifier: GPL-2.0
"""svg.py - a small SVG writer, the colours, and the time axis's steps."""

FONT = 'DejaVu Sans, Verdana, sans-serif'
MONO = 'DejaVu Sans Mono, monospace'
# Okabe-Ito's colour-blind-safe eight for the first guests, then hues
# spread by the golden angle; the host thread and processes are grey.
PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00',
           '#f0e442', '#000000']
ARROW = {'irq': '#c62828', 'trap': '#1565c0', 'ret': '#2e7d32',
         'host': '#757575'}
REASON_COLOUR = {'timer': '#c62828', 'yield': '#1565c0', 'sleep': '#6a1b9a',
                 'exit': '#000000', 'watchdog': '#ff6f00', 'host': '#9e9e9e'}
FOUND_COLOUR = {'guest': '#c62828', 'kernel': '#ff8f00', 'host': '#9e9e9e'}


def colour(who):
    """A lane's colour: 'g3', 'host' or a process 'p123'."""
    if not who.startswith('g'):
        return '#9e9e9e'
    n = int(who[1:])
    return PALETTE[n] if n < len(PALETTE) else \
        f'hsl({(n * 137) % 360}, 60%, 45%)'


def esc(s):
    return (str(s).replace('&', '&amp;').replace('<', '&lt;')
            .replace('>', '&gt;'))


class Svg:
    """Elements in drawing order; document() wraps them up."""

    def __init__(self):
        self.out = []

    def add(self, s):
        self.out.append(s)

    def rect(self, x, y, w, h, fill, extra=''):
        self.add(f'<rect x="{x:.2f}" y="{y:.2f}" width="{w:.2f}" '
                 f'height="{h:.2f}" fill="{fill}" {extra}/>')

    def line(self, x1, y1, x2, y2, stroke, width=1, extra=''):
        self.add(f'<line x1="{x1:.2f}" y1="{y1:.2f}" x2="{x2:.2f}" '
                 f'y2="{y2:.2f}" stroke="{stroke}" stroke-width="{width}" '
                 f'{extra}/>')

    def text(self, x, y, s, size=12, anchor='start', extra=''):
        self.add(f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size}" '
                 f'text-anchor="{anchor}" {extra}>{esc(s)}</text>')

    def spans(self, x, y, parts, size=12):
        """One line of text in pieces, each (text, colour or None)."""
        self.add(f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size}" '
                 'xml:space="preserve">' + ''.join(
                     f'<tspan fill="{c or "#222"}">{esc(t)}</tspan>'
                     for t, c in parts) + '</text>')

    def arrow(self, x1, y, x2, kind, label=''):
        """A horizontal arrow of a kind (ARROW), its label above it."""
        c = ARROW[kind]
        self.line(x1, y, x2, y, c, 1.6, f'marker-end="url(#head-{kind})"')
        if label:
            self.text((x1 + x2) / 2, y - 4, label, 11, 'middle',
                      f'fill="{c}" stroke="white" stroke-width="3" '
                      'paint-order="stroke"')

    def document(self, width, height):
        heads = ''.join(
            f'<marker id="head-{k}" viewBox="0 0 10 10" refX="9" refY="5" '
            'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{c}"/></marker>'
            for k, c in ARROW.items())
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" '
                f'height="{height}" viewBox="0 0 {width} {height}" '
                f'font-family="{FONT}">\n<defs>{heads}</defs>\n'
                '<rect width="100%" height="100%" fill="white"/>\n'
                + '\n'.join(self.out) + '\n</svg>\n')


def nice_step(span, target=8):
    """An axis step of 1, 2 or 5 times a power of ten: about target ticks."""
    raw, step = span / target, 1
    while step * 10 <= raw:
        step *= 10
    for m in (1, 2, 5):
        if step * m >= raw:
            return step * m
    return step * 10


def axis_label(ns, step):
    """ns on an axis whose ticks are step apart: '1.5 ms', '250 µs'."""
    for unit, scale in (('s', 10**9), ('ms', 10**6), ('µs', 10**3)):
        if step >= scale / 10 or unit == 'µs':
            digits = 0 if step >= scale else 1 if step * 10 >= scale else \
                2 if step * 100 >= scale else 3
            return f'{ns / scale:.{digits}f} {unit}'
    return f'{ns} ns'
