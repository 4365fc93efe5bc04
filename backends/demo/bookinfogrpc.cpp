#include "bookinfogrpc.h"

#include "eventhttp.h"
#include "eventloop.h"

#include <proto/grpccatalog.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace Meshdeck::Demo {

namespace {

constexpr int Ok = 0;
constexpr int InvalidArgument = 3;
constexpr int Unimplemented = 12;
constexpr int Internal = 13;
constexpr int Unavailable = 14;

bool isGrpc(const HttpExchange &request)
{
    return request.method == "POST"
        && request.header("content-type").rfind("application/grpc", 0) == 0;
}

std::string percentEncoded(const std::string &text)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char ch : text) {
        if (ch >= 0x20 && ch < 0x7f && ch != '%') {
            out.push_back(static_cast<char>(ch));
        } else {
            out.push_back('%');
            out.push_back(hex[ch >> 4]);
            out.push_back(hex[ch & 15]);
        }
    }
    return out;
}

// Answers a call: the message framed (uncompressed, big-endian length), then the status as
// trailers (over HTTP/1.1 hops, as headers).
void answer(const HttpExchangePtr &request, int code, const std::string &message,
            const std::string &bytes = {})
{
    std::string framed;
    if (code == Ok) {
        const auto length = static_cast<std::uint32_t>(bytes.size());
        framed.assign(1, '\0');
        for (int shift = 24; shift >= 0; shift -= 8)
            framed.push_back(static_cast<char>((length >> shift) & 0xff));
        framed += bytes;
    }
    HttpHeaderList trailers {{"grpc-status", std::to_string(code)}};
    if (!message.empty())
        trailers.emplace_back("grpc-message", percentEncoded(message));
    request->replyWithTrailers(200, "application/grpc", framed, {}, trailers);
}

// The request's message, unframed; nullopt (and the call answered) when it is not one.
std::optional<std::string> unframed(const HttpExchangePtr &request)
{
    const std::string &body = request->body;
    if (body.size() < 5) {
        answer(request, Internal, "the request carries no gRPC message");
        return std::nullopt;
    }
    if (body[0] != 0) {
        answer(request, Unimplemented, "compressed messages are not accepted here");
        return std::nullopt;
    }
    std::uint32_t length = 0;
    for (int i = 1; i <= 4; ++i)
        length = length << 8 | static_cast<unsigned char>(body[static_cast<std::size_t>(i)]);
    if (length != body.size() - 5) {
        answer(request, Internal, "the gRPC message's length does not match its frame");
        return std::nullopt;
    }
    return body.substr(5);
}

// The book id a BookRequest asks for.
std::optional<int> bookId(const HttpExchangePtr &request, const std::string &method)
{
    const auto message = unframed(request);
    if (!message)
        return std::nullopt;
    const auto json = GrpcCatalog::builtIn().requestToJson(method, *message);
    if (!json) {
        answer(request, InvalidArgument, json.error().message().toStdString());
        return std::nullopt;
    }
    return QJsonDocument::fromJson(QByteArray::fromStdString(*json))
        .object()
        .value(QLatin1String("id"))
        .toInt();
}

void respond(const HttpExchangePtr &request, const std::string &method, const QJsonObject &json)
{
    const auto bytes = GrpcCatalog::builtIn().responseFromJson(
        method, QJsonDocument(json).toJson(QJsonDocument::Compact).toStdString());
    if (!bytes)
        answer(request, Internal, bytes.error().message().toStdString());
    else
        answer(request, Ok, {}, *bytes);
}

QJsonObject book(int id)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("author"), QStringLiteral("William Shakespeare")},
            {QStringLiteral("year"), 1595},
            {QStringLiteral("type"), QStringLiteral("paperback")},
            {QStringLiteral("pages"), 200},
            {QStringLiteral("publisher"), QStringLiteral("PublisherA")},
            {QStringLiteral("language"), QStringLiteral("English")},
            {QStringLiteral("isbn_10"), QStringLiteral("1234567890")},
            {QStringLiteral("isbn_13"), QStringLiteral("123-1234567890")}};
}

// What reviews answers: stars from the ratings service's JSON (v2, v3), none from v1.
QJsonObject reviews(int id, const std::string &version, const QJsonObject &ratings)
{
    QJsonArray list;
    for (const auto &[reviewer, text] :
         {std::pair {"Reviewer1", "An extremely entertaining play by Shakespeare."},
          std::pair {"Reviewer2", "Absolutely fun and entertaining."}}) {
        QJsonObject review {{QStringLiteral("reviewer"), QString::fromLatin1(reviewer)},
                            {QStringLiteral("text"), QString::fromLatin1(text)}};
        const int stars = ratings.value(QLatin1String(reviewer)).toInt();
        if (stars)
            review.insert(QStringLiteral("stars"), stars);
        list.append(review);
    }
    return {{QStringLiteral("id"), id},
            {QStringLiteral("podname"), QString::fromStdString("reviews-" + version)},
            {QStringLiteral("reviews"), list}};
}

QJsonObject jsonOf(const HttpReply &reply)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(reply.body)).object();
}

} // namespace

void grpcApp(HttpListener &listener, EventLoop &loop, const std::string &app,
             const std::string &version, GrpcUpstreams upstreams)
{
    listener.route("/grpc.health.v1.Health/Check", [](const HttpExchangePtr &request) {
        if (!isGrpc(*request) || !unframed(request))
            return;
        const auto bytes = GrpcCatalog::builtIn().responseFromJson("grpc.health.v1.Health/Check",
                                                                   R"({"status":"SERVING"})");
        answer(request, Ok, {}, bytes ? *bytes : std::string());
    });
    const std::string ownMethod = app == "details" ? "bookinfo.Details/GetDetails"
        : app == "ratings"                         ? "bookinfo.Ratings/GetRatings"
        : app == "reviews"                         ? "bookinfo.Reviews/GetReviews"
                                                   : "bookinfo.ProductPage/GetProductPage";
    auto turn = std::make_shared<unsigned>(0);
    listener.route(
        "/" + ownMethod,
        [&loop, app, version, upstreams, ownMethod, turn](const HttpExchangePtr &request) {
            if (!isGrpc(*request))
                return request->reply(415, "text/plain",
                                      "gRPC only: content-type application/grpc\n");
            const auto id = bookId(request, ownMethod);
            if (!id)
                return;
            if (app == "details") {
                loop.after(bookinfoServiceTimeMs(0.8), [request, ownMethod, id = *id] {
                    respond(request, ownMethod, book(id));
                });
            } else if (app == "ratings") {
                loop.after(bookinfoServiceTimeMs(0.4), [request, ownMethod, id = *id] {
                    if (ratingsFailing())
                        return answer(request, Unavailable, "ratings database unavailable");
                    respond(request, ownMethod,
                            {{QStringLiteral("id"), id},
                             {QStringLiteral("ratings"),
                              QJsonObject {{QStringLiteral("Reviewer1"), 5},
                                           {QStringLiteral("Reviewer2"), 4}}}});
                });
            } else if (app == "reviews") {
                loop.after(
                    bookinfoServiceTimeMs(version == "v3" ? 1.6 : 1.2),
                    [request, ownMethod, version, upstreams, id = *id] {
                        if (!upstreams.ratings)
                            return respond(request, ownMethod, reviews(id, version, {}));
                        upstreams.ratings->get(
                            "/ratings/" + std::to_string(id),
                            [request, ownMethod, version, id](HttpReply r) {
                                respond(
                                    request, ownMethod,
                                    reviews(id, version,
                                            jsonOf(r).value(QLatin1String("ratings")).toObject()));
                            });
                    });
            } else {
                UpstreamPool *review = upstreams.reviews[(*turn)++ % upstreams.reviews.size()];
                loop.after(
                    bookinfoServiceTimeMs(1.5), [request, ownMethod, upstreams, review, id = *id] {
                        upstreams.details->get(
                            "/details/" + std::to_string(id),
                            [request, ownMethod, review, id](HttpReply d) {
                                review->get(
                                    "/reviews/" + std::to_string(id),
                                    [request, ownMethod, id, d = std::move(d)](HttpReply r) {
                                        if (d.status != 200 || r.status != 200)
                                            return answer(request, Unavailable,
                                                          "details or reviews did not answer");
                                        const QJsonObject reviewed = jsonOf(r);
                                        const std::string version
                                            = reviewed.value(QLatin1String("podname"))
                                                  .toString()
                                                  .mid(8)
                                                  .toStdString();
                                        respond(request, ownMethod,
                                                {{QStringLiteral("details"), book(id)},
                                                 {QStringLiteral("reviews"),
                                                  reviews(id, version,
                                                          reviewed.value(QLatin1String("ratings"))
                                                              .toObject()
                                                              .value(QLatin1String("ratings"))
                                                              .toObject())}});
                                    });
                            });
                    });
            }
        });
    // Any other gRPC call: UNIMPLEMENTED, as a gRPC server says it; HTTP gets the usual 404.
    listener.route("", [](const HttpExchangePtr &request) {
        if (!isGrpc(*request))
            return request->reply(404, "text/plain", "404 page not found\n");
        std::string method = request->target;
        if (!method.empty() && method.front() == '/')
            method.erase(0, 1);
        answer(request, Unimplemented, "unknown method " + method + " on this server");
    });
}

} // namespace Meshdeck::Demo
