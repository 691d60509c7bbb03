#pragma once
// Active incidents of the picture as a table, most severe first in the default sort of the view.
#include <QAbstractTableModel>
#include <QStringList>

namespace vigie {
class PictureManager;
}

namespace vigie::ui {

class IncidentsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Title,
        Type,
        Severity,
        Casualties,
        Status,
        Opened,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit IncidentsModel(PictureManager &manager, QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    void refresh();
    PictureManager &m_manager;
    QStringList m_ids;
};

} // namespace vigie::ui
