#pragma once

#include "pageid.h"

#include <QAbstractListModel>

namespace Meshdeck {

// The navigation rail's entries: one row per PageId, in order. Titles are translated when read,
// so retranslate() only has to announce that every title changed.
class NavigationModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        PageKeyRole = Qt::UserRole + 1,
        IconPathRole,
        DescriptionRole,
        ShortcutRole,
    };

    explicit NavigationModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QModelIndex indexOf(PageId page) const;
    [[nodiscard]] static PageId pageAt(const QModelIndex &index);
    [[nodiscard]] static QString title(PageId page);
    [[nodiscard]] static QString description(PageId page);

    void retranslate();
};

} // namespace Meshdeck
