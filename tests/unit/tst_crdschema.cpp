// Custom resources against their CRD's structural schema: pruning (with
// x-kubernetes-preserve-unknown-fields and embedded resources), nulls and defaults, and each
// validation rule with the field path, cause reason and message kube-apiserver gives.
#include <demo/apierror.h>
#include <demo/crdschema.h>

#include <QJsonDocument>
#include <QTest>

using namespace Meshdeck::Demo;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

// spec: size (1..10), colour (enum, default red), tags (≤2 unique, each ≤4 chars),
// port (int-or-string), labels (map of strings), free (anything), template (an embedded object).
const char *const kSchema = R"({"type": "object", "properties": {"spec": {"type": "object",
  "required": ["size"], "properties": {
    "size": {"type": "integer", "minimum": 1, "maximum": 10},
    "ratio": {"type": "number", "exclusiveMinimum": true, "minimum": 0, "multipleOf": 0.5},
    "colour": {"type": "string", "enum": ["red", "blue"], "default": "red"},
    "name": {"type": "string", "pattern": "^[a-z]+$", "minLength": 2},
    "note": {"type": "string", "nullable": true},
    "tags": {"type": "array", "maxItems": 2, "uniqueItems": true,
             "items": {"type": "string", "maxLength": 4}},
    "port": {"x-kubernetes-int-or-string": true},
    "labels": {"type": "object", "additionalProperties": {"type": "string"}},
    "free": {"type": "object", "x-kubernetes-preserve-unknown-fields": true,
             "properties": {"known": {"type": "object", "properties": {"a": {"type": "integer"}}}}},
    "template": {"type": "object", "x-kubernetes-embedded-resource": true,
                 "properties": {"spec": {"type": "object"}}}}}}})";

QStringList fieldsOf(const QList<CrdSchema::Cause> &causes)
{
    QStringList out;
    for (const auto &c : causes)
        out << c.field + QLatin1Char('|') + c.reason;
    return out;
}

} // namespace

class tst_CrdSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pruningKeepsWhatTheSchemaKnows()
    {
        QJsonObject o = json(R"({"apiVersion": "x/v1", "kind": "W", "metadata": {"name": "w"},
            "top": 1, "spec": {"size": 2, "extra": 1, "labels": {"k": "v"},
            "free": {"any": {"x": 1}, "known": {"a": 1, "b": 2}},
            "template": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"},
                         "spec": {}, "junk": 1},
            "tags": ["a"]}})");
        const QStringList pruned = CrdSchema::prune(&o, json(kSchema));
        QCOMPARE(pruned,
                 (QStringList {"spec.extra", "spec.free.known.b", "spec.template.junk", "top"}));
        QVERIFY(o.contains("metadata") && o.contains("apiVersion"));
        const QJsonObject spec = o.value("spec").toObject();
        QCOMPARE(spec.value("free").toObject().value("any").toObject().value("x").toInt(), 1);
        QCOMPARE(spec.value("template").toObject().value("kind").toString(), QString("Pod"));
        QCOMPARE(spec.value("labels").toObject().value("k").toString(), QString("v"));
    }

    void nullsAndDefaults()
    {
        QJsonObject o = json(R"({"spec": {"size": 1, "colour": null, "note": null}})");
        CrdSchema::applyDefaults(&o, json(kSchema));
        const QJsonObject spec = o.value("spec").toObject();
        QCOMPARE(spec.value("colour").toString(), QString("red")); // null dropped, then defaulted
        QVERIFY(spec.contains("note") && spec.value("note").isNull()); // nullable keeps it
        QVERIFY(CrdSchema::validate(o, json(kSchema)).isEmpty());
    }

    void eachRuleNamesItsField()
    {
        const QJsonObject o = json(R"({"spec": {"ratio": 0.7, "colour": "green", "name": "A",
            "tags": ["abcdef", "b", "b"], "port": true, "labels": {"k": 1}}})");
        const QList<CrdSchema::Cause> causes = CrdSchema::validate(o, json(kSchema));
        QCOMPARE(
            fieldsOf(causes),
            (QStringList {"spec.size|FieldValueRequired", "spec.colour|FieldValueNotSupported",
                          "spec.labels[k]|FieldValueInvalid", "spec.name|FieldValueInvalid",
                          "spec.name|FieldValueInvalid", "spec.port|FieldValueInvalid",
                          "spec.ratio|FieldValueInvalid", "spec.tags|FieldValueTooMany",
                          "spec.tags[2]|FieldValueDuplicate", "spec.tags[0]|FieldValueTooLong"}));
        QCOMPARE(causes.at(1).message,
                 QString("Unsupported value: \"green\": supported values: \"red\", \"blue\""));
        QCOMPARE(causes.at(2).message,
                 QString("Invalid value: \"integer\": spec.labels[k] in body must be of type "
                         "string: \"integer\""));
        QCOMPARE(causes.at(6).message,
                 QString("Invalid value: 0.7: spec.ratio in body should be a multiple of 0.5"));
    }

    void boundsAreWordedAsKubernetesDoes()
    {
        const QJsonObject schema = json(kSchema);
        auto first = [&](const char *spec) {
            const auto causes = CrdSchema::validate(QJsonObject {{"spec", json(spec)}}, schema);
            return causes.isEmpty() ? QString() : causes.first().message;
        };
        QCOMPARE(
            first(R"({"size": 11})"),
            QString("Invalid value: 11: spec.size in body should be less than or equal to 10"));
        QCOMPARE(first(R"({"size": 0})"),
                 QString("Invalid value: 0: spec.size in body should be "
                         "greater than or equal to 1"));
        QCOMPARE(first(R"({"size": 1, "ratio": 0})"),
                 QString("Invalid value: 0: spec.ratio in body should be greater than 0"));
        QCOMPARE(first(R"({"size": 1.5})"),
                 QString("Invalid value: \"number\": spec.size in body "
                         "must be of type integer: \"number\""));
        QCOMPARE(first(R"({"size": 1, "port": "http"})"), QString());
        QCOMPARE(first(R"({"size": 1, "port": 8080})"), QString());
    }

    void admitThrowsOneStatusForAllCauses()
    {
        QJsonObject o
            = json(R"({"metadata": {"name": "w1"}, "spec": {"size": 50, "colour": "x"}})");
        try {
            CrdSchema::admit(&o, json(kSchema), "example.com", "Widget");
            QFAIL("admitted an invalid object");
        } catch (const ApiError &e) {
            QCOMPARE(e.code(), 422);
            QCOMPARE(e.message(),
                     QString("Widget.example.com \"w1\" is invalid: [spec.colour: Unsupported "
                             "value: \"x\": supported values: \"red\", \"blue\", spec.size: "
                             "Invalid value: 50: spec.size in body should be less than or equal "
                             "to 10]"));
            const QJsonObject details = e.status().value("details").toObject();
            QCOMPARE(details.value("causes").toArray().size(), 2);
            QCOMPARE(details.value("group").toString(), QString("example.com"));
        }
        QJsonObject fine = json(R"({"metadata": {"name": "w2"}, "spec": {"size": 3}})");
        CrdSchema::admit(&fine, json(kSchema), "example.com", "Widget");
        QCOMPARE(fine.value("spec").toObject().value("colour").toString(), QString("red"));
    }
};

QTEST_GUILESS_MAIN(tst_CrdSchema)
#include "tst_crdschema.moc"
