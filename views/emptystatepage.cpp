#include "emptystatepage.h"

#include "svgiconengine.h"

#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Meshdeck {

EmptyStatePage::EmptyStatePage(ContentProvider provider, QWidget *parent)
    : QWidget(parent)
    , m_provider(std::move(provider))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(32, 32, 32, 32);
    outer->addStretch(2);

    auto *column = new QWidget(this);
    column->setFixedWidth(560);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);

    m_icon = new QLabel(column);
    m_icon->setAlignment(Qt::AlignCenter);
    m_title = new QLabel(column);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_body = new QLabel(column);
    m_body->setAlignment(Qt::AlignCenter);
    m_body->setWordWrap(true);
    m_steps = new QWidget(column);
    auto *steps = new QGridLayout(m_steps);
    steps->setContentsMargins(24, 0, 24, 0);
    steps->setHorizontalSpacing(8);
    steps->setVerticalSpacing(8);
    steps->setColumnStretch(1, 1);
    m_command = new QLabel(column);
    m_command->setObjectName(QStringLiteral("emptyStateCommand"));
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_command->setAlignment(Qt::AlignCenter);
    m_command->setFrameShape(QFrame::StyledPanel);
    m_command->setMargin(8);
    m_action = new QPushButton(column);
    m_action->setDefault(true);
    connect(m_action, &QPushButton::clicked, this, &EmptyStatePage::actionTriggered);

    layout->addWidget(m_icon);
    layout->addWidget(m_title);
    layout->addWidget(m_body);
    layout->addSpacing(4);
    layout->addWidget(m_steps);
    layout->addWidget(m_command);
    layout->addWidget(m_action, 0, Qt::AlignCenter);

    // Centre with stretches, not an alignment flag: aligned layout items lose height-for-width,
    // which clips wrapped text.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(3);
    refresh();
}

void EmptyStatePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        refresh();
    QWidget::changeEvent(event);
}

void EmptyStatePage::refresh()
{
    const EmptyStateContent c = m_provider();
    const qreal dpr = devicePixelRatioF();
    m_icon->setPixmap(themedIcon(c.iconPath).pixmap(QSize(72, 72), dpr, QIcon::Disabled));
    m_title->setText(c.title);
    m_body->setText(c.body);
    m_body->setVisible(!c.body.isEmpty());
    // One row per step: its number, then its text, wrapped.
    auto *grid = static_cast<QGridLayout *>(m_steps->layout());
    while (QLayoutItem *item = grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < c.steps.size(); ++i) {
        auto *number = new QLabel(QLocale().toString(i + 1) + QLatin1Char('.'), m_steps);
        number->setAlignment(Qt::AlignRight | Qt::AlignTop);
        QFont bold = number->font();
        bold.setWeight(QFont::DemiBold);
        number->setFont(bold);
        auto *text = new QLabel(c.steps.at(i), m_steps);
        text->setWordWrap(true);
        text->setTextFormat(Qt::PlainText);
        grid->addWidget(number, i, 0);
        grid->addWidget(text, i, 1);
    }
    m_steps->setVisible(!c.steps.isEmpty());
    m_command->setText(c.command);
    m_command->setVisible(!c.command.isEmpty());
    m_action->setText(c.actionText);
    m_action->setVisible(!c.actionText.isEmpty());
    setAccessibleName(c.title);
}

} // namespace Meshdeck
