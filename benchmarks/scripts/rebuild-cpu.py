#!/usr/bin/env python3
"""Where a bulk rebuild's CPU goes (README, "Where the rebuild's CPU goes"): start it, then the benchmark suite.

Waits for a JVM with 3+ 'projection-rebu*' threads (the bulk replay's reader and writers); while they run, samples
every second, without forking: the JVM's CPU (/proc/PID/stat, dead threads included), per-thread-group CPU, all
postgres processes' CPU with their reaped children's, and PostgreSQL's split by process title (backends, WAL writer,
checkpointer, autovacuum workers, ...; a process that ended counts as last sampled). Prints the deltas between the
first and the last sample."""
import os, re, time, collections
HZ = os.sysconf('SC_CLK_TCK')

def read(path):
    try:
        with open(path) as f: return f.read()
    except OSError: return None

def stat_ticks(text, children=False):
    fields = text[text.rindex(')') + 2:].split()
    t = int(fields[11]) + int(fields[12])
    return t + (int(fields[13]) + int(fields[14]) if children else 0)

def rebuild_threads(pid):
    n = 0
    try:
        for tid in os.listdir(f'/proc/{pid}/task'):
            c = read(f'/proc/{pid}/task/{tid}/comm')
            if c and c.startswith('projection-rebu'): n += 1
    except OSError: pass
    return n

def snap(pid):
    s = collections.Counter()
    for tid in os.listdir(f'/proc/{pid}/task'):
        c, st = read(f'/proc/{pid}/task/{tid}/comm'), read(f'/proc/{pid}/task/{tid}/stat')
        if c and st: s[re.sub(r'[0-9]+', 'N', c.strip())] += stat_ticks(st)
    st = read(f'/proc/{pid}/stat')
    if st: s['JVM(all)'] = stat_ticks(st)
    for p in os.listdir('/proc'):
        if p.isdigit() and (read(f'/proc/{p}/comm') or '').strip() == 'postgres':
            st = read(f'/proc/{p}/stat')
            if st:
                s['POSTGRES(all)'] += stat_ticks(st, children=True)
                title = (read(f'/proc/{p}/cmdline') or '').replace('\0', ' ').strip()
                role = title[len('postgres: '):] if title.startswith('postgres: ') else 'postmaster'
                known = ('autovacuum worker', 'autovacuum launcher', 'checkpointer', 'background writer', 'walwriter',
                         'logical replication launcher', 'parallel worker')
                role = next((k for k in known if role.startswith(k)), 'backend' if role != 'postmaster' else role)
                seen[p] = ('pg ' + role, stat_ticks(st))
    for p, (role, ticks) in seen.items(): s[role] += ticks
    s['WALL'] = time.time()
    return s

seen = {}
pid = None
while pid is None:
    for p in os.listdir('/proc'):
        if p.isdigit() and (read(f'/proc/{p}/comm') or '').strip() == 'java' and rebuild_threads(p) >= 3:
            pid = p; break
    time.sleep(0.5)
first = last = snap(pid)
while rebuild_threads(pid) >= 3:
    s = snap(pid)
    if rebuild_threads(pid) >= 3: last = s
    time.sleep(1)
print(f"wall {last['WALL'] - first['WALL']:.1f} s (the replay, 1 s resolution; deferred indexes after it not included)")
rows = sorted(((last[k] - first.get(k, 0)) / HZ, k) for k in last if k != 'WALL')
for d, k in reversed(rows[-20:]):
    if d > 0: print(f'{d:7.1f} s  {k}')
