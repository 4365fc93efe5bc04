#pragma once

#include <string>
#include <vector>

namespace Meshdeck::Demo {

class EventLoop;
class HttpListener;
class UpstreamPool;

// Bookinfo's timing, shared by its HTTP and gRPC endpoints (bookinfotraffic.cpp): a log-normal
// service time around `medianMs`, and the ratings database's bad quarter minute.
double bookinfoServiceTimeMs(double medianMs);
bool ratingsFailing();

// The services one Bookinfo application calls, over HTTP as its pages do (null: none).
struct GrpcUpstreams
{
    UpstreamPool *details = nullptr; // productpage
    std::vector<UpstreamPool *> reviews; // productpage: taken in turn
    UpstreamPool *ratings = nullptr; // reviews v2 and v3
};

// gRPC for one Bookinfo application, on the listener that serves its HTTP (HTTP/2 from a
// client, HTTP/1.1 from a sidecar hop): grpc.health.v1.Health/Check, the application's own
// method (bookinfo.Details/GetDetails, bookinfo.Reviews/GetReviews, bookinfo.Ratings/GetRatings,
// bookinfo.ProductPage/GetProductPage; messages in backends/proto/meshdeck/demo/v1) after the
// same service time as its HTTP page, and UNIMPLEMENTED, naming the method, for anything else.
// Messages go through Protobuf's reflection (GrpcCatalog). Call after the application's HTTP
// routes: the last route takes what no other does.
void grpcApp(HttpListener &listener, EventLoop &loop, const std::string &app,
             const std::string &version, GrpcUpstreams upstreams);

} // namespace Meshdeck::Demo
