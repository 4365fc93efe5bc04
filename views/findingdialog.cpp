#include "findingdialog.h"

#include <core/yaml.h>

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBlock>
#include <QVBoxLayout>

namespace Meshdeck {

FindingDialog::FindingDialog(const Mesh::ConfigFinding &finding, const QJsonObject &object,
                             QWidget *parent)
    : QDialog(parent)
    , m_finding(finding)
    , m_objectFound(!object.isEmpty())
{
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    QFont bold = font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_title->setFont(bold);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    m_where = new QLabel(this);
    m_where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_where);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);
    m_yaml = new QPlainTextEdit(this);
    m_yaml->setReadOnly(true);
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_yaml, 1);
    auto *buttons = new QDialogButtonBox(this);
    m_copy = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_yaml->toPlainText()); });
    layout->addWidget(buttons);

    if (m_objectFound) {
        QJsonObject shown = object;
        QJsonObject meta = shown.value(QLatin1String("metadata")).toObject();
        meta.remove(QStringLiteral("managedFields"));
        shown.insert(QStringLiteral("metadata"), meta);
        const QByteArray text = Yaml::fromJson(shown);
        m_yaml->setPlainText(QString::fromUtf8(text));
        m_fieldLine = Yaml::lineOfField(text, finding.field);
    }
    m_copy->setEnabled(m_objectFound);
    resize(760, 620);
    retranslate();
    highlight();
}

void FindingDialog::highlight()
{
    if (m_fieldLine < 0)
        return;
    const QTextBlock block = m_yaml->document()->findBlockByNumber(m_fieldLine);
    QTextEdit::ExtraSelection selection;
    QColor colour = m_finding.severity == Mesh::ConfigFinding::Severity::Error
        ? QColor(0xd9, 0x2d, 0x20)
        : QColor(0xe0, 0x8f, 0x00);
    colour.setAlpha(70); // over the base colour: readable in light and dark
    selection.format.setBackground(colour);
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    selection.cursor = QTextCursor(block);
    m_yaml->setExtraSelections({selection});
    QTextCursor cursor(block);
    m_yaml->setTextCursor(cursor);
    m_yaml->centerCursor();
}

void FindingDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void FindingDialog::retranslate()
{
    const bool error = m_finding.severity == Mesh::ConfigFinding::Severity::Error;
    setWindowTitle(tr("Configuration Finding"));
    m_title->setText(QStringLiteral("%1 %2/%3").arg(m_finding.kind, m_finding.ns, m_finding.name));
    m_where->setText(
        tr("%1 %2 in %3")
            .arg(error ? tr("Error") : tr("Warning"), m_finding.code, m_finding.field));
    m_message->setText(m_objectFound ? m_finding.message
                                     : m_finding.message + QStringLiteral("\n\n")
                               + tr("The object is no longer in the cluster."));
    m_copy->setText(tr("&Copy YAML"));
}

} // namespace Meshdeck
