#include "ui/models/units_model.h"

#include "ui/labels.h"

#include "room/picture_manager.h"

namespace vigie::ui {

UnitsModel::UnitsModel(PictureManager &manager, QObject *parent)
    : QAbstractTableModel(parent), m_manager(manager)
{
    connect(&manager, &PictureManager::pictureChanged, this, &UnitsModel::refresh);
    refresh();
}

void UnitsModel::refresh()
{
    QStringList ids;
    for (const auto &[id, unit] : m_manager.picture().units)
        ids.append(id);
    if (ids == m_ids) {
        if (!m_ids.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_ids = ids;
    endResetModel();
}

int UnitsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int UnitsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnitsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto &units = m_manager.picture().units;
    const auto it = units.find(m_ids.at(index.row()));
    if (it == units.end())
        return {};
    const Unit &u = it->second;
    if (role == IdRole)
        return u.id;
    if (role == Qt::ForegroundRole && index.column() == Status)
        return statusColour(u.status);
    // A unit sent to an incident a desk has since joined into another works on that one.
    const vigie::Incident *shown =
        u.incident.isEmpty() ? nullptr : m_manager.picture().shownIncident(u.incident);
    if (role == Qt::ToolTipRole) {
        if (index.column() == Incident && !u.incident.isEmpty())
            return shown && shown->id != u.incident
                       ? tr("%1 (réunie à %2)").arg(incidentRef(u.incident), incidentRef(shown->id))
                       : incidentRef(u.incident);
        if (index.column() == Station)
            return placeName(u.station);
        QStringList capabilities;
        for (const QString &c : u.capabilities)
            capabilities << capabilityLabel(c);
        return QStringLiteral("%1 — %2").arg(unitRef(u.id), capabilities.join(QStringLiteral(", ")));
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Callsign:
        return u.callsign.isEmpty() ? u.id : u.callsign;
    case Agency:
        return agencyLabel(u.agency);
    case Type:
        return u.type;
    case Status:
        return unitStatusLabel(u.status);
    case Incident:
        // By its title, as the Incidents list names it; its reference in the tooltip.
        if (u.incident.isEmpty())
            return QString();
        return shown && !shown->title.isEmpty() ? shown->title : incidentRef(shown ? shown->id : u.incident);
    case Station:
        return placeShortName(u.station); // the whole name in the tooltip
    default:
        return {};
    }
}

QVariant UnitsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Callsign:
        return tr("Indicatif");
    case Agency:
        return tr("Service");
    case Type:
        return tr("Type");
    case Status:
        return tr("Statut");
    case Incident:
        return tr("Intervention");
    case Station:
        return tr("Centre");
    default:
        return {};
    }
}

} // namespace vigie::ui
