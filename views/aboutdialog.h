#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

namespace Meshdeck {

// Name, version and purpose of Meshdeck, and the versions of the libraries it runs on, with a
// button that copies them for a bug report.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    using Components = QList<QPair<QString, QString>>;

    AboutDialog(const QString &version, const Components &components, QWidget *parent = nullptr);

    [[nodiscard]] QString detailsText() const;

private:
    QString m_version;
    Components m_components;
};

} // namespace Meshdeck
