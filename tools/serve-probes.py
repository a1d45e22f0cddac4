#!/usr/bin/env python3
"""The attacker's probes of issue #21 against a running `resface serve`: what each got, whether the server kept
answering, and the server's peak resident memory during each (Linux: /proc/PID/status VmHWM, reset before each).

    python3 tools/serve-probes.py --port 8080 --pid $(pgrep -f 'resface.jar serve') --run glasses [--only PNG]

The JVM keeps the heap it has grown, so a probe's peak counts what earlier probes left: give each photo probe a
freshly started server (--only 12000x3000) for its own figure.
"""
import argparse
import http.client
import socket
import struct
import threading
import time
import uuid
import zlib

A = argparse.ArgumentParser()
A.add_argument("--port", type=int, required=True)
A.add_argument("--pid", type=int, required=True)
A.add_argument("--run", required=True)
A.add_argument("--only", help="run only the probes whose name contains this")
ARGS = A.parse_args()
HOST = "127.0.0.1"


def reset_peak():
    with open(f"/proc/{ARGS.pid}/clear_refs", "w") as f:
        f.write("5")


def peak_gb():
    for line in open(f"/proc/{ARGS.pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1e6
    return float("nan")


def threads():
    for line in open(f"/proc/{ARGS.pid}/status"):
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return -1


def multipart(fields, photo=None):
    b = "probe-" + uuid.uuid4().hex
    out = bytearray()
    for k, v in fields:
        out += f'--{b}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
    if photo is not None:
        out += f'--{b}\r\nContent-Disposition: form-data; name="photo"; filename="p.png"\r\n'.encode()
        out += b"Content-Type: image/png\r\n\r\n" + photo + b"\r\n"
    out += f"--{b}--\r\n".encode()
    return f"multipart/form-data; boundary={b}", bytes(out)


def request(method, path, body=None, headers=None, timeout=120):
    c = http.client.HTTPConnection(HOST, ARGS.port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        return r.status, r.read()[:160].decode("utf-8", "replace")
    except Exception as e:  # a reset or a timeout is an answer too
        return type(e).__name__, ""
    finally:
        c.close()


def edit(fields, photo=None, headers=None):
    ctype, body = multipart(fields, photo)
    h = {"Content-Type": ctype}
    h.update(headers or {})
    return request("POST", "/api/edit", body, h)


def sample_edit():
    return edit([("sample", "sample2"), ("run", ARGS.run), ("direction", "add")])


def alive():
    t = time.time()
    s, _ = request("GET", "/api/runs", timeout=10)
    return s, time.time() - t


def png(w, h):
    """An all-black RGB PNG: megapixels in a few kilobytes."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    z = zlib.compressobj(9)
    row = b"\0" + b"\0" * (3 * w)
    data = bytearray()
    for _ in range(h):
        data += z.compress(row)
    data += z.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", bytes(data)) + chunk(b"IEND", b""))


def trickle(seconds, length=100000, every=5.0, results=None):
    s = socket.create_connection((HOST, ARGS.port))
    s.settimeout(seconds + 30)
    s.sendall((f"POST /api/edit HTTP/1.1\r\nHost: {HOST}:{ARGS.port}\r\nContent-Type: multipart/form-data; boundary=x"
               f"\r\nContent-Length: {length}\r\n\r\n").encode())
    end = time.time() + seconds
    outcome = "held to the end"
    try:
        while time.time() < end:
            s.sendall(b"-")
            time.sleep(every)
    except OSError:
        outcome = "cut off"
    finally:
        s.close()
    if results is not None:
        results.append(outcome)


def probe(name, fn):
    if ARGS.only and ARGS.only not in name:
        return
    reset_peak()
    t = time.time()
    got = fn()
    took = time.time() - t
    s, latency = alive()
    print(f"| {name} | {got} | {took:.1f} s | {'yes' if s == 200 else 'NO (' + str(s) + ')'} ({latency:.2f} s)"
          f" | {peak_gb():.2f} GB |", flush=True)


def slow_uploads():
    results = []
    ts = [threading.Thread(target=trickle, args=(30,), kwargs={"results": results}) for _ in range(5)]
    for t in ts:
        t.start()
    statuses = []
    for _ in range(8):
        time.sleep(3)
        statuses.append(sample_edit()[0])
    for t in ts:
        t.join()
    return f"normal edits meanwhile: {statuses}; the 5 uploads: {sorted(set(results))}"


def slow_crowd():
    results = []
    ts = [threading.Thread(target=trickle, args=(20,), kwargs={"results": results}) for _ in range(300)]
    for t in ts:
        t.start()
    time.sleep(3)
    during = alive()
    most = threads()
    for t in ts:
        t.join()
    return (f"GET /api/runs meanwhile: {during[0]} in {during[1]:.2f} s; JVM threads {most}; "
            f"of 300: {results.count('cut off')} cut off")


def photo(w, h):
    data = png(w, h)
    s, text = edit([("run", ARGS.run), ("direction", "add")], photo=data)
    return f"{len(data) // 1024} KB PNG: {s} {text[:70]}"


def many_parts():
    s, text = edit([("run", ARGS.run)] * 1001 + [("direction", "add")])
    return f"{s} {text[:90]}"


print(f"| probe | what it got | took | server answering after (GET /api/runs) | peak RSS |")
print("|---|---|---|---|---|")
probe("5 uploads, a byte every 5 s, for 30 s", slow_uploads)
probe("300 uploads, a byte every 5 s, for 20 s", slow_crowd)
for w, h in [(12000, 3000), (20000, 2000), (40000, 1000), (1, 40000000)]:
    probe(f"{w}x{h} black PNG", lambda w=w, h=h: photo(w, h))
probe("Origin: http://evil.example", lambda: edit([("sample", "sample2"), ("run", ARGS.run), ("direction", "add")],
                                                  headers={"Origin": "http://evil.example"}))
probe("Host: evil.example", lambda: request("GET", "/api/runs", headers={"Host": "evil.example"}))
probe("1,002 parts", many_parts)
probe("strength 2.000000001", lambda: edit([("sample", "sample2"), ("run", ARGS.run), ("direction", "add"),
                                            ("strength", "2.000000001")]))
