#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace Meshdeck {

// What an empty page says: what it will show, and what the user does to get there.
struct EmptyStateContent
{
    QString iconPath;
    QString title;
    QString body;
    QStringList steps; // numbered, in order
    QString command; // optional shell command shown in a selectable monospace box
    QString actionText; // optional button; emits actionTriggered()
};

// A page's state before it has data: a large icon, a title, an explanation, numbered next steps
// and an optional action. The content comes from a function so that it is rebuilt, translated,
// whenever the language changes.
class EmptyStatePage : public QWidget
{
    Q_OBJECT

public:
    using ContentProvider = std::function<EmptyStateContent()>;

    explicit EmptyStatePage(ContentProvider provider, QWidget *parent = nullptr);

    [[nodiscard]] EmptyStateContent content() const { return m_provider(); }
    // Rebuilds the page from its content provider (language, palette or data changed).
    void refresh();

Q_SIGNALS:
    void actionTriggered();

protected:
    void changeEvent(QEvent *event) override;

private:
    ContentProvider m_provider;
    QLabel *m_icon = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_body = nullptr;
    QWidget *m_steps = nullptr;
    QLabel *m_command = nullptr;
    QPushButton *m_action = nullptr;
};

} // namespace Meshdeck
