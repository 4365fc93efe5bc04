"""Exec and port-forward through the official Kubernetes Python client (python3-kubernetes,
WebSocket channel protocol) against the demo cluster.

Usage: demo_streams.py KUBECONFIG
Each check prints one line; the first failure raises and the exit code is non-zero.
"""
import sys

from kubernetes import client, config
from kubernetes.client.rest import ApiException
from kubernetes.stream import portforward, stream


def check(name, condition, detail=""):
    if not condition:
        raise AssertionError("%s: %s" % (name, detail))
    print("ok   %s" % name)


def pod_of(core, app):
    pods = core.list_namespaced_pod("bookinfo", label_selector="app=%s" % app).items
    return pods[0].metadata.name


def main():
    config.load_kube_config(config_file=sys.argv[1])
    core = client.CoreV1Api()
    details = pod_of(core, "details")

    out = stream(core.connect_get_namespaced_pod_exec, details, "bookinfo",
                 container="details", command=["hostname"],
                 stderr=True, stdin=False, stdout=True, tty=False)
    check("exec hostname", out.strip() == details, repr(out))

    resp = stream(core.connect_get_namespaced_pod_exec, details, "bookinfo",
                  container="details", command=["sh", "-c", "echo out; nosuch; exit 5"],
                  stderr=True, stdin=False, stdout=True, tty=False,
                  _preload_content=False)
    resp.run_forever(timeout=10)
    check("exec stdout", resp.read_stdout().strip() == "out")
    check("exec stderr names the missing command", "nosuch: not found" in resp.read_stderr())
    check("exec exit code", resp.returncode == 5, str(resp.returncode))

    resp = stream(core.connect_get_namespaced_pod_exec, details, "bookinfo",
                  container="details", command=["sh"],
                  stderr=True, stdin=True, stdout=True, tty=False,
                  _preload_content=False)
    resp.write_stdin("curl -s http://ratings:9080/ratings/0\n")
    body = ""
    for _ in range(50):
        resp.update(timeout=0.2)
        body += resp.read_stdout() if resp.peek_stdout() else ""
        if "ratings" in body:
            break
    resp.close()
    check("exec with stdin reaches a Service", '"ratings"' in body, repr(body))

    try:
        stream(core.connect_get_namespaced_pod_exec, details, "bookinfo",
               container="nope", command=["ls"], stderr=True, stdin=False, stdout=True,
               tty=False)
        raise AssertionError("exec into an unknown container succeeded")
    except ApiException as e:
        check("unknown container refused", e.status == 400 or "400" in str(e), str(e))

    pf = portforward(core.connect_get_namespaced_pod_portforward, details, "bookinfo",
                     ports="9080")
    sock = pf.socket(9080)
    sock.setblocking(True)
    sock.sendall(b"GET /details/1 HTTP/1.1\r\nHost: details\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    sock.close()
    check("port-forward answers", data.startswith(b"HTTP/1.1 200") and b"Shakespeare" in data,
          repr(data[:200]))
    check("port-forward reports no error", pf.error(9080) is None, str(pf.error(9080)))
    print("all checks passed")


if __name__ == "__main__":
    main()
