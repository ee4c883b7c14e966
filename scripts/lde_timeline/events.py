# SPDX-License-Identifier: GPL-2.0
"""events.py - read a perf trace of lde's events (module/lde_trace.h).

perf script prints a tracepoint as
    comm  tid [cpu] secs.frac:  lde:event: key=value key=value ...
and prints the enums (reason, found, caller) by name.  parse() keeps the
lde lines and ignores the rest; Trace says what the whole run was.
"""
import re
import subprocess
import sys

# comm may hold spaces; tid may be pid/tid; a period may follow the time.
LINE = re.compile(r'^\s*(?P<comm>.*?)\s+(?P<tid>-?\d+)(?:/\d+)?\s+'
                  r'\[(?P<cpu>\d+)\]\s+(?P<secs>\d+)\.(?P<frac>\d+):\s+'
                  r'(?:\d+\s+)?lde:(?P<name>\w+):\s*(?P<args>.*)$')
FIELD = re.compile(r'(\w+)=(\S+)')

# The numbers behind the names lde_trace.h prints, in case a perf prints
# numbers.  C writes each list once (module/uapi/lde.h: LDE_SWITCH_REASONS,
# LDE_MODES...); lde-timeline --self-test holds these against those.
REASONS = ['yield', 'timer', 'sleep', 'exit', 'watchdog', 'host']
MODES = ['host', 'kernel', 'guest']
CALLERS = ['user', 'guest']
WORKLOADS = ['spin', 'yield', 'sleep', 'regs', 'exit']
ENDS = ['running', 'duration', 'exited', 'watchdog', 'stopped', 'unload',
        'offline']
GTRAPS = ['yield', 'sleep', 'exit']		# module/sched.h: LDE_GTRAP_*
USER_TRAPS = ['null', 'getpid', 'clock', 'echo', 'cpl', 'info',
              'sched_start', 'sched_stop', 'sched_result', 'floor']
HOST = -1					# prev or next: the host thread


class Event:
    """One lde event: its time in ns, who ran it, and its fields."""

    def __init__(self, t, cpu, comm, tid, name, fields):
        self.t, self.cpu, self.comm, self.tid = t, cpu, comm, tid
        self.name, self.f = name, fields

    def num(self, key):
        return int(self.f.get(key, 0))

    def sym(self, key, names):
        """A field perf printed by name (or as a number: then its name)."""
        v = self.f.get(key, '')
        if v.isdigit() and int(v) < len(names):
            return names[int(v)]
        return v


def parse(lines):
    """The lde events in the text of perf script, in time order."""
    evs = []
    for line in lines:
        m = LINE.match(line)
        if not m:
            continue
        t = int(m['secs']) * 10**9 + int(m['frac'].ljust(9, '0')[:9])
        evs.append(Event(t, int(m['cpu']), m['comm'], int(m['tid']),
                         m['name'], dict(FIELD.findall(m['args']))))
    evs.sort(key=lambda e: e.t)
    return evs


def read_trace(path):
    """The lines of perf script's text: from a file, '-' (stdin), or run
    on a perf.data file."""
    if path == '-':
        return sys.stdin.read().splitlines()
    with open(path, 'rb') as f:
        magic = f.read(8)
    if magic == b'PERFILE2':
        out = subprocess.run(['perf', 'script', '--ns', '-i', path],
                             check=True, capture_output=True, text=True)
        return out.stdout.splitlines()
    with open(path, encoding='utf-8', errors='replace') as f:
        return f.read().splitlines()


def parse_time(s):
    """'250us', '5ms', '1.5s', '100ns' (lde's DUR), in ns; None if bad."""
    m = re.fullmatch(r'([0-9]+(?:\.[0-9]*)?)\s*(ns|us|ms|s)', s.strip())
    if not m:
        return None
    return int(float(m[1]) * {'ns': 1, 'us': 10**3, 'ms': 10**6,
                              's': 10**9}[m[2]])


def fmt_ns(ns):
    """A duration the way lde sched prints one: 169 ns, 48.1 µs, 1.00 ms."""
    for unit, scale in (('s', 10**9), ('ms', 10**6), ('µs', 10**3)):
        if ns >= scale:
            v = ns / scale
            return f'{v:.3g} {unit}' if v < 100 else f'{v:.0f} {unit}'
    return f'{ns} ns'


def lane(n):
    """The lane of a guest number in a trace: 'g3', or 'host' for -1."""
    return 'host' if n == HOST else f'g{n}'


class Trace:
    """The whole run: its events, time 0, guests, policy and engine."""

    def __init__(self, evs, name):
        self.evs, self.name = evs, name
        # Time 0 is the experiment's first event, not the setup traps of
        # the process that started it (they come a few ms earlier).
        lab = [e for e in evs if e.name in ('guest_switch', 'timer_tick',
                                             'guest_start')]
        self.t0 = (lab or evs)[0].t
        self.end = evs[-1].t - self.t0
        self.workload = {lane(e.num('guest')): e.sym('workload', WORKLOADS)
                         for e in evs if e.name == 'guest_start'}
        self.guests = sorted({lane(e.num(k)) for e in evs
                              for k in ('prev', 'next', 'guest')
                              if k in e.f and e.num(k) != HOST},
                             key=lambda g: int(g[1:]))
        ticks = [e.t for e in evs if e.name == 'timer_tick']
        gaps = sorted(b - a for a, b in zip(ticks, ticks[1:]))
        self.quantum = gaps[len(gaps) // 2] if gaps else 0
        # The linux engine runs each guest on a kthread of its own.
        self.engine = ('linux' if any(re.fullmatch(r'lde/\d+:g\d+', e.comm)
                                      for e in evs) else 'lde')

    def title(self):
        mix = {}
        for g in self.guests:
            w = self.workload.get(g, '?')
            mix[w] = mix.get(w, 0) + 1
        pol = (f'rr (a timer tick every {fmt_ns(self.quantum)})'
               if self.quantum else 'coop (no quantum timer)')
        return (f'{self.name}: {len(self.guests)} guests ran ('
                + ', '.join(f'{n} {w}' for w, n in mix.items())
                + f'), {pol}, engine {self.engine}, '
                f'{fmt_ns(self.end)} traced')
