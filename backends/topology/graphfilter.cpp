#include "graphfilter.h"

#include <QRegularExpression>

#include <optional>
#include <variant>

namespace Meshdeck::Topology {

struct GraphFilter::Term
{
    enum class Kind { And, Or, Not, Compare, Flag };
    Kind kind = Kind::Compare;
    std::unique_ptr<Term> left, right;
    QString field;
    QString op;
    QString text;
    double number = 0;
    bool numeric = false;
};

namespace {

using Term = GraphFilter::Term;

const QStringList TextFields {QStringLiteral("name"), QStringLiteral("namespace"),
                              QStringLiteral("ns"),   QStringLiteral("node"),
                              QStringLiteral("app"),  QStringLiteral("version")};
const QStringList NumberFields {QStringLiteral("rps"), QStringLiteral("%err"),
                                QStringLiteral("err"), QStringLiteral("rt")};
const QStringList FlagFields {QStringLiteral("healthy"), QStringLiteral("mtls"),
                              QStringLiteral("sidecar"), QStringLiteral("idle")};
const QStringList Operators {QStringLiteral("<="),      QStringLiteral(">="), QStringLiteral("!="),
                             QStringLiteral("="),       QStringLiteral("<"),  QStringLiteral(">"),
                             QStringLiteral("contains")};

class Parser
{
public:
    explicit Parser(const QString &text)
    {
        static const QRegularExpression token(
            QStringLiteral(R"(\s*("[^"]*"|'[^']*'|<=|>=|!=|=|<|>|\(|\)|[^\s()=<>!"']+))"));
        int at = 0;
        while (at < text.size()) {
            const auto m = token.match(text, at, QRegularExpression::NormalMatch,
                                       QRegularExpression::AnchorAtOffsetMatchOption);
            if (!m.hasMatch()) {
                if (!text.mid(at).trimmed().isEmpty())
                    m_error = GraphFilter::tr("Cannot read the expression at \"%1\".")
                                  .arg(text.mid(at).trimmed());
                break;
            }
            m_tokens << m.captured(1);
            at = m.capturedEnd();
        }
    }

    std::unique_ptr<Term> parse(QString *error)
    {
        if (!m_error.isEmpty()) {
            *error = m_error;
            return nullptr;
        }
        auto t = orExpr();
        if (!t && m_error.isEmpty())
            m_error = GraphFilter::tr("The expression is incomplete.");
        if (t && m_pos < m_tokens.size())
            m_error = GraphFilter::tr("Unexpected \"%1\": combine conditions with and, or, not.")
                          .arg(m_tokens[m_pos]);
        *error = m_error;
        return m_error.isEmpty() ? std::move(t) : nullptr;
    }

private:
    QString peek() const { return m_pos < m_tokens.size() ? m_tokens[m_pos].toLower() : QString(); }
    QString take() { return m_pos < m_tokens.size() ? m_tokens[m_pos++] : QString(); }

    std::unique_ptr<Term> binary(Term::Kind kind, std::unique_ptr<Term> l, std::unique_ptr<Term> r)
    {
        auto t = std::make_unique<Term>();
        t->kind = kind;
        t->left = std::move(l);
        t->right = std::move(r);
        return t;
    }

    std::unique_ptr<Term> orExpr()
    {
        auto l = andExpr();
        while (l && (peek() == QLatin1String("or") || peek() == QLatin1String("||"))) {
            take();
            auto r = andExpr();
            if (!r)
                return nullptr;
            l = binary(Term::Kind::Or, std::move(l), std::move(r));
        }
        return l;
    }
    std::unique_ptr<Term> andExpr()
    {
        auto l = notExpr();
        while (l && (peek() == QLatin1String("and") || peek() == QLatin1String("&&"))) {
            take();
            auto r = notExpr();
            if (!r)
                return nullptr;
            l = binary(Term::Kind::And, std::move(l), std::move(r));
        }
        return l;
    }
    std::unique_ptr<Term> notExpr()
    {
        if (peek() == QLatin1String("not") || peek() == QLatin1String("!")) {
            take();
            auto inner = notExpr();
            if (!inner)
                return nullptr;
            auto t = std::make_unique<Term>();
            t->kind = Term::Kind::Not;
            t->left = std::move(inner);
            return t;
        }
        if (peek() == QLatin1String("(")) {
            take();
            auto inner = orExpr();
            if (!inner)
                return nullptr;
            if (take() != QLatin1String(")")) {
                m_error = GraphFilter::tr("A \"(\" is never closed.");
                return nullptr;
            }
            return inner;
        }
        return comparison();
    }
    std::unique_ptr<Term> comparison()
    {
        const QString field = take().toLower();
        if (field.isEmpty())
            return nullptr;
        auto t = std::make_unique<Term>();
        t->field = field;
        if (FlagFields.contains(field) && !Operators.contains(peek())) {
            t->kind = Term::Kind::Flag;
            return t;
        }
        if (!TextFields.contains(field) && !NumberFields.contains(field)
            && !FlagFields.contains(field)) {
            m_error
                = GraphFilter::tr("Unknown field \"%1\": use name, namespace, node, app, version, "
                                  "rps, %err, rt, healthy, mtls, sidecar or idle.")
                      .arg(field);
            return nullptr;
        }
        t->op = take().toLower();
        if (!Operators.contains(t->op)) {
            m_error = GraphFilter::tr("\"%1\" needs an operator: = != < > <= >= or contains.")
                          .arg(field);
            return nullptr;
        }
        QString value = take();
        if (value.isEmpty()) {
            m_error = GraphFilter::tr("\"%1 %2\" needs a value.").arg(field, t->op);
            return nullptr;
        }
        if (value.size() >= 2
            && (value.startsWith(QLatin1Char('"')) || value.startsWith(QLatin1Char('\''))))
            value = value.mid(1, value.size() - 2);
        t->text = value;
        if (NumberFields.contains(field)) {
            bool ok = false;
            t->number = QString(value)
                            .remove(QLatin1Char('%'))
                            .remove(QStringLiteral("ms"))
                            .toDouble(&ok);
            if (!ok) {
                m_error = GraphFilter::tr("\"%1\" compares numbers; \"%2\" is not one.")
                              .arg(field, value);
                return nullptr;
            }
            t->numeric = true;
        } else if (FlagFields.contains(field)) {
            t->text = value.toLower();
        }
        return t;
    }

    QStringList m_tokens;
    int m_pos = 0;
    QString m_error;
};

bool compareNumber(double v, const QString &op, double x)
{
    if (op == QLatin1String("="))
        return std::abs(v - x) < 1e-9;
    if (op == QLatin1String("!="))
        return std::abs(v - x) >= 1e-9;
    if (op == QLatin1String("<"))
        return v < x;
    if (op == QLatin1String(">"))
        return v > x;
    if (op == QLatin1String("<="))
        return v <= x;
    if (op == QLatin1String(">="))
        return v >= x;
    return false;
}

bool compareText(const QString &v, const QString &op, const QString &x)
{
    if (op == QLatin1String("="))
        return v.compare(x, Qt::CaseInsensitive) == 0;
    if (op == QLatin1String("!="))
        return v.compare(x, Qt::CaseInsensitive) != 0;
    if (op == QLatin1String("contains"))
        return v.contains(x, Qt::CaseInsensitive);
    return false;
}

struct Subject
{
    std::function<std::optional<QString>(const QString &)> text;
    std::function<std::optional<double>(const QString &)> number;
    std::function<std::optional<bool>(const QString &)> flag;
};

bool evaluate(const Term &t, const Subject &s)
{
    switch (t.kind) {
    case Term::Kind::And:
        return evaluate(*t.left, s) && evaluate(*t.right, s);
    case Term::Kind::Or:
        return evaluate(*t.left, s) || evaluate(*t.right, s);
    case Term::Kind::Not:
        return !evaluate(*t.left, s);
    case Term::Kind::Flag: {
        const auto f = s.flag(t.field);
        return f && *f;
    }
    case Term::Kind::Compare:
        if (t.numeric) {
            const auto v = s.number(t.field);
            return v && compareNumber(*v, t.op, t.number);
        }
        if (FlagFields.contains(t.field)) {
            const auto f = s.flag(t.field);
            if (!f)
                return false;
            const bool want = t.text == QLatin1String("true") || t.text == QLatin1String("yes")
                || t.text == QLatin1String("1");
            return t.op == QLatin1String("!=") ? *f != want : *f == want;
        }
        const auto v = s.text(t.field);
        return v && compareText(*v, t.op, t.text);
    }
    return false;
}

} // namespace

GraphFilter::GraphFilter() = default;
GraphFilter::~GraphFilter() = default;
GraphFilter::GraphFilter(GraphFilter &&) noexcept = default;
GraphFilter &GraphFilter::operator=(GraphFilter &&) noexcept = default;

Result<GraphFilter> GraphFilter::parse(const QString &expression)
{
    GraphFilter f;
    if (expression.trimmed().isEmpty())
        return f;
    QString error;
    f.m_root = Parser(expression).parse(&error);
    if (!f.m_root)
        return Unexpected(Error(ErrorCode::InvalidArgument, error));
    return f;
}

bool GraphFilter::matches(const Node &n) const
{
    if (!m_root)
        return false;
    Subject s;
    s.text = [&n](const QString &f) -> std::optional<QString> {
        if (f == QLatin1String("name"))
            return n.name;
        if (f == QLatin1String("namespace") || f == QLatin1String("ns"))
            return n.ns;
        if (f == QLatin1String("node"))
            return nodeTypeName(n.type);
        if (f == QLatin1String("app"))
            return n.app;
        if (f == QLatin1String("version"))
            return n.version;
        return std::nullopt;
    };
    s.number = [&n](const QString &f) -> std::optional<double> {
        if (f == QLatin1String("rps"))
            return n.inRps + (n.inRps > 0 ? 0 : n.outRps);
        if (f == QLatin1String("%err") || f == QLatin1String("err"))
            return n.errorPercent;
        return std::nullopt;
    };
    s.flag = [&n](const QString &f) -> std::optional<bool> {
        if (f == QLatin1String("healthy"))
            return n.health == Health::Healthy;
        if (f == QLatin1String("sidecar"))
            return !n.missingSidecar;
        if (f == QLatin1String("idle"))
            return n.idle;
        return std::nullopt;
    };
    return evaluate(*m_root, s);
}

bool GraphFilter::matches(const Edge &e) const
{
    if (!m_root)
        return false;
    Subject s;
    s.text = [&e](const QString &f) -> std::optional<QString> {
        if (f == QLatin1String("node"))
            return QStringLiteral("edge");
        return std::nullopt;
    };
    s.number = [&e](const QString &f) -> std::optional<double> {
        if (f == QLatin1String("rps"))
            return e.rps;
        if (f == QLatin1String("%err") || f == QLatin1String("err"))
            return e.errorPercent();
        if (f == QLatin1String("rt"))
            return e.p99 >= 0 ? std::optional<double>(e.p99) : std::nullopt;
        return std::nullopt;
    };
    s.flag = [&e](const QString &f) -> std::optional<bool> {
        if (f == QLatin1String("mtls"))
            return e.mtlsPercent > 0;
        if (f == QLatin1String("healthy"))
            return e.health == Health::Healthy;
        if (f == QLatin1String("idle"))
            return e.rps <= 0 && e.bytesPerSecond <= 0;
        return std::nullopt;
    };
    return evaluate(*m_root, s);
}

} // namespace Meshdeck::Topology
