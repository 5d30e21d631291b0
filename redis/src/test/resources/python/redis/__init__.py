"""A tiny RESP2 client with the redis-py method names docs/redis-layout.md uses, so PythonReaderIT can run
its snippets without redis-py: hgetall, time, hmget, zrange, xgroup_create, xreadgroup, xack."""
import socket

class ResponseError(Exception):
    pass

class Redis:
    def __init__(self, host="127.0.0.1", port=6379):
        self.s = socket.create_connection((host, port))
        self.f = self.s.makefile("rb")

    def _cmd(self, *args):
        out = b"*%d\r\n" % len(args)
        for a in args:
            a = a if isinstance(a, bytes) else str(a).encode()
            out += b"$%d\r\n%s\r\n" % (len(a), a)
        self.s.sendall(out)
        return self._read()

    def _read(self):
        line = self.f.readline()[:-2]
        t, rest = line[:1], line[1:]
        if t == b"+": return rest
        if t == b"-": raise ResponseError(rest.decode())
        if t == b":": return int(rest)
        if t == b"$":
            n = int(rest)
            if n < 0: return None
            data = self.f.read(n + 2)[:-2]
            return data
        if t == b"*":
            return [self._read() for _ in range(int(rest))]

    def hgetall(self, key):
        flat = self._cmd("HGETALL", key)
        return {flat[i]: flat[i + 1] for i in range(0, len(flat), 2)}

    def time(self):
        sec, usec = self._cmd("TIME")
        return int(sec), int(usec)

    def hmget(self, key, *fields):
        return self._cmd("HMGET", key, *fields)

    def zrange(self, key, start, end):
        return self._cmd("ZRANGE", key, start, end)

    def xgroup_create(self, name, groupname, id="$", mkstream=False):
        return self._cmd("XGROUP", "CREATE", name, groupname, id, *(["MKSTREAM"] if mkstream else []))

    def xreadgroup(self, groupname, consumername, streams, count=None):
        args = ["XREADGROUP", "GROUP", groupname, consumername]
        if count is not None:
            args += ["COUNT", count]
        args += ["STREAMS", *streams.keys(), *streams.values()]
        reply = self._cmd(*args) or []
        return [[name, [(eid, {f[i]: f[i + 1] for i in range(0, len(f), 2)}) for eid, f in entries]]
                for name, entries in reply]

    def xack(self, name, groupname, *ids):
        return self._cmd("XACK", name, groupname, *ids)
