"""Exec and port-forward through the official Kubernetes Python client (python3-kubernetes,
WebSocket channel protocol) against the demo cluster.

Usage: demo_streams.py KUBECONFIG
Each check prints one line; the first failure raises and the exit code is non-zero.
"""
import base64
import json
import sys

import websocket
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


def raw_socket(path, protocol):
    """A WebSocket to the API server through websocket-client (the library the Python client
    itself uses), with the kubeconfig's credentials, offering one subprotocol."""
    c = client.Configuration.get_default_copy()
    sslopt = {"ca_certs": c.ssl_ca_cert} if c.ssl_ca_cert else {}
    if c.cert_file:
        sslopt.update(certfile=c.cert_file, keyfile=c.key_file)
    header = []
    token = c.api_key.get("authorization") or c.api_key.get("BearerToken")
    if token:
        header.append("Authorization: " + (token if " " in token else "Bearer " + token))
    url = c.host.replace("https://", "wss://").replace("http://", "ws://") + path
    return websocket.create_connection(url, header=header, sslopt=sslopt,
                                       subprotocols=[protocol], timeout=10)


def base64_channels(ws):
    """Reads text messages of a base64 channel protocol until the server closes: the data of
    each channel, decoded, in order."""
    channels = {}
    while True:
        opcode, data = ws.recv_data()
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            return channels
        if opcode != websocket.ABNF.OPCODE_TEXT:
            raise AssertionError("a base64 protocol sent a frame of opcode %d, not text" % opcode)
        channel = data[0] - ord("0")
        channels[channel] = channels.get(channel, b"") + base64.b64decode(data[1:])


def check_base64(details):
    ws = raw_socket("/api/v1/namespaces/bookinfo/pods/%s/portforward?ports=9080" % details,
                    "v4.base64.channel.k8s.io")
    check("base64 port-forward agreed", ws.getsubprotocol() == "v4.base64.channel.k8s.io",
          str(ws.getsubprotocol()))
    request = b"GET /details/1 HTTP/1.1\r\nHost: details\r\nConnection: close\r\n\r\n"
    ws.send("0" + base64.b64encode(request).decode())
    channels = base64_channels(ws)
    port = (9080).to_bytes(2, "little")
    check("base64 port-forward names the port on both channels",
          channels.get(0, b"")[:2] == port and channels.get(1) == port, repr(channels)[:200])
    body = channels[0][2:]
    check("base64 port-forward answers", body.startswith(b"HTTP/1.1 200")
          and b"Shakespeare" in body, repr(body[:200]))

    ws = raw_socket("/api/v1/namespaces/bookinfo/pods/%s/exec?container=details&command=hostname"
                    "&stdout=true&stderr=true" % details, "v4.base64.channel.k8s.io")
    channels = base64_channels(ws)
    check("base64 exec output", channels.get(1, b"").strip() == details.encode(),
          repr(channels))
    check("base64 exec status", json.loads(channels.get(3, b"{}")).get("status") == "Success",
          repr(channels))

    try:
        raw_socket("/api/v1/namespaces/bookinfo/pods/%s/portforward?ports=9080" % details,
                   "v9.channel.k8s.io")
        raise AssertionError("an unknown subprotocol was agreed")
    except websocket.WebSocketBadStatusException as e:
        check("unknown subprotocol refused with 403", e.status_code == 403, str(e))


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
    # The ratings Service answers with its ratings, or now and then (the demo's failure rate)
    # with its own error: either way the request went through the demo's network to it.
    check("exec with stdin reaches a Service",
          '"ratings"' in body or "ratings database unavailable" in body, repr(body))

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
    check_base64(details)
    print("all checks passed")


if __name__ == "__main__":
    main()
