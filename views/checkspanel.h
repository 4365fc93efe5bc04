#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Meshdeck {

class ConfigChecksModel;

// The configuration checks of the connected cluster: a summary (errors, warnings, what was read,
// when), Check Now, and the findings; activating one opens it with its object's YAML.
class ChecksPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ChecksPanel(QWidget *parent = nullptr);

    void setModel(ConfigChecksModel *model);
    [[nodiscard]] QTableView *table() const { return m_table; }
    [[nodiscard]] QLabel *summary() const { return m_summary; }
    // Opens the finding of a row (window-modal); for tests: returns once it is shown.
    void openFinding(int row);
    // "Configuration Checks (2 errors)", for the tab that holds the panel.
    [[nodiscard]] QString tabTitle() const;

Q_SIGNALS:
    void tabTitleChanged(const QString &title);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateSummary();
    [[nodiscard]] static QString errors(int count);
    [[nodiscard]] static QString warnings(int count);

    ConfigChecksModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_checkNow = nullptr;
    QTableView *m_table = nullptr;
};

} // namespace Meshdeck
