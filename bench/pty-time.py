"""Time from spawning a command in a pseudo-terminal (80 x 24) to the first screen: the first output that
holds `marker`, or, with an empty marker, the command's exit. Prints the milliseconds; exit 1 when the marker
never came. Usage: python3 bench/pty-time.py <marker> <command> [args...]"""
import fcntl, os, pty, select, signal, struct, sys, termios, time

marker = sys.argv[1].encode()
argv = sys.argv[2:]
start = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(sys.stdout.fileno(), termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    os.execvp(argv[0], argv)
seen = b""
found = False
while True:
    ready, _, _ = select.select([fd], [], [], 20)
    if not ready:
        break
    try:
        data = os.read(fd, 65536)
    except OSError:
        data = b""
    if not data:
        break
    seen += data
    if marker and marker in seen:
        found = True
        break
elapsed = (time.perf_counter() - start) * 1000
if marker:
    os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
print(f"{elapsed:.3f}")
sys.exit(0 if found or not marker else 1)
