#pragma once
// Units of the picture as a table. Holds no truth: rows are read from the PictureManager's picture.
#include <QAbstractTableModel>
#include <QStringList>

namespace vigie {
class PictureManager;
}

namespace vigie::ui {

class UnitsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Callsign,
        Agency,
        Type,
        Status,
        Incident,
        Station,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit UnitsModel(PictureManager &manager, QObject *parent = nullptr);
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
