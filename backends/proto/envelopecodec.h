#pragma once

#include <core/result.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QMap>
#include <QString>

namespace Meshdeck {

// Decoded header of a Meshdeck file; see meshdeck/core/v1/envelope.proto.
struct EnvelopeData
{
    QString kind;
    quint32 schemaVersion = 1;
    QString producer;
    QDateTime created;
    QByteArray payload;
    QMap<QString, QString> labels;
};

// Serializes and parses Envelopes. Protobuf's generated headers stay behind this door.
class EnvelopeCodec
{
    Q_DECLARE_TR_FUNCTIONS(Meshdeck::EnvelopeCodec)

public:
    [[nodiscard]] static QByteArray encode(const EnvelopeData &envelope);
    // Fails with ParseError for bytes that are not an Envelope, and with Unsupported when the
    // kind differs from expectedKind (if given) or the schema is newer than maxSchemaVersion.
    [[nodiscard]] static Result<EnvelopeData>
    decode(const QByteArray &bytes, const QString &expectedKind = {}, quint32 maxSchemaVersion = 0);
    [[nodiscard]] static QString protobufVersion();
};

} // namespace Meshdeck
