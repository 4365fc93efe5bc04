#pragma once

#include <mesh/configchecks.h>

#include <QDialog>
#include <QJsonObject>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace Meshdeck {

// One configuration finding with the object it is about: what is wrong and what to do, then the
// object's YAML (without managedFields) scrolled to the field, which is highlighted.
class FindingDialog : public QDialog
{
    Q_OBJECT

public:
    FindingDialog(const Mesh::ConfigFinding &finding, const QJsonObject &object,
                  QWidget *parent = nullptr);

    [[nodiscard]] QPlainTextEdit *yaml() const { return m_yaml; }
    // The 0-based line of the finding's field in the YAML, or -1.
    [[nodiscard]] int fieldLine() const { return m_fieldLine; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void highlight();

    Mesh::ConfigFinding m_finding;
    bool m_objectFound = false;
    QLabel *m_title = nullptr;
    QLabel *m_where = nullptr;
    QLabel *m_message = nullptr;
    QPlainTextEdit *m_yaml = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_close = nullptr;
    int m_fieldLine = -1;
};

} // namespace Meshdeck
