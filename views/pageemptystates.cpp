#include "pageemptystates.h"

#include <models/navigationmodel.h>

namespace Meshdeck {

EmptyStateContent PageEmptyStates::forPage(PageId page)
{
    EmptyStateContent c;
    c.iconPath = QStringLiteral(":/icons/%1.svg").arg(pageKey(page));
    switch (page) {
    case PageId::Clusters:
        c.title = tr("No cluster connected");
        c.body = tr("This page lists every context in your kubeconfig with its connection state, "
                    "and a live tree of namespaces, workloads and pods with their YAML, events "
                    "and logs.");
        c.steps = {tr("Meshdeck reads the same kubeconfig as kubectl: the files in $KUBECONFIG, or "
                      "~/.kube/config."),
                   tr("Check that kubectl reaches your cluster with the command below.")};
        c.command = QStringLiteral("kubectl config get-contexts && kubectl cluster-info");
        break;
    case PageId::Topology:
        c.title = tr("No service graph yet");
        c.body = tr("The topology shows the services and workloads of the connected cluster and "
                    "the traffic between them: request rate, error rate and latency on every "
                    "edge, taken from the mesh's Prometheus.");
        c.steps = {tr("Connect a cluster on the Clusters page."),
                   tr("Install a mesh with its telemetry add-ons on the Lifecycle page, so that "
                      "edges carry live traffic.")};
        c.actionText = tr("Go to Clusters");
        break;
    case PageId::Lifecycle:
        c.title = tr("No mesh managed yet");
        c.body = tr("Install Istio, Linkerd, Consul, Kuma or Cilium with a wizard that shows every "
                    "step before it runs, deploy sample applications such as Bookinfo, and "
                    "remove them cleanly.");
        c.steps = {tr("Connect a cluster on the Clusters page."),
                   tr("This page then shows which meshes the cluster already runs and offers to "
                      "install one.")};
        c.actionText = tr("Go to Clusters");
        break;
    case PageId::Performance:
        c.title = tr("No load test profile yet");
        c.body = tr("Measure what a mesh costs: load an HTTP endpoint as fast as possible or at a "
                    "constant rate with coordinated-omission correction, and watch throughput and "
                    "latency while the test runs.");
        c.steps = {tr("Create a profile: target URL, rate, connections and duration."),
                   tr("Label each run with the mesh under test, so that Results can compare "
                      "runs with and without it.")};
        break;
    case PageId::Results:
        c.title = tr("No results stored yet");
        c.body = tr("Every load test run is kept here. Select two to six runs to compare their "
                    "latency distributions side by side and read the mesh's overhead against a "
                    "baseline.");
        c.steps = {tr("Run a load test on the Performance page; its result appears here.")};
        c.actionText = tr("Go to Performance");
        break;
    case PageId::Settings:
    case PageId::PageCount:
        c.title = NavigationModel::title(page);
        break;
    }
    return c;
}

} // namespace Meshdeck
