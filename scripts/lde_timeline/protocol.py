# SPDX-License-Identifier: GPL-2.0
"""protocol.py - the trace read as OSTEP's Figure 6.2, one row per event.

OSTEP's "Limited Direct Execution Protocol (Timer Interrupt)" has three
columns, OS @ run (kernel mode), Hardware, and Program (user mode), and
time runs down.  Here each lde event becomes a Row: text in the OS and
the hardware columns, arrows between columns, and the new mode of the
program lanes (the host thread, each guest, a process that trapped).

What lde does, in OSTEP's words (Documentation/sched.md):
  timer interrupt   the quantum hrtimer; the interrupt entry saves the
                    guest's registers on its own stack (k-stack), and the
                    handler returns into lde's trampoline, which saves
                    them all and calls switch() (lde_schedule)
  switch()          save regs(A) -> proc(A), restore regs(B) <- proc(B),
                    switch to k-stack(B): lde_swtch, or Linux's switch_to
  return-from-trap  B's trampoline pops its registers (a preempted B), or
                    B's trap returns (trap_exit), or B starts (guest_start)
  trap              a guest's call into lde_gtrap(): yield, sleep, exit
Some steps leave no event, and are inferred: a switch right on a trap's
way out (a timer's note), and lde's watchdog tick, which ends the run or
lends the CPU to Linux.
"""
from .events import (CALLERS, ENDS, GTRAPS, MODES, REASONS, USER_TRAPS,
                     WORKLOADS, fmt_ns, lane)

GAP_NS = 10000		# a longer silence between rows gets a gap row


class Row:
    """One row: text in the OS and hardware columns, arrows between
    columns, and the lanes whose mode changes here."""

    def __init__(self, t, os_lines=(), hw_lines=()):
        self.t = t
        self.os, self.hw = list(os_lines), list(hw_lines)
        self.arrows = []	# (from, to, label, kind, line)
        self.modes = {}		# lane -> (mode, line)
        self.gap = None		# a gap row: ns since the row before

    def arrow(self, src, dst, label='', kind='irq', line=0):
        """An arrow between two columns, level with one of the text lines.
        kind: 'irq', 'trap', 'ret' (return-from-trap) or 'host'."""
        self.arrows.append((src, dst, label, kind, line))

    def set(self, who, mode, line=0):
        """who's mode from that text line on: 'run' (its own code),
        'kernel' (the mini-kernel works for it) or None (off the CPU)."""
        self.modes[who] = (mode, line)


def regs(who):
    return f'regs({who})'


def tick_row(e, st, nxt):
    """The quantum timer's interrupt, in whatever mode it found the CPU."""
    found, a = e.sym('found', MODES), st.cur
    r = Row(e.t, hw_lines=['timer interrupt',
                           f'late {fmt_ns(e.num("late_ns"))}'])
    if found == 'guest' and a and a != 'host':
        r.hw.append(f'save {regs(a)} → k-stack({a})')
        r.arrow(a, 'hw')
        r.os = ['handle the trap: timer', f'{a} was in guest mode: return',
                'via the trampoline, to switch()']
        r.set(a, 'kernel')
        if not switch_of(nxt, a):
            # Alone on the run queue, or not certainly safe to preempt
            # (guest_interrupted()): it goes on where it was.
            r.os[1:] = [f'{a} was in guest mode, but no',
                        'switch followed (alone, or',
                        'not safe to preempt there):',
                        f'return-from-trap, {a} goes on']
            r.arrow('os', a, 'return-from-trap', 'ret', 4)
            r.set(a, 'run', 4)
    elif found == 'kernel':
        st.note = True
        r.os = ['handle the trap: timer', 'the mini-kernel is busy: leave',
                "a note, switch on the trap's way out"]
    else:
        r.os = ['handle the trap: timer', 'the host thread has the CPU:',
                'nothing to take back']
    r.hw.append('jump to trap handler')
    r.arrow('hw', 'os')
    return r


def switch_of(e, who):
    """Whether e is a switch away from who."""
    return e and e.name == 'guest_switch' and lane(e.num('prev')) == who


def trap_name(e):
    names = GTRAPS if e.sym('caller', CALLERS) == 'guest' else USER_TRAPS
    nr = e.num('nr')
    return names[nr] if nr < len(names) else f'nr {nr}'


def trapper(e, st):
    """Who trapped: the guest on the CPU, or a process (a lane of its own)."""
    if e.sym('caller', CALLERS) == 'guest':
        return st.cur
    st.procs[f'p{e.tid}'] = e.comm
    return f'p{e.tid}'


def trap_enter_row(e, st, nxt):
    who, name = trapper(e, st), trap_name(e)
    r = Row(e.t, [f'handle the trap: {name}'])
    if who and who[0] == 'p':
        r.os.append(f'for {st.name(who)}, pid {who[1:]}')
    elif name in GTRAPS:
        r.os.append('call switch()')
    else:
        r.os.append('no such trap: -ENOSYS')
    if who:
        r.arrow(who, 'os', f'trap ({name})', 'trap')
        r.set(who, 'kernel')
        if who[0] == 'g':
            st.in_trap.add(who)
    return r


def deferred(e, st, nxt, who):
    """Whether a switch comes on the way out of the trap e returns from:
    on the quantum timer's note (traced), or the watchdog's (untraced,
    so only when it comes at once)."""
    if not switch_of(nxt, who):
        return False
    why = nxt.sym('reason', REASONS)
    return (why == 'timer' and st.note) or \
        (why in ('host', 'watchdog') and nxt.t - e.t < GAP_NS)


def trap_exit_row(e, st, nxt):
    who = trapper(e, st)
    st.in_trap.discard(who)
    r = Row(e.t, [f'return-from-trap ({trap_name(e)}: {e.num("ret")})'])
    if who and deferred(e, st, nxt, who):
        r.os = [f'the trap ({trap_name(e)}) is done; on its way',
                "out, a timer's note: call switch()"]
    elif who:
        r.os.append(f'restore {regs(st.name(who))} ← '
                    f'k-stack({st.name(who)})')
        r.arrow('os', who, 'return-from-trap', 'ret')
        r.set(who, 'run')
    return r


def switch_row(e, st, nxt):
    """OSTEP's switch() routine, and the return into next."""
    a, b = lane(e.num('prev')), lane(e.num('next'))
    why = e.sym('reason', REASONS)
    r = Row(e.t, [f'switch() ({why}): {a} → {b}',
                  f'save {regs(a)} → proc({a})',
                  f'restore {regs(b)} ← proc({b})',
                  f'switch to k-stack({b}): {fmt_ns(e.num("cost_ns"))}'])
    # How a will come back: out of its trap (trap_exit), or with no event,
    # where an interrupt (or a note on a trap's way out) took it.
    st.left[a] = 'trap' if a in st.in_trap else 'irq'
    st.note = False		# lde_finish_switch() drops a tick's note
    if why in ('host', 'watchdog') and a != 'host' and \
            st.modes.get(a) == 'run':
        # Still in guest mode: lde's watchdog tick took it, untraced.
        r.hw = ['watchdog tick (untraced)', f'save {regs(a)} → k-stack({a})',
                'jump to trap handler']
        r.arrow(a, 'hw')
        r.arrow('hw', 'os')
    r.set(a, None)
    r.set(b, 'kernel', 3)
    if b == 'host':
        r.os.append('the run is over' if st.ending else
                    "Linux's turn on this CPU" if why == 'host' else
                    'no guest can run: the host idles')
        r.arrow('os', b, 'to the host thread', 'host', 4)
        r.set(b, 'run', 4)
    elif st.left.get(b) != 'trap' and (b in st.started
                                        or b not in st.tr.workload):
        r.os += [f'return-from-trap (into {b}):',
                 f'restore {regs(b)} ← k-stack({b})']
        r.arrow('os', b, 'return-from-trap', 'ret', 4)
        r.set(b, 'run', 4)
    return r


def start_row(e, st, nxt):
    g = lane(e.num('guest'))
    st.started.add(g)
    r = Row(e.t, [f'first run of {g}: jump to',
                  f'its program, {e.sym("workload", WORKLOADS)}'])
    r.arrow('os', g, 'return-from-trap', 'ret')
    r.set(g, 'run')
    return r


def watchdog_row(e, st, nxt):
    g = lane(e.num('guest'))
    r = Row(e.t, ['handle the trap: watchdog',
                  f'hog: {g} ran {fmt_ns(e.num("ran_ns"))} without',
                  'a trap: end the run'],
            ['watchdog timer interrupt', f'save {regs(g)} → k-stack({g})',
             'jump to trap handler'])
    r.arrow(g, 'hw')
    r.arrow('hw', 'os')
    r.set(g, 'kernel')
    return r


def exit_row(batch):
    """guest_exit events in a row: one guest's exit trap, or the end."""
    end = batch[0].sym('end', ENDS)
    times = [(f'g{e.num("guest")}', fmt_ns(e.num('cpu_ns'))) for e in batch]
    if end == 'exited':
        return Row(batch[-1].t, [f'{times[0][0]} exits, after '
                                 f'{times[0][1]} of CPU'])
    r = Row(batch[-1].t, [f'the end ({end}); CPU time:'])
    for i in range(0, min(len(times), 9), 3):
        r.os.append(', '.join(f'{g} {cpu}' for g, cpu in times[i:i + 3]))
    if len(times) > 9:
        r.os.append(f'... and {len(times) - 9} more guests')
    return r


ROWS = {'timer_tick': tick_row, 'trap_enter': trap_enter_row,
        'trap_exit': trap_exit_row, 'guest_switch': switch_row,
        'guest_start': start_row, 'watchdog': watchdog_row}


class Protocol:
    """The rows of the first max_events events in the window [lo, hi]
    (ns from the trace's time 0), and each lane's mode where they begin.
    Every event from the trace's start is replayed, to know who is where."""

    def __init__(self, tr, lo, hi, max_events):
        self.tr, self.rows, self.procs = tr, [], {}
        self.cur, self.modes, self.ending = None, {}, False
        self.in_trap, self.left, self.started = set(), {}, set()
        self.note = False	# a tick found the mini-kernel busy
        self.start_modes, self.shown, self.total = None, 0, 0
        evs, i = tr.evs, 0
        while i < len(evs):
            batch = [evs[i]]
            while batch[0].name == 'guest_exit' and i + len(batch) < len(evs) \
                    and evs[i + len(batch)].name == 'guest_exit':
                batch.append(evs[i + len(batch)])
            i += len(batch)
            self.replay(batch, evs[i] if i < len(evs) else None, i, lo, hi,
                        max_events)
        self.add_gaps()

    def replay(self, batch, nxt, i, lo, hi, max_events):
        e = batch[0]
        if e.name == 'guest_switch':
            self.ending = self.ends_after(i)
        if e.name == 'guest_exit':
            row = exit_row(batch)
        else:
            row = ROWS[e.name](e, self, nxt) if e.name in ROWS else None
        if lo <= e.t - self.tr.t0 <= hi:
            self.total += len(batch)
            if row and self.shown < max_events:
                if self.start_modes is None:
                    self.start_modes = dict(self.modes)
                self.rows.append(row)
                self.shown += len(batch)
        if row:
            self.modes.update({k: m for k, (m, _) in row.modes.items()})
        if e.name == 'guest_switch':
            self.cur = lane(e.num('next'))

    def name(self, who):
        return self.procs.get(who, who)

    def ends_after(self, i):
        """Whether the experiment ends before the next switch after i."""
        evs = self.tr.evs
        for j in range(i, len(evs)):
            if evs[j].name == 'guest_switch':
                return False
            if evs[j].name == 'guest_exit' and \
                    evs[j].sym('end', ENDS) != 'exited':
                return True
        return True

    def add_gaps(self):
        rows = []
        for r in self.rows:
            if rows and r.t - rows[-1].t > GAP_NS:
                gap = Row(r.t)
                gap.gap = r.t - rows[-1].t
                rows.append(gap)
            rows.append(r)
        self.rows = rows

    def lanes(self):
        """The program lanes the rows touch: host, guests, processes."""
        used = {k for k, m in (self.start_modes or {}).items() if m}
        for r in self.rows:
            used.update(r.modes)
            used.update(c for a in r.arrows for c in a[:2])
        order = ['host'] + self.tr.guests + sorted(self.procs)
        return [x for x in order if x in used]
