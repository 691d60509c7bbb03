#include "ui/models/incidents_model.h"

#include "ui/labels.h"

#include "room/picture_manager.h"

#include <QColor>
#include <QLocale>

namespace vigie::ui {

IncidentsModel::IncidentsModel(PictureManager &manager, QObject *parent)
    : QAbstractTableModel(parent), m_manager(manager)
{
    connect(&manager, &PictureManager::pictureChanged, this, &IncidentsModel::refresh);
    refresh();
}

void IncidentsModel::refresh()
{
    QStringList ids;
    for (const auto &[id, incident] : m_manager.picture().incidents)
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

int IncidentsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int IncidentsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto &incidents = m_manager.picture().incidents;
    const auto it = incidents.find(m_ids.at(index.row()));
    if (it == incidents.end())
        return {};
    const Incident &i = it->second;
    if (role == IdRole)
        return i.id;
    if (role == Qt::BackgroundRole && index.column() == Severity && i.severity >= 4)
        return QColor(0xD5, 0x5E, 0x00, 90);
    if (role == Qt::ToolTipRole) {
        QString tip = tr("%1 — %n entrée(s) au journal", nullptr, int(i.entries.size())).arg(i.id);
        if (!i.joined.isEmpty())
            tip += u'\n' + tr("Réunit : %1 (Ctrl+Z annule la dernière réunion)").arg(i.joined.join(u", "));
        return tip;
    }
    if (role != Qt::DisplayRole && !(role == Qt::EditRole && index.column() == Severity))
        return {};
    switch (index.column()) {
    case Title: {
        const QString title = i.title.isEmpty() ? i.id : i.title;
        if (i.joined.isEmpty())
            return title;
        return i.joined.size() == 1 ? tr("%1 (+1 réunie)").arg(title)
                                    : tr("%1 (+%2 réunies)").arg(title).arg(i.joined.size());
    }
    case Type:
        return incidentTypeLabel(i.type);
    case Severity:
        return i.severity;
    case Casualties:
        return tr("UA %1 · UR %2 · imp. %3 · DCD %4")
            .arg(i.casualties.red)
            .arg(i.casualties.yellow)
            .arg(i.casualties.green)
            .arg(i.casualties.black);
    case Status:
        return i.status == QLatin1String("contained") ? tr("maîtrisée") : tr("en cours");
    case Opened:
        return QLocale().toString(roomTime(i.opened.msecs).time(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant IncidentsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Intervention");
    case Type:
        return tr("Nature");
    case Severity:
        return tr("Gravité");
    case Casualties:
        return tr("Victimes");
    case Status:
        return tr("État");
    case Opened:
        return tr("Ouverte à");
    default:
        return {};
    }
}

} // namespace vigie::ui
