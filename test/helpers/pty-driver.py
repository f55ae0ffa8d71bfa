"""Run a command in a real pseudo-terminal and drive it like a user: wait for text, press keys.

Usage: python3 pty-driver.py <columns> <rows> <steps.json> <command> [args...]
steps.json: [["wait", "text"], ["send", "keys"], ["resize", "60x24"], ...]. "resize" sets the terminal's size
(the command gets SIGWINCH). "wait" looks for the text (escape sequences removed)
in what the command printed since the last "send", for up to AGENTPACK_PTY_WAIT seconds. At the end the
driver waits for the command to exit and prints one JSON object: the raw output, the exit code, and the
step that timed out (if one did). Only the standard library: python3 is on every machine the tests run on.
"""
import fcntl, json, os, pty, re, select, struct, sys, termios, time

cols, rows, steps_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
argv = sys.argv[4:]
steps = json.load(open(steps_file, encoding="utf-8"))
limit = float(os.environ.get("AGENTPACK_PTY_WAIT", "20"))
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")

pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    os.execvp(argv[0], argv)

out = bytearray()
mark = 0
failed = None


def pump(timeout):
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return True
    try:
        data = os.read(fd, 65536)
    except OSError:
        return False
    if not data:
        return False
    out.extend(data)
    return True


for index, (kind, value) in enumerate(steps):
    if kind == "send":
        mark = len(out)
        os.write(fd, value.encode("utf-8"))
        continue
    if kind == "resize":
        mark = len(out)
        new_cols, new_rows = (int(n) for n in value.split("x"))
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", new_rows, new_cols, 0, 0))
        continue
    deadline = time.time() + limit
    alive = True
    while True:
        if value in ANSI.sub("", out[mark:].decode("utf-8", "replace")):
            break
        if not alive or time.time() > deadline:
            failed = {"step": index, "text": value}
            break
        alive = pump(0.05)
    if failed:
        break

if failed:
    os.kill(pid, 9)
deadline = time.time() + limit
while time.time() < deadline and pump(0.05):
    pass
_, status = os.waitpid(pid, 0)
code = os.waitstatus_to_exitcode(status)
print(json.dumps({"output": out.decode("utf-8", "replace"), "code": code, "failed": failed}))
