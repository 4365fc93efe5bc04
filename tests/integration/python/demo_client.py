"""The official Kubernetes Python client (Debian's python3-kubernetes) against the demo cluster.

Usage: demo_client.py KUBECONFIG
Each check prints one line; the first failure raises and the exit code is non-zero.
"""
import datetime
import json
import os
import sys
import time
import threading

from kubernetes import client, config, watch
from kubernetes.client.rest import ApiException

NS = "pyclient-%d" % os.getpid()


def check(name, condition, detail=""):
    if not condition:
        raise AssertionError("%s: %s" % (name, detail))
    print("ok   %s" % name)


def expect_status(name, code, fn, *args, **kwargs):
    try:
        fn(*args, **kwargs)
    except ApiException as e:
        check(name, e.status == code, "expected %d, got %d: %s" % (code, e.status, e.body))
        return e
    raise AssertionError("%s: expected HTTP %d, the call succeeded" % (name, code))


def main():
    config.load_kube_config(config_file=sys.argv[1])
    api = client.ApiClient()
    core = client.CoreV1Api(api)
    apps = client.AppsV1Api(api)
    ext = client.ApiextensionsV1Api(api)
    custom = client.CustomObjectsApi(api)
    events = client.EventsV1Api(api)

    # Version and discovery.
    version = client.VersionApi(api).get_code()
    check("version", version.major == "1", version)
    groups = {g.name for g in client.ApisApi(api).get_api_versions().groups}
    check("discovery lists apps and rbac", {"apps", "rbac.authorization.k8s.io"} <= groups, groups)

    # Create, read, list with paging.
    core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=NS)))
    # What the controller manager puts in every namespace: the CA that verifies this server
    # (the one the kubeconfig trusts, when it names one), and the default service account.
    root_ca = None
    for _ in range(50):
        try:
            root_ca = core.read_namespaced_config_map("kube-root-ca.crt", NS)
            core.read_namespaced_service_account("default", NS)
            break
        except ApiException as e:
            if e.status != 404:
                raise
            time.sleep(0.1)
    check("kube-root-ca.crt and the default service account are there", root_ca is not None)
    pem = root_ca.data.get("ca.crt", "")
    check("kube-root-ca.crt holds a certificate", pem.startswith("-----BEGIN CERTIFICATE-----"))
    if api.configuration.ssl_ca_cert:
        with open(api.configuration.ssl_ca_cert) as trusted:
            check("kube-root-ca.crt is the CA the kubeconfig trusts",
                  trusted.read().strip() == pem.strip())
    for i in range(5):
        core.create_namespaced_config_map(NS, client.V1ConfigMap(
            metadata=client.V1ObjectMeta(name="cm-%d" % i, labels={"set": "paged"}),
            data={"i": str(i)}))
    page = core.list_namespaced_config_map(NS, label_selector="set=paged", limit=2)
    names = [c.metadata.name for c in page.items]
    while page.metadata._continue:
        page = core.list_namespaced_config_map(NS, label_selector="set=paged", limit=2,
                                               _continue=page.metadata._continue)
        names += [c.metadata.name for c in page.items]
    check("paged list", sorted(names) == ["cm-%d" % i for i in range(5)], names)
    expect_status("get missing is 404", 404, core.read_namespaced_config_map, "nope", NS)
    expect_status("create twice is 409", 409, core.create_namespaced_config_map, NS,
                  client.V1ConfigMap(metadata=client.V1ObjectMeta(name="cm-0")))

    # Optimistic concurrency.
    cm = core.read_namespaced_config_map("cm-0", NS)
    stale = cm.metadata.resource_version
    cm.data = {"i": "changed"}
    core.replace_namespaced_config_map("cm-0", NS, cm)
    cm.metadata.resource_version = stale
    expect_status("replace with a stale resourceVersion is 409", 409,
                  core.replace_namespaced_config_map, "cm-0", NS, cm)

    # The three patch types the client sends.
    core.patch_namespaced_config_map("cm-1", NS, {"data": {"merged": "yes"}})
    core.patch_namespaced_config_map(
        "cm-1", NS, [{"op": "add", "path": "/data/json", "value": "patched"}])
    data = core.read_namespaced_config_map("cm-1", NS).data
    check("strategic and JSON patches", data.get("merged") == "yes" and data.get("json") == "patched",
          data)

    # Server-side apply: ownership, conflicts, force.
    def apply(manager, body, force=False):
        query = [("fieldManager", manager)] + ([("force", "true")] if force else [])
        return api.call_api(
            "/api/v1/namespaces/%s/configmaps/{name}" % NS, "PATCH",
            path_params={"name": "applied"}, query_params=query,
            header_params={"Content-Type": "application/apply-patch+yaml",
                           "Accept": "application/json"},
            body=json.dumps(body), response_type="V1ConfigMap", auth_settings=["BearerToken"],
            _return_http_data_only=True)
    body = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "applied"},
            "data": {"owner": "alice"}}
    first = apply("alice", body)
    again = apply("alice", body)
    check("a no-op apply keeps the resourceVersion",
          first.metadata.resource_version == again.metadata.resource_version,
          (first.metadata.resource_version, again.metadata.resource_version))
    e = expect_status("another manager's apply conflicts", 409, apply, "bob",
                      dict(body, data={"owner": "bob"}))
    check("the conflict names the field", "owner" in e.body, e.body)
    forced = apply("bob", dict(body, data={"owner": "bob"}), force=True)
    check("force takes ownership", forced.data["owner"] == "bob", forced.data)

    # Watch: events in order, bookmarks when asked, 410 for a compacted resourceVersion.
    start = core.list_namespaced_config_map(NS).metadata.resource_version

    def change():
        time.sleep(0.5)
        core.create_namespaced_config_map(NS, client.V1ConfigMap(
            metadata=client.V1ObjectMeta(name="watched")))
        core.patch_namespaced_config_map("watched", NS, {"data": {"a": "b"}})
        core.delete_namespaced_config_map("watched", NS)
    threading.Thread(target=change).start()
    seen = []
    w = watch.Watch()
    for event in w.stream(core.list_namespaced_config_map, NS, resource_version=start,
                          timeout_seconds=10, allow_watch_bookmarks=True):
        obj = event["object"]
        name = obj.metadata.name if hasattr(obj, "metadata") else None
        if name == "watched":
            seen.append(event["type"])
        if seen == ["ADDED", "MODIFIED", "DELETED"]:
            w.stop()
    check("watch sees ADDED, MODIFIED, DELETED", seen == ["ADDED", "MODIFIED", "DELETED"], seen)

    # Bookmarks, when asked for, carry the stream's resourceVersion.
    types = set()
    for event in watch.Watch().stream(core.list_namespaced_config_map, NS, timeout_seconds=3,
                                      allow_watch_bookmarks=True):
        types.add(event["type"])
    check("bookmarks when asked", "BOOKMARK" in types, types)

    # Reads of the past (resourceVersionMatch=Exact) and of the future (504 after a wait).
    past = core.create_namespaced_config_map(NS, client.V1ConfigMap(
        metadata=client.V1ObjectMeta(name="past"), data={"v": "1"})).metadata.resource_version
    core.patch_namespaced_config_map("past", NS, {"data": {"v": "2"}})
    then = core.list_namespaced_config_map(NS, resource_version=past,
                                           resource_version_match="Exact",
                                           field_selector="metadata.name=past")
    check("an exact list shows the past",
          then.metadata.resource_version == past and then.items[0].data == {"v": "1"},
          (then.metadata.resource_version, [i.data for i in then.items]))
    now = int(core.list_namespaced_config_map(NS).metadata.resource_version)
    e = expect_status("a future resourceVersion is 504", 504, core.list_namespaced_config_map,
                      NS, resource_version=str(now + 100000))
    check("504 names the cause", "ResourceVersionTooLarge" in e.body, e.body)

    # A watch from resourceVersion 1, long compacted on any cluster.
    gone = None
    try:
        for _ in watch.Watch().stream(core.list_namespaced_config_map, NS, resource_version="1",
                                      timeout_seconds=5):
            pass
    except ApiException as e:
        gone = e
    check("watch from a compacted resourceVersion is 410",
          gone is not None and gone.status == 410, gone)

    # Custom resources.
    crd = client.V1CustomResourceDefinition(
        metadata=client.V1ObjectMeta(name="gadgets.example.meshdeck.io"),
        spec=client.V1CustomResourceDefinitionSpec(
            group="example.meshdeck.io", scope="Namespaced",
            names=client.V1CustomResourceDefinitionNames(kind="Gadget", plural="gadgets"),
            versions=[client.V1CustomResourceDefinitionVersion(
                name="v1", served=True, storage=True,
                schema=client.V1CustomResourceValidation(
                    open_apiv3_schema=client.V1JSONSchemaProps(
                        type="object", properties={"spec": client.V1JSONSchemaProps(
                            type="object", required=["size"], properties={
                                "size": client.V1JSONSchemaProps(type="integer", minimum=1,
                                                                 maximum=10),
                                "colour": client.V1JSONSchemaProps(type="string",
                                                                   enum=["red", "blue"],
                                                                   default="red")})})))]))
    try:
        ext.create_custom_resource_definition(crd)
    except ApiException as e:  # a second run against the same cluster
        if e.status != 409:
            raise
    for _ in range(50):
        conditions = ext.read_custom_resource_definition(
            "gadgets.example.meshdeck.io").status.conditions or []
        if any(c.type == "Established" and c.status == "True" for c in conditions):
            break
        time.sleep(0.1)
    custom.create_namespaced_custom_object("example.meshdeck.io", "v1", NS, "gadgets", {
        "apiVersion": "example.meshdeck.io/v1", "kind": "Gadget",
        "metadata": {"name": "g1"}, "spec": {"size": 3}})
    items = custom.list_namespaced_custom_object("example.meshdeck.io", "v1", NS,
                                                 "gadgets")["items"]
    check("custom objects", [i["spec"]["size"] for i in items] == [3], items)

    # The CRD's structural schema: unknown fields pruned, defaults filled in, rules enforced.
    custom.create_namespaced_custom_object("example.meshdeck.io", "v1", NS, "gadgets", {
        "apiVersion": "example.meshdeck.io/v1", "kind": "Gadget", "metadata": {"name": "g2"},
        "spec": {"size": 4, "extra": True}, "top": 1})
    g2 = custom.get_namespaced_custom_object("example.meshdeck.io", "v1", NS, "gadgets", "g2")
    check("unknown fields are pruned and defaults filled in",
          g2["spec"] == {"size": 4, "colour": "red"} and "top" not in g2, g2)
    # (this client predates the field_validation argument: the query goes by hand)
    e = expect_status("strict field validation refuses unknown fields", 400,
                      custom.api_client.call_api,
                      "/apis/example.meshdeck.io/v1/namespaces/{ns}/gadgets", "POST",
                      path_params={"ns": NS}, query_params=[("fieldValidation", "Strict")],
                      header_params={"Content-Type": "application/json"},
                      body={"apiVersion": "example.meshdeck.io/v1", "kind": "Gadget",
                            "metadata": {"name": "g3"}, "spec": {"size": 1, "extra": 1}},
                      auth_settings=["BearerToken"], _preload_content=False)
    check("the 400 names the field", 'unknown field "spec.extra"' in json.loads(e.body)["message"],
          e.body)
    e = expect_status("schema rules are enforced", 422, custom.create_namespaced_custom_object,
                      "example.meshdeck.io", "v1", NS, "gadgets",
                      {"apiVersion": "example.meshdeck.io/v1", "kind": "Gadget",
                       "metadata": {"name": "g4"}, "spec": {"size": 50, "colour": "green"}})
    causes = {c["field"]: c["reason"] for c in json.loads(e.body)["details"]["causes"]}
    check("the 422 lists each cause", causes == {"spec.size": "FieldValueInvalid",
                                                 "spec.colour": "FieldValueNotSupported"},
          e.body)
    expect_status("a patch breaking a rule is refused", 422,
                  custom.patch_namespaced_custom_object, "example.meshdeck.io", "v1", NS,
                  "gadgets", "g2", {"spec": {"size": None}})

    # Finalizers hold an object until they are removed.
    core.create_namespaced_config_map(NS, client.V1ConfigMap(
        metadata=client.V1ObjectMeta(name="held", finalizers=["example.com/hold"])))
    core.delete_namespaced_config_map("held", NS)
    held = core.read_namespaced_config_map("held", NS)
    check("a finalizer holds the object", held.metadata.deletion_timestamp is not None, held.metadata)
    e = expect_status("no new finalizers while deleting", 422, core.patch_namespaced_config_map,
                      "held", NS, {"metadata": {"finalizers": ["example.com/hold",
                                                               "example.com/more"]}})
    check("the 422 names the finalizer", "example.com/more" in e.body, e.body)
    core.patch_namespaced_config_map("held", NS, {"metadata": {"finalizers": None}})
    expect_status("without finalizers it goes", 404, core.read_namespaced_config_map, "held", NS)

    # A namespace waits for its content's finalizers, and says so.
    held_ns = NS + "-held"
    core.create_namespace(client.V1Namespace(metadata=client.V1ObjectMeta(name=held_ns)))
    core.create_namespaced_config_map(held_ns, client.V1ConfigMap(
        metadata=client.V1ObjectMeta(name="keep", finalizers=["example.com/hold"])))
    core.delete_namespace(held_ns)
    conditions = {}
    for _ in range(50):
        ns = core.read_namespace(held_ns)
        conditions = {c.type: c for c in (ns.status.conditions or [])}
        if "NamespaceFinalizersRemaining" in conditions:
            break
        time.sleep(0.1)
    check("a terminating namespace names the finalizer",
          ns.status.phase == "Terminating"
          and conditions["NamespaceFinalizersRemaining"].status == "True"
          and "example.com/hold" in conditions["NamespaceFinalizersRemaining"].message,
          ns.status)
    check("its content is marked for deletion",
          core.read_namespaced_config_map("keep", held_ns).metadata.deletion_timestamp is not None)
    core.patch_namespaced_config_map("keep", held_ns, {"metadata": {"finalizers": None}})
    gone_ns = False
    for _ in range(50):
        try:
            core.read_namespace(held_ns)
        except ApiException as e:
            gone_ns = e.status == 404
            break
        time.sleep(0.1)
    check("then the namespace goes", gone_ns)

    # Workloads.
    apps.create_namespaced_deployment(NS, client.V1Deployment(
        metadata=client.V1ObjectMeta(name="web"),
        spec=client.V1DeploymentSpec(
            replicas=1, selector=client.V1LabelSelector(match_labels={"app": "web"}),
            template=client.V1PodTemplateSpec(
                metadata=client.V1ObjectMeta(labels={"app": "web"}),
                spec=client.V1PodSpec(containers=[client.V1Container(name="web",
                                                                     image="nginx")])))))
    ready = 0
    for _ in range(100):
        ready = apps.read_namespaced_deployment("web", NS).status.ready_replicas or 0
        if ready == 1:
            break
        time.sleep(0.2)
    check("a deployment becomes ready", ready == 1, ready)

    # Deletion answers as kube-apiserver's registry does: a Status for most kinds when the object
    # went at once; the object, marked and held by the collector's finalizer, in the foreground.
    core.create_namespaced_config_map(NS, client.V1ConfigMap(
        metadata=client.V1ObjectMeta(name="short-lived")))
    gone = core.delete_namespaced_config_map("short-lived", NS)
    check("a deleted ConfigMap answers a Status",
          gone.status == "Success" and gone.details.kind == "configmaps"
          and gone.details.name == "short-lived" and gone.details.uid, gone)
    raw = apps.delete_namespaced_deployment("web", NS, propagation_policy="Foreground",
                                            _preload_content=False)
    held = json.loads(raw.data)
    check("a foreground deletion answers the held object",
          raw.status == 200 and held["kind"] == "Deployment"
          and held["metadata"].get("deletionTimestamp")
          and held["metadata"].get("finalizers") == ["foregroundDeletion"], held)
    left = None
    for _ in range(50):
        left = apps.list_namespaced_replica_set(NS, label_selector="app=web").items
        try:
            apps.read_namespaced_deployment("web", NS)
        except ApiException as e:
            if e.status == 404 and not left:
                break
        time.sleep(0.1)
    check("then the deployment and its replica sets are gone", not left, left)

    # events.k8s.io/v1 and core/v1 serve the same Events, each in its own shape.
    events.create_namespaced_event(NS, client.EventsV1Event(
        metadata=client.V1ObjectMeta(name="hello.1"),
        event_time=datetime.datetime.now(datetime.timezone.utc),
        reporting_controller="example.com/tester", reporting_instance="tester-1",
        action="Testing", reason="Hello", note="from the events API", type="Normal",
        regarding=client.V1ObjectReference(kind="Namespace", name=NS, api_version="v1")))
    seen = None
    for _ in range(50):
        seen = [e for e in core.list_namespaced_event(NS).items if e.metadata.name == "hello.1"]
        if seen:
            break
        time.sleep(0.1)
    check("an events.k8s.io Event is a core Event",
          seen and seen[0].message == "from the events API"
          and seen[0].reporting_component == "example.com/tester"
          and seen[0].involved_object.name == NS, seen)
    core_names = {e.metadata.name for e in core.list_namespaced_event(NS).items}
    v1_names = set()
    for _ in range(50):
        # (raw: core Events recorded without eventTime come back with it null, as from a real
        # API server, and this client's model refuses null there)
        raw = events.list_namespaced_event(NS, _preload_content=False)
        v1_names = {e["metadata"]["name"] for e in json.loads(raw.data)["items"]}
        if v1_names >= core_names:
            break
        time.sleep(0.1)
    check("every core Event is served by events.k8s.io/v1", core_names <= v1_names,
          core_names - v1_names)

    core.delete_namespace(NS)
    print("all checks passed")


if __name__ == "__main__":
    main()
