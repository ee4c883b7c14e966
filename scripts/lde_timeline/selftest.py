# SPDX-License-Identifier: GPL-2.0
"""selftest.py - scripts/lde-timeline --self-test: a canned trace, no VM.

canned-trace.txt is two guests under rr, in perf script's own format: g0
spins and g1 yields.  It has each step the picture must read right: a
process's trap around the whole run, a timer preemption, a first run, a
trap that switches and its return, a tick that finds the mini-kernel busy
and the switch on the trap's way out, and the untraced watchdog tick that
ends the run.

It also holds events.py's names of lde's enums against the lists that
write them once, in the C headers (module/uapi/lde.h, module/lde_trace.h,
module/sched.h): a perf that prints numbers must still read right.
"""
import os
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ET

from . import events
from .events import Trace, parse
from .figure import render
from .overview import Overview

CANNED = os.path.join(os.path.dirname(__file__), 'canned-trace.txt')
MODULE = os.path.join(os.path.dirname(__file__), '..', '..', 'module')

# events.py's lists, and the C list or enum each must match.
NAMES = [
    ('REASONS', 'uapi/lde.h', 'LDE_SWITCH_REASONS'),
    ('MODES', 'uapi/lde.h', 'LDE_MODES'),
    ('WORKLOADS', 'uapi/lde.h', 'LDE_WORKLOADS'),
    ('ENDS', 'uapi/lde.h', 'LDE_ENDS'),
    ('USER_TRAPS', 'uapi/lde.h', 'LDE_TRAPS'),
    ('CALLERS', 'lde_trace.h', 'LDE_CALLERS'),
    ('GTRAPS', 'sched.h', 'lde_gtrap_nr'),
]


def c_names(text, name):
    """The names of C list name (LDE_MODES(EM, EMe)), in the order of
    their numbers; or of enum name, LDE_GTRAP_YIELD as 'yield'."""
    m = re.search(r'^enum ' + name + r' \{(.*?)\};', text, re.M | re.S)
    if m:
        syms = re.findall(r'^\s*LDE_GTRAP_(\w+)', m[1], re.M)
        return [s.lower() for s in syms if s != 'NR']
    m = re.search(r'^#define ' + name + r'\(EM, EMe\)((?:.*\\\n)*.*)$',
                  text, re.M)
    if not m:
        return None
    entries = re.findall(r'\bEMe?\((\w+),\s*"([^"]*)"\)', m[1])
    value = dict(re.findall(r'^\s*(?:#define\s+)?(LDE_\w+)\s*=?\s*(\d+)',
                            text, re.M))
    if any(sym not in value for sym, _ in entries):
        return None
    return [n for _, n in sorted(entries, key=lambda e: int(value[e[0]]))]


def header_checks():
    """(what, whether it holds): each list of events.py against C's."""
    out = []
    for py, header, name in NAMES:
        try:
            with open(os.path.join(MODULE, header), encoding='utf-8') as f:
                c = c_names(f.read(), name)
        except OSError:
            c = None
        out.append((f'events.{py} is module/{header}\'s {name}',
                    c is not None and c == getattr(events, py)))
    return out


def checks(tr, doc, pr):
    """(what, whether it holds) for the canned trace's picture."""
    ov = Overview(tr, 0, tr.end)
    deferred = [r for r in pr.rows if r.os and 'is done' in r.os[0]]
    at = {r.t - tr.t0: r for r in pr.rows if r.gap is None}
    return [
        ('22 events; time 0 is the first switch, not the setup trap',
         len(tr.evs) == 22 and tr.t0 == 100000100000),
        ('2 guests, rr, a tick every 1 ms', tr.guests == ['g0', 'g1']
         and tr.quantum == 1000000 and tr.engine == 'lde'),
        ('g0 held the CPU from each switch-in to its switch-out',
         ov.slices['g0'][:2] == [(0, 1001800), (1501000, 2001820)]),
        ('the protocol shows the 21 events of the run',
         pr.shown == pr.total == 21),
        ('timer interrupt: save regs(A) to its k-stack',
         'save regs(g0) → k-stack(g0)' in doc),
        ("switch(): OSTEP's three steps", 'save regs(g0) → proc(g0)' in doc
         and 'restore regs(g1) ← proc(g1)' in doc
         and 'switch to k-stack(g1)' in doc),
        ('a trap and its return-from-trap', 'trap (yield)' in doc
         and 'return-from-trap (yield: 0)' in doc),
        ('a preempted g0 comes back at the switch, a yielding g1 at its '
         'trap_exit', returns(at[1501000]) == ['g0']
         and returns(at[2002000]) == [] and returns(at[2003000]) == ['g1']),
        ("a busy tick's note: the switch on the trap's way out",
         'the mini-kernel is busy' in doc and len(deferred) == 1
         and not deferred[0].arrows),
        ("the watchdog's tick ends the run", 'watchdog tick (untraced)'
         in doc and 'the run is over' in doc and 'the end (duration)' in doc),
        ('the process that started it returns', 'sched_result: 0' in doc),
        ('lanes: host, g0, g1, the process', pr.lanes() ==
         ['host', 'g0', 'g1', 'p300']),
        ('the SVG is well-formed', well_formed(doc)),
        ('rsvg-convert makes a PNG of it', png_made(doc)),
    ]


def returns(row):
    """The lanes a row's return-from-trap arrows go to."""
    return [dst for _, dst, _, kind, _ in row.arrows if kind == 'ret']


def well_formed(doc):
    try:
        ET.fromstring(doc)
        return True
    except ET.ParseError:
        return False


def png_made(doc):
    with tempfile.TemporaryDirectory() as d:
        svg, png = os.path.join(d, 'a.svg'), os.path.join(d, 'a.png')
        with open(svg, 'w', encoding='utf-8') as f:
            f.write(doc)
        try:
            subprocess.run(['rsvg-convert', '-o', png, svg], check=True)
        except (OSError, subprocess.CalledProcessError):
            return False
        return os.path.getsize(png) > 0


def self_test():
    """Print a KTAP-like line per check; 0 if all pass."""
    with open(CANNED, encoding='utf-8') as f:
        tr = Trace(parse(f.read().splitlines()), 'canned-trace.txt')
    doc, pr = render(tr, 0, tr.end, 40)
    results = checks(tr, doc, pr) + header_checks()
    for i, (what, ok) in enumerate(results, 1):
        print(f'{"ok" if ok else "not ok"} {i} {what}')
    failed = sum(not ok for _, ok in results)
    print(f'# {len(results) - failed} passed, {failed} failed')
    return 1 if failed else 0
