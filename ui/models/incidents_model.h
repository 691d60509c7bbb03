#pragma once
// Active incidents of the picture as a table, most severe first in the default sort of the view. Rows are
// inserted and removed one by one as incidents open and close, so that a desk's selection survives a live
// update; the rows themselves are read from the picture.
#include "log/entry.h"

#include <QAbstractTableModel>
#include <QHash>
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
        Severity,
        Type,
        Title,
        Place,
        Age,
        Units,
        Casualties,
        Status,
        Opened,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;
    static constexpr int SearchRole = Qt::UserRole + 2; ///< the words a filter looks in (lower case)
    static constexpr int AgencyRole = Qt::UserRole + 3;
    static constexpr int SeverityRole = Qt::UserRole + 4;
    /// The second line of a row's title: nature, place, and "maîtrisée" once contained.
    static constexpr int SubtitleRole = Qt::UserRole + 5;
    /// How long a row stays marked after its incident reached severity 4 (the highest).
    static constexpr qint64 alertMsecs = 3 * 60 * 1000;

    explicit IncidentsModel(PictureManager &manager, QObject *parent = nullptr);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    /// The row of an incident, or -1.
    [[nodiscard]] int rowOf(const QString &id) const { return int(m_ids.indexOf(id)); }
    /// The time ages are counted to (the wall clock, or in an exercise its latest event).
    [[nodiscard]] Timestamp now() const;
    /// Re-reads the ages and lets the marks of severe incidents fade (called every half minute).
    void tick();

Q_SIGNALS:
    /// An incident opened at severity 4, or rose to it, since the model was made.
    void severeIncident(const QString &id, const QString &title);

private:
    void refresh();
    [[nodiscard]] bool alerted(const QString &id) const;
    PictureManager &m_manager;
    QStringList m_ids;
    QHash<QString, int> m_severity;     ///< as last seen, to tell a rise to 4
    QHash<QString, qint64> m_alertedAt; ///< wall-clock ms when it reached 4
    QHash<QString, int> m_units;        ///< units engaged (en route or on scene) by incident
    mutable QHash<QString, std::pair<GeoPoint, QString>> m_places; ///< sector by incident, by position
    bool m_loaded = false;
    bool m_wasReplaying = false; ///< the last picture seen was a replay's
};

} // namespace vigie::ui
