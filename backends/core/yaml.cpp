#include "yaml.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

namespace Meshdeck {

namespace {

const QRegularExpression &intPattern()
{
    static const QRegularExpression re(QStringLiteral("^[-+]?(0|[1-9][0-9]*)$"));
    return re;
}
const QRegularExpression &floatPattern()
{
    static const QRegularExpression re(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    return re;
}

QJsonValue scalarToJson(const YAML::Node &node)
{
    const std::string &raw = node.Scalar();
    const QString text = QString::fromStdString(raw);
    // yaml-cpp tags quoted and block scalars "!", plain ones "?".
    if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str")
        return text;
    if (text.isEmpty() || text == QLatin1String("~") || text == QLatin1String("null")
        || text == QLatin1String("Null") || text == QLatin1String("NULL"))
        return QJsonValue::Null;
    if (text == QLatin1String("true") || text == QLatin1String("True")
        || text == QLatin1String("TRUE"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("False")
        || text == QLatin1String("FALSE"))
        return false;
    if (intPattern().match(text).hasMatch()) {
        bool ok = false;
        const qint64 v = text.toLongLong(&ok);
        if (ok && std::llabs(v) < (qint64(1) << 53))
            return double(v);
        return text; // beyond what JSON numbers hold exactly: keep the digits
    }
    if (floatPattern().match(text).hasMatch())
        return text.toDouble();
    if (text == QLatin1String(".inf") || text == QLatin1String("-.inf")
        || text == QLatin1String(".nan"))
        return text;
    return text;
}

// Conversion work is bounded: aliases let a few hundred bytes name billions of nodes (the
// "billion laughs" bomb), and deep nesting would exhaust the stack. Kubernetes' own YAML reader
// limits alias expansion the same way.
struct Budget
{
    qint64 nodesLeft = 0;
    int maxDepth = 256;
};

struct BudgetExceeded
{
    bool depth = false;
};

QJsonValue nodeToJson(const YAML::Node &node, Budget &budget, int depth)
{
    if (--budget.nodesLeft < 0)
        throw BudgetExceeded {false};
    if (depth > budget.maxDepth)
        throw BudgetExceeded {true};
    switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        return QJsonValue::Null;
    case YAML::NodeType::Scalar:
        return scalarToJson(node);
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const YAML::Node &child : node)
            array.append(nodeToJson(child, budget, depth + 1));
        return array;
    }
    case YAML::NodeType::Map: {
        // QJsonObject keeps its keys sorted, and an insert in the middle moves the rest: a large
        // map is sorted first so that every insert appends.
        QList<QPair<QString, QJsonValue>> pairs;
        pairs.reserve(qsizetype(node.size()));
        for (const auto &entry : node) {
            if (--budget.nodesLeft < 0)
                throw BudgetExceeded {false};
            pairs.append({QString::fromStdString(entry.first.as<std::string>()),
                          nodeToJson(entry.second, budget, depth + 1)});
        }
        // The last value of a repeated key wins, as with one insert after another.
        std::stable_sort(pairs.begin(), pairs.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        QJsonObject object;
        for (qsizetype i = 0; i < pairs.size(); ++i) {
            if (i + 1 < pairs.size() && pairs[i + 1].first == pairs[i].first)
                continue;
            object.insert(pairs[i].first, pairs[i].second);
        }
        return object;
    }
    }
    return QJsonValue::Null;
}

Budget budgetFor(const QByteArray &yaml)
{
    Budget b;
    b.nodesLeft = 100'000 + 10 * qint64(yaml.size());
    return b;
}

Error budgetError(const BudgetExceeded &e)
{
    if (e.depth)
        return Error(
            ErrorCode::ParseError,
            QCoreApplication::translate("Meshdeck::Yaml",
                                        "The YAML is nested more than 256 levels deep; it is "
                                        "refused."));
    return Error(ErrorCode::TooLarge,
                 QCoreApplication::translate(
                     "Meshdeck::Yaml",
                     "The YAML expands to far more values than its size holds (aliases that "
                     "refer to aliases, a \"billion laughs\" document); it is refused."));
}

Error parseError(const YAML::Exception &e)
{
    const QString where = e.mark.is_null()
        ? QString()
        : QCoreApplication::translate("Meshdeck::Yaml", " at line %1, column %2")
              .arg(e.mark.line + 1)
              .arg(e.mark.column + 1);
    return Error(ErrorCode::ParseError,
                 QCoreApplication::translate("Meshdeck::Yaml", "The YAML is malformed%1: %2")
                     .arg(where, QString::fromStdString(e.msg)),
                 QString::fromStdString(e.what()));
}

bool needsQuotes(const QString &s)
{
    if (s.isEmpty())
        return true;
    static const QStringList reserved
        = {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("null"),
           QStringLiteral("~"),    QStringLiteral("yes"),   QStringLiteral("no"),
           QStringLiteral("on"),   QStringLiteral("off"),   QStringLiteral("y"),
           QStringLiteral("n")};
    if (reserved.contains(s.toLower()))
        return true;
    if (intPattern().match(s).hasMatch() || floatPattern().match(s).hasMatch())
        return true;
    return s.front().isSpace() || s.back().isSpace();
}

void emitValue(YAML::Emitter &out, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out << YAML::Null;
        break;
    case QJsonValue::Bool:
        out << value.toBool();
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 9.0e15)
            out << qint64(d);
        else
            out << d;
        break;
    }
    case QJsonValue::String: {
        const QString s = value.toString();
        if (s.contains(QLatin1Char('\n')))
            out << YAML::Literal << s.toStdString();
        else if (needsQuotes(s))
            out << YAML::DoubleQuoted << s.toStdString();
        else
            out << s.toStdString();
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const QJsonValue &v : array)
            emitValue(out, v);
        out << YAML::EndSeq;
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.isEmpty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (auto it = object.begin(); it != object.end(); ++it) {
            out << YAML::Key << it.key().toStdString() << YAML::Value;
            emitValue(out, it.value());
        }
        out << YAML::EndMap;
        break;
    }
    }
}

} // namespace

Result<QJsonValue> Yaml::toJson(const QByteArray &yaml)
{
    try {
        Budget budget = budgetFor(yaml);
        return nodeToJson(YAML::Load(yaml.toStdString()), budget, 0);
    } catch (const YAML::Exception &e) {
        return Unexpected(parseError(e));
    } catch (const BudgetExceeded &e) {
        return Unexpected(budgetError(e));
    }
}

Result<QList<QJsonValue>> Yaml::toJsonDocuments(const QByteArray &yaml)
{
    try {
        QList<QJsonValue> out;
        Budget budget = budgetFor(yaml);
        for (const YAML::Node &doc : YAML::LoadAll(yaml.toStdString())) {
            if (doc.IsNull() || !doc.IsDefined())
                continue;
            out << nodeToJson(doc, budget, 0);
        }
        return out;
    } catch (const YAML::Exception &e) {
        return Unexpected(parseError(e));
    } catch (const BudgetExceeded &e) {
        return Unexpected(budgetError(e));
    }
}

QByteArray Yaml::fromJson(const QJsonValue &value)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << YAML::Block;
    emitValue(out, value);
    QByteArray bytes(out.c_str(), qsizetype(out.size()));
    if (!bytes.endsWith('\n'))
        bytes.append('\n');
    return bytes;
}

namespace {

// One line of block-style YAML: where its "- " is (for sequence items) and its key, if any.
struct YamlLine
{
    int dash = -1; // column of "- ", or -1
    int indent = 0; // column of the key (or of the scalar after the dash)
    QString key; // empty for a scalar item or a continuation line
    bool empty = false;
};

YamlLine parseLine(const QString &line)
{
    YamlLine out;
    out.empty = line.trimmed().isEmpty();
    int col = 0;
    while (col < line.size() && line.at(col) == QLatin1Char(' '))
        ++col;
    if (line.mid(col, 2) == QLatin1String("- ") || line.mid(col) == QLatin1String("-")) {
        out.dash = col;
        col += 2;
        while (col < line.size() && line.at(col) == QLatin1Char(' '))
            ++col;
    }
    out.indent = col;
    const qsizetype colon = line.indexOf(QLatin1Char(':'), col);
    if (colon > col && (colon + 1 == line.size() || line.at(colon + 1) == QLatin1Char(' '))
        && !line.at(col).isSpace() && line.at(col) != QLatin1Char('"')
        && line.at(col) != QLatin1Char('\''))
        out.key = line.mid(col, colon - col);
    else if (colon > col && line.at(col) == QLatin1Char('"')) { // a quoted key
        const qsizetype close = line.indexOf(QLatin1String("\":"), col + 1);
        if (close > col)
            out.key = line.mid(col + 1, close - col - 1);
    }
    return out;
}

} // namespace

int Yaml::lineOfField(const QByteArray &yaml, const QString &field)
{
    QList<YamlLine> lines;
    for (const QByteArray &raw : yaml.split('\n'))
        lines.append(parseLine(QString::fromUtf8(raw)));
    int lo = 0;
    int hi = int(lines.size());
    int parent = -1; // column the current container's own keys sit right of
    int found = -1;
    static const QRegularExpression segmentPattern(QStringLiteral("^([^\\[]*)((?:\\[\\d+\\])*)$"));
    for (const QString &segment : field.split(QLatin1Char('.'))) {
        const QRegularExpressionMatch m = segmentPattern.match(segment);
        if (!m.hasMatch())
            return -1;
        const QString key = m.captured(1);
        // The key among the container's direct children: the first at the shallowest column.
        int column = INT_MAX;
        for (int i = lo; i < hi; ++i)
            if (!lines.at(i).key.isEmpty() && lines.at(i).indent > parent)
                column = std::min(column, lines.at(i).indent);
        int at = -1;
        for (int i = lo; i < hi && at < 0; ++i)
            if (lines.at(i).indent == column && lines.at(i).key == key)
                at = i;
        if (at < 0)
            return -1;
        found = at;
        // Its value: the lines after it, up to the next key at its column or left of it.
        const int keyColumn = lines.at(at).indent;
        int end = at + 1;
        while (end < hi) {
            const YamlLine &l = lines.at(end);
            if (!l.empty && (l.dash >= 0 ? l.dash < keyColumn : l.indent <= keyColumn))
                break;
            ++end;
        }
        lo = at + 1;
        hi = end;
        parent = keyColumn;
        // Each [n]: the n-th item of the sequence in that value.
        static const QRegularExpression indexPattern(QStringLiteral("\\[(\\d+)\\]"));
        auto it = indexPattern.globalMatch(m.captured(2));
        while (it.hasNext()) {
            const int wanted = it.next().captured(1).toInt();
            int dashColumn = INT_MAX;
            for (int i = lo; i < hi; ++i)
                if (lines.at(i).dash >= 0)
                    dashColumn = std::min(dashColumn, lines.at(i).dash);
            int seen = -1;
            int item = -1;
            for (int i = lo; i < hi; ++i) {
                if (lines.at(i).dash == dashColumn && ++seen == wanted) {
                    item = i;
                    break;
                }
            }
            if (item < 0)
                return -1;
            int itemEnd = item + 1;
            while (itemEnd < hi
                   && !(lines.at(itemEnd).dash >= 0 && lines.at(itemEnd).dash <= dashColumn))
                ++itemEnd;
            found = item;
            lo = item;
            hi = itemEnd;
            parent = dashColumn;
        }
    }
    return found;
}

} // namespace Meshdeck
