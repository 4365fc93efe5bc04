#pragma once

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace google::protobuf {
class Descriptor;
class FieldDescriptor;
class DescriptorPool;
class Message;
} // namespace google::protobuf

namespace Meshdeck::Demo {

// The built-in kinds' schemas as Kubernetes' protobuf wire format defines them (wire/*.proto,
// compiled into a descriptor set at build time). One pool serves the protobuf codec, strict field
// validation and the OpenAPI documents, so the three never disagree about a kind's fields.
class KubeSchema
{
public:
    static const KubeSchema &instance();

    // The message for apiVersion/kind ("apps/v1", "Deployment"), or nullptr for kinds without a
    // protobuf form (custom resources, apiextensions).
    [[nodiscard]] const google::protobuf::Descriptor *message(const QString &apiVersion,
                                                              const QString &kind) const;
    [[nodiscard]] const google::protobuf::Descriptor *byName(const char *fullName) const;
    // A new empty message of that type; thread-safe.
    [[nodiscard]] std::unique_ptr<google::protobuf::Message>
    create(const google::protobuf::Descriptor *type) const;

    // Messages that Kubernetes maps to a JSON scalar or array rather than an object.
    enum class Special {
        None,
        Time,
        MicroTime,
        Duration,
        Quantity,
        IntOrString,
        RawExtension,
        FieldsV1,
        StringList
    };
    [[nodiscard]] static Special specialOf(const google::protobuf::Descriptor *type);
    // Go structs embedded with `json:",inline"`: a nested message in protobuf, the parent's own
    // fields in JSON (IngressRule's IngressRuleValue, Volume's VolumeSource, every
    // LocalObjectReference...).
    [[nodiscard]] static bool isInline(const google::protobuf::FieldDescriptor *field);
    // The field a JSON key names in a message, looking through inline messages at any depth;
    // `through` (optional) receives the inline fields to descend, outermost first.
    [[nodiscard]] static const google::protobuf::FieldDescriptor *
    jsonField(const google::protobuf::Descriptor *type, const std::string &key,
              std::vector<const google::protobuf::FieldDescriptor *> *through = nullptr);

    KubeSchema(const KubeSchema &) = delete;
    KubeSchema &operator=(const KubeSchema &) = delete;
    ~KubeSchema();

private:
    KubeSchema();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Meshdeck::Demo
