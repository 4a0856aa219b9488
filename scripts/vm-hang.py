#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""What a guest that did not finish in time was doing, through QEMU's human monitor.

    scripts/vm-hang.py MONITOR_SOCKET SYSTEM_MAP

Prints, for every vCPU, whether it was halted (idle), in user space or in the kernel, and for
the kernel its instruction pointer as symbol+offset (from the kernel's System.map; the test
kernel is built without KASLR). Then sends sysrq l (a backtrace of every active CPU) and
sysrq w (the blocked tasks) as keys, which the guest kernel prints on its console. scripts/vm.sh
runs it when its timeout expires, before it stops QEMU.
"""

import bisect
import re
import socket
import sys
import time

PROMPT = b"(qemu) "


def command(sock, line, wait=10.0):
    """Sends one monitor command and returns its output (up to the next prompt)."""
    sock.sendall(line.encode() + b"\n")
    data = b""
    deadline = time.monotonic() + wait
    while not data.rstrip().endswith(PROMPT.rstrip()) and time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except socket.timeout:
            continue
        if not chunk:
            break
        data += chunk
    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", data.decode(errors="replace"))
    return text.replace("\r", "").replace("(qemu) ", "")


def symbols(path):
    """The text symbols of a System.map, sorted by address."""
    addrs, names = [], []
    try:
        with open(path, encoding="ascii", errors="replace") as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3 and parts[1] in "tTwW":
                    addrs.append(int(parts[0], 16))
                    names.append(parts[2])
    except OSError:
        pass
    order = sorted(range(len(addrs)), key=addrs.__getitem__)
    return [addrs[i] for i in order], [names[i] for i in order]


def symbolize(addr, addrs, names):
    i = bisect.bisect_right(addrs, addr) - 1
    if i < 0 or i + 1 >= len(addrs):
        return "outside the kernel image (a module, or user space)"
    return f"{names[i]}+{addr - addrs[i]:#x}"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: vm-hang.py MONITOR_SOCKET SYSTEM_MAP")
    addrs, names = symbols(sys.argv[2])
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(1.0)
    try:
        sock.connect(sys.argv[1])
    except OSError as e:
        sys.exit(f"vm-hang: cannot reach the QEMU monitor at {sys.argv[1]}: {e}")
    command(sock, "")  # the banner and first prompt
    regs = command(sock, "info registers -a")
    print("vCPUs when the timeout expired:")
    for cpu in re.split(r"^CPU#", regs, flags=re.M)[1:]:
        num = cpu.split("\n", 1)[0].strip()
        rip = re.search(r"RIP=([0-9a-f]+)", cpu)
        cpl = re.search(r"CPL=(\d)", cpu)
        hlt = re.search(r"HLT=(\d)", cpu)
        rsp = re.search(r"RSP=([0-9a-f]+)", cpu)
        if not (rip and cpl and hlt):
            print(f"  CPU {num}: no registers")
            continue
        where = int(rip.group(1), 16)
        if hlt.group(1) == "1":
            state = "halted (idle)"
        elif cpl.group(1) == "3":
            state = f"in user space at {where:#x}"
        else:
            state = f"in the kernel at {symbolize(where, addrs, names)}"
        if rsp and hlt.group(1) != "1":
            state += f" (rsp {rsp.group(1)})"
        print(f"  CPU {num}: {state}")
    for key, what in (("l", "the backtrace of every active CPU"), ("w", "the blocked tasks")):
        print(f"sending sysrq {key} ({what}) to the guest's console")
        command(sock, f"sendkey alt-sysrq-{key}", wait=2.0)
        time.sleep(3)


if __name__ == "__main__":
    main()
