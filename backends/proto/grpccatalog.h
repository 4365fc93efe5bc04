#pragma once

#include <core/result.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <string>

namespace Meshdeck {

// gRPC methods and their messages, through Protobuf's reflection: JSON in, the binary message a
// call carries out (and back). The built-in catalog knows grpc.health.v1 and the demo's
// Bookinfo services (compiled in); any other comes from a descriptor set made with
// `protoc -o FILE --include_imports`.
class GrpcCatalog
{
    Q_DECLARE_TR_FUNCTIONS(GrpcCatalog)

public:
    static const GrpcCatalog &builtIn();
    // Refuses a set that is not one, or whose imports are missing.
    [[nodiscard]] static Result<GrpcCatalog> fromDescriptorSet(const QByteArray &bytes);

    // "package.Service/Method", unary ones only.
    [[nodiscard]] QStringList methods() const;
    // The request message of `method`, from JSON (proto3 JSON mapping; "" or "{}" for an empty
    // message). Errors name the method or the field.
    [[nodiscard]] Result<std::string> requestFromJson(const std::string &method,
                                                      const std::string &json) const;
    [[nodiscard]] Result<std::string> responseFromJson(const std::string &method,
                                                       const std::string &json) const;
    // A request as JSON (the demo reads what it was asked).
    [[nodiscard]] Result<std::string> requestToJson(const std::string &method,
                                                    const std::string &bytes) const;

    struct Private;

private:
    explicit GrpcCatalog(std::shared_ptr<Private> d);
    std::shared_ptr<Private> d;
};

} // namespace Meshdeck
