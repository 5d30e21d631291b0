#!/usr/bin/env python3
"""Renders collapsed stacks (async-profiler's `collapsed` output: "frame;frame;frame count" per line) as a flame
graph SVG, so a profile can be an image in docs/, and prints the top frames by self time and by total time to
stderr. Usage: flame.py TITLE < in.collapsed > out.svg

Frames narrower than 0.25% of the samples are merged away; colours: green for Java (Helidon, Lettuce, ...),
blue for sessionstore's own code, yellow for the JVM and native code, red for the kernel.
"""
import html
import sys

WIDTH, ROW, MIN_SHARE = 1600, 16, 0.0025


def parse(lines):
    root = {"n": 0, "c": {}}
    for line in lines:
        line = line.rstrip("\n")
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        root["n"] += n
        node = root
        for frame in stack.split(";"):
            node = node["c"].setdefault(frame, {"n": 0, "c": {}})
            node["n"] += n
    return root


def colour(frame):
    if frame.endswith("_[k]"):
        return "#e06050"
    if "dev/sessionstore" in frame or "dev.sessionstore" in frame:
        return "#5b9bd5"
    if "/" in frame or "." in frame and not frame.startswith("["):
        return "#6cbf6c"
    return "#e0c050"


def render(root, title):
    total = max(root["n"], 1)
    rects = []

    def walk(node, name, x, depth):
        w = node["n"] / total * WIDTH
        if node["n"] / total < MIN_SHARE:
            return 0
        rects.append((x, depth, w, name, node["n"]))
        cx = x
        for child_name, child in sorted(node["c"].items()):
            walk(child, child_name, cx, depth + 1)
            cx += child["n"] / total * WIDTH
        return depth

    walk(root, "all", 0.0, 0)
    depth = max(d for _, d, _, _, _ in rects) + 1
    height = (depth + 2) * ROW + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" font-family="monospace" '
           f'font-size="11"><rect width="100%" height="100%" fill="#ffffff"/>'
           f'<text x="4" y="14" font-size="13">{html.escape(title)} ({total} samples)</text>']
    for x, d, w, name, n in rects:
        y = height - (d + 1) * ROW
        label = name.replace("/", ".")
        share = n / total * 100
        out.append(f'<g><title>{html.escape(label)} ({n} samples, {share:.1f}%)</title>'
                   f'<rect x="{x:.1f}" y="{y}" width="{max(w - 0.5, 0.1):.1f}" height="{ROW - 1}" '
                   f'fill="{colour(name)}"/>')
        chars = int(w / 6.6)
        if chars >= 4:
            text = label if len(label) <= chars else label[: chars - 2] + ".."
            out.append(f'<text x="{x + 2:.1f}" y="{y + ROW - 4}">{html.escape(text)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def tops(lines, n=25):
    """The frames with the most samples on top of the stack (self) and anywhere in it (total, once per stack)."""
    own, total, all_ = {}, {}, 0
    for line in lines:
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack or not count.isdigit():
            continue
        c = int(count)
        all_ += c
        frames = stack.split(";")
        own[frames[-1]] = own.get(frames[-1], 0) + c
        for f in set(frames):
            total[f] = total.get(f, 0) + c
    out = []
    for name, table in (("self", own), ("total", total)):
        out.append(f"top {n} frames by {name} samples (of {all_}):")
        for f, c in sorted(table.items(), key=lambda e: -e[1])[:n]:
            out.append(f"  {c / max(all_, 1) * 100:5.1f}%  {f.replace('/', '.')}")
    return "\n".join(out)


# Components, looked for from the leaf of a stack towards its root (kernel frames skipped): the first that
# matches owns the sample. Order matters only within one stack.
COMPONENTS = [
    ("JSON (Jackson, the session codec)", ("jackson", "JsonCodec", "dev/sessionstore/json")),
    ("metrics (Micrometer)", ("micrometer",)),
    ("Redis client (Lettuce, Netty; sessionstore's own connections)",
     ("io/lettuce", "io/netty", "dev/sessionstore/redis/support")),
    ("store calls (RedisSessionStore, scripts)", ("dev/sessionstore/redis",)),
    ("date/time formatting", ("java/time/format",)),
    ("regex", ("java/util/regex",)),
    ("HTTP server (Helidon)", ("io/helidon",)),
    ("sessionstore service code", ("dev/sessionstore",)),
    ("virtual-thread scheduling (ForkJoinPool, continuations)", ("ForkJoin", "VirtualThread", "Continuation", "LockSupport")),
    ("JVM: GC, JIT, VM threads", ("GC", "G1", "Compile", "C2", "C1", "VMThread", "JvmtiAgent", "Interpreter")),
]


def components(lines):
    """Samples per component; and per component, the share spent in kernel frames (syscalls, scheduling)."""
    per, kernel, all_ = {}, {}, 0
    for line in lines:
        stack, _, count = line.rstrip("\n").rpartition(" ")
        if not stack or not count.isdigit():
            continue
        c = int(count)
        all_ += c
        frames = stack.split(";")
        name = "other (native, unknown)"
        for f in reversed(frames):
            if f.endswith("_[k]"):
                continue
            hit = next((label for label, keys in COMPONENTS if any(k in f for k in keys)), None)
            if hit:
                name = hit
                break
        per[name] = per.get(name, 0) + c
        if frames[-1].endswith("_[k]"):
            kernel[name] = kernel.get(name, 0) + c
    out = [f"samples by component (leaf-most match; of {all_}; 'kernel' = the part spent in kernel frames):"]
    for name, c in sorted(per.items(), key=lambda e: -e[1]):
        out.append(f"  {c / max(all_, 1) * 100:5.1f}%  {name}  (kernel {kernel.get(name, 0) / max(all_, 1) * 100:.1f}%)")
    return "\n".join(out)


if __name__ == "__main__":
    lines = sys.stdin.readlines()
    print(render(parse(lines), sys.argv[1] if len(sys.argv) > 1 else "flame graph"))
    print(components(lines), file=sys.stderr)
    print(tops(lines), file=sys.stderr)
