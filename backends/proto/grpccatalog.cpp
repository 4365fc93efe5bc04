#include "grpccatalog.h"

#include "grpc/health/v1/health.pb.h"
#include "meshdeck/demo/v1/bookinfo.pb.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <google/protobuf/util/json_util.h>

namespace Meshdeck {

namespace pb = google::protobuf;

namespace {

// Collects what the pool says about a file it could not build.
class Collector : public pb::DescriptorPool::ErrorCollector
{
public:
    void AddError(const std::string &file, const std::string &element, const pb::Message *,
                  ErrorLocation, const std::string &message) override
    {
        if (text.empty())
            text = file + (element.empty() ? "" : " (" + element + ")") + ": " + message;
    }
    std::string text;
};

} // namespace

struct GrpcCatalog::Private
{
    std::unique_ptr<pb::DescriptorPool> own; // a descriptor set's; null for the built-in
    const pb::DescriptorPool *pool = nullptr;
    std::unique_ptr<pb::DynamicMessageFactory> factory;
    std::vector<const pb::FileDescriptor *> files;

    Result<const pb::MethodDescriptor *> find(const std::string &method) const
    {
        const auto slash = method.rfind('/');
        const std::string service = slash == std::string::npos ? method : method.substr(0, slash);
        const std::string name
            = slash == std::string::npos ? std::string() : method.substr(slash + 1);
        const pb::ServiceDescriptor *s = pool->FindServiceByName(service);
        if (!s)
            return Unexpected(Error(
                ErrorCode::NotFound,
                GrpcCatalog::tr(
                    "No service \"%1\" in the gRPC descriptors (known: %2). Give its descriptor "
                    "set with --proto-set (protoc -o FILE --include_imports).")
                    .arg(QString::fromStdString(service),
                         knownServices().join(QStringLiteral(", ")))));
        const pb::MethodDescriptor *m = s->FindMethodByName(name);
        if (!m) {
            QStringList names;
            for (int i = 0; i < s->method_count(); ++i)
                names << QString::fromStdString(s->method(i)->name());
            return Unexpected(
                Error(ErrorCode::NotFound,
                      GrpcCatalog::tr("The service \"%1\" has no method \"%2\" (it has: %3).")
                          .arg(QString::fromStdString(service), QString::fromStdString(name),
                               names.join(QStringLiteral(", ")))));
        }
        if (m->client_streaming() || m->server_streaming())
            return Unexpected(
                Error(ErrorCode::Unsupported,
                      GrpcCatalog::tr("%1 is a streaming method; Meshdeck measures unary calls.")
                          .arg(QString::fromStdString(method))));
        return m;
    }

    QStringList knownServices() const
    {
        QStringList out;
        for (const pb::FileDescriptor *f : files) {
            for (int i = 0; i < f->service_count(); ++i)
                out << QString::fromStdString(f->service(i)->full_name());
        }
        return out;
    }

    Result<std::string> fromJson(const pb::Descriptor *type, const std::string &json,
                                 const std::string &method) const
    {
        std::unique_ptr<pb::Message> message(factory->GetPrototype(type)->New());
        const std::string text = json.empty() ? std::string("{}") : json;
        const auto status = pb::util::JsonStringToMessage(text, message.get());
        if (!status.ok())
            return Unexpected(Error(
                ErrorCode::InvalidArgument,
                GrpcCatalog::tr("The JSON is not a %1 (the message of %2): %3")
                    .arg(QString::fromStdString(type->full_name()), QString::fromStdString(method),
                         QString::fromStdString(std::string(status.message())))));
        return message->SerializeAsString();
    }
};

GrpcCatalog::GrpcCatalog(std::shared_ptr<Private> d)
    : d(std::move(d))
{
}

const GrpcCatalog &GrpcCatalog::builtIn()
{
    static const GrpcCatalog catalog = [] {
        auto d = std::make_shared<Private>();
        // Naming the generated messages links their descriptors in.
        d->files = {grpc::health::v1::HealthCheckRequest::descriptor()->file(),
                    bookinfo::BookRequest::descriptor()->file()};
        d->pool = pb::DescriptorPool::generated_pool();
        d->factory = std::make_unique<pb::DynamicMessageFactory>(d->pool);
        return GrpcCatalog(std::move(d));
    }();
    return catalog;
}

Result<GrpcCatalog> GrpcCatalog::fromDescriptorSet(const QByteArray &bytes)
{
    pb::FileDescriptorSet set;
    if (!set.ParseFromArray(bytes.constData(), static_cast<int>(bytes.size()))
        || set.file_size() == 0)
        return Unexpected(Error(ErrorCode::ParseError,
                                tr("This is not a Protobuf descriptor set (make one with protoc -o "
                                   "FILE --include_imports your.proto).")));
    auto d = std::make_shared<Private>();
    d->own = std::make_unique<pb::DescriptorPool>();
    for (const pb::FileDescriptorProto &file : set.file()) {
        Collector errors;
        const pb::FileDescriptor *built = d->own->BuildFileCollectingErrors(file, &errors);
        if (!built)
            return Unexpected(Error(ErrorCode::ParseError,
                                    tr("The descriptor set cannot be used: %1 (was it made with "
                                       "--include_imports?)")
                                        .arg(QString::fromStdString(errors.text))));
        d->files.push_back(built);
    }
    d->pool = d->own.get();
    d->factory = std::make_unique<pb::DynamicMessageFactory>(d->pool);
    return GrpcCatalog(std::move(d));
}

QStringList GrpcCatalog::methods() const
{
    QStringList out;
    for (const pb::FileDescriptor *f : d->files) {
        for (int i = 0; i < f->service_count(); ++i) {
            const pb::ServiceDescriptor *s = f->service(i);
            for (int j = 0; j < s->method_count(); ++j) {
                if (!s->method(j)->client_streaming() && !s->method(j)->server_streaming())
                    out << QString::fromStdString(s->full_name() + "/" + s->method(j)->name());
            }
        }
    }
    return out;
}

Result<std::string> GrpcCatalog::requestFromJson(const std::string &method,
                                                 const std::string &json) const
{
    const auto m = d->find(method);
    if (!m)
        return Unexpected(m.error());
    return d->fromJson((*m)->input_type(), json, method);
}

Result<std::string> GrpcCatalog::responseFromJson(const std::string &method,
                                                  const std::string &json) const
{
    const auto m = d->find(method);
    if (!m)
        return Unexpected(m.error());
    return d->fromJson((*m)->output_type(), json, method);
}

Result<std::string> GrpcCatalog::requestToJson(const std::string &method,
                                               const std::string &bytes) const
{
    const auto m = d->find(method);
    if (!m)
        return Unexpected(m.error());
    std::unique_ptr<pb::Message> message(d->factory->GetPrototype((*m)->input_type())->New());
    if (!message->ParseFromString(bytes))
        return Unexpected(Error(ErrorCode::ParseError,
                                tr("The request is not a %1.")
                                    .arg(QString::fromStdString((*m)->input_type()->full_name()))));
    std::string json;
    pb::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    (void)pb::util::MessageToJsonString(*message, &json, options);
    return json;
}

} // namespace Meshdeck
