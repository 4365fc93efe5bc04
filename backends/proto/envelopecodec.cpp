#include "envelopecodec.h"

#include "meshdeck/core/v1/envelope.pb.h"

#include <QCoreApplication>

#include <google/protobuf/stubs/common.h>

namespace Meshdeck {

namespace {
constexpr char kMagic[] = "meshdeck";

} // namespace

QByteArray EnvelopeCodec::encode(const EnvelopeData &envelope)
{
    meshdeck::core::v1::Envelope msg;
    msg.set_magic(kMagic);
    msg.set_kind(envelope.kind.toStdString());
    msg.set_schema_version(envelope.schemaVersion);
    msg.set_producer(envelope.producer.toStdString());
    if (envelope.created.isValid()) {
        const qint64 ms = envelope.created.toMSecsSinceEpoch();
        msg.mutable_created()->set_seconds(ms / 1000);
        msg.mutable_created()->set_nanos(int(ms % 1000) * 1'000'000);
    }
    msg.set_payload(envelope.payload.constData(), size_t(envelope.payload.size()));
    for (auto it = envelope.labels.cbegin(); it != envelope.labels.cend(); ++it)
        (*msg.mutable_labels())[it.key().toStdString()] = it.value().toStdString();
    const std::string out = msg.SerializeAsString();
    return QByteArray(out.data(), qsizetype(out.size()));
}

Result<EnvelopeData> EnvelopeCodec::decode(const QByteArray &bytes, const QString &expectedKind,
                                           quint32 maxSchemaVersion)
{
    meshdeck::core::v1::Envelope msg;
    if (bytes.isEmpty() || !msg.ParseFromArray(bytes.constData(), int(bytes.size()))
        || msg.magic() != kMagic) {
        return Unexpected(
            Error(ErrorCode::ParseError, tr("This is not a Meshdeck file, or it is damaged."),
                  QStringLiteral("%1 bytes without a valid Meshdeck envelope").arg(bytes.size())));
    }
    EnvelopeData out;
    out.kind = QString::fromStdString(msg.kind());
    out.schemaVersion = msg.schema_version();
    out.producer = QString::fromStdString(msg.producer());
    if (msg.has_created()) {
        out.created = QDateTime::fromMSecsSinceEpoch(
            msg.created().seconds() * 1000 + msg.created().nanos() / 1'000'000, Qt::UTC);
    }
    out.payload = QByteArray(msg.payload().data(), qsizetype(msg.payload().size()));
    for (const auto &[key, value] : msg.labels())
        out.labels.insert(QString::fromStdString(key), QString::fromStdString(value));

    if (!expectedKind.isEmpty() && out.kind != expectedKind) {
        return Unexpected(
            Error(ErrorCode::Unsupported,
                  tr("This file holds \"%1\", not \"%2\".").arg(out.kind, expectedKind)));
    }
    if (maxSchemaVersion > 0 && out.schemaVersion > maxSchemaVersion) {
        return Unexpected(
            Error(ErrorCode::Unsupported,
                  tr("This file was written by a newer Meshdeck (%1, schema %2); this "
                     "version reads schema %3 and older. Update Meshdeck to open it.")
                      .arg(out.producer)
                      .arg(out.schemaVersion)
                      .arg(maxSchemaVersion)));
    }
    return out;
}

QString EnvelopeCodec::protobufVersion()
{
    return QString::fromStdString(
        google::protobuf::internal::VersionString(GOOGLE_PROTOBUF_VERSION));
}

} // namespace Meshdeck
