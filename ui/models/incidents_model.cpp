#include "ui/models/incidents_model.h"

#include "ui/detail_html.h"
#include "ui/labels.h"

#include "room/picture_manager.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QLocale>

namespace vigie::ui {

IncidentsModel::IncidentsModel(PictureManager &manager, QObject *parent)
    : QAbstractTableModel(parent), m_manager(manager)
{
    connect(&manager, &PictureManager::pictureChanged, this, &IncidentsModel::refresh);
    refresh();
    m_loaded = true;
}

Timestamp IncidentsModel::now() const
{
    return situationNow(m_manager);
}

void IncidentsModel::refresh()
{
    const Picture &p = m_manager.picture();
    QStringList ids;
    ids.reserve(qsizetype(p.incidents.size()));
    for (const auto &[id, incident] : p.incidents)
        ids.append(id);

    m_units.clear();
    for (const auto &[id, u] : p.units)
        if (!u.incident.isEmpty() &&
            (u.status == QLatin1String("en_route") || u.status == QLatin1String("on_scene")))
            if (const Incident *i = p.shownIncident(u.incident))
                ++m_units[i->id];

    // A rise to the highest severity is news; what the room held when the console opened is not, nor what a
    // replay shows of the past, nor the live picture a desk comes back to from a replay.
    const qint64 wall = QDateTime::currentMSecsSinceEpoch();
    const bool news = m_loaded && !m_manager.replaying() && !m_wasReplaying;
    m_wasReplaying = m_manager.replaying();
    QHash<QString, int> severity;
    for (const auto &[id, i] : p.incidents) {
        severity.insert(id, i.severity);
        if (news && i.severity >= 4 && m_severity.value(id, 0) < 4) {
            m_alertedAt.insert(id, wall);
            Q_EMIT severeIncident(id, i.title.isEmpty() ? id : i.title);
        }
    }
    m_severity = std::move(severity);
    for (auto it = m_alertedAt.begin(); it != m_alertedAt.end();)
        it = p.incidents.contains(it.key()) ? std::next(it) : m_alertedAt.erase(it);

    // Both lists are in the picture's (sorted) order: remove the rows that went, then insert the new ones.
    for (qsizetype r = m_ids.size() - 1; r >= 0; --r) {
        if (!p.incidents.contains(m_ids.at(r))) {
            beginRemoveRows({}, int(r), int(r));
            m_ids.removeAt(r);
            endRemoveRows();
        }
    }
    for (qsizetype r = 0; r < ids.size(); ++r) {
        if (r < m_ids.size() && m_ids.at(r) == ids.at(r))
            continue;
        beginInsertRows({}, int(r), int(r));
        m_ids.insert(r, ids.at(r));
        endInsertRows();
    }
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void IncidentsModel::tick()
{
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool IncidentsModel::alerted(const QString &id) const
{
    const auto it = m_alertedAt.find(id);
    return it != m_alertedAt.end() && QDateTime::currentMSecsSinceEpoch() - *it < alertMsecs;
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
    auto place = [this, &i]() -> QString {
        if (!i.position)
            return tr("non localisée");
        auto cached = m_places.find(i.id);
        if (cached == m_places.end() || cached->first != *i.position)
            cached = m_places.insert(i.id, {*i.position, placeLabel(*i.position)});
        return cached->second;
    };
    switch (role) {
    case IdRole:
        return i.id;
    case AgencyRole:
        return i.agency;
    case SeverityRole:
        return i.severity;
    case SubtitleRole: {
        QStringList parts{incidentTypeLabel(i.type), place()};
        if (i.status == QLatin1String("contained"))
            parts << tr("maîtrisée");
        if (i.expiredAt(m_manager.clock().now()))
            parts << tr("alerte expirée, hors de la carte");
        return parts.join(QStringLiteral(" · "));
    }
    case SearchRole:
        return QStringList{i.id, i.title, incidentTypeLabel(i.type), place(), agencyLabel(i.agency)}
            .join(u'\n')
            .toLower();
    case Qt::BackgroundRole:
        // A severe incident that just opened (or rose) stands out for a few minutes, then only its severity.
        if (i.severity >= 4 && alerted(i.id))
            return QColor(0xD5, 0x5E, 0x00, 70);
        if (index.column() == Severity && i.severity >= 4)
            return QColor(0xD5, 0x5E, 0x00);
        if (index.column() == Severity && i.severity == 3)
            return QColor(0xE6, 0x9F, 0x00);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == Severity && i.severity >= 4)
            return QColor(Qt::white);
        if (index.column() == Severity && i.severity == 3)
            return QColor(Qt::black);
        if (i.status == QLatin1String("contained") || i.expiredAt(m_manager.clock().now()))
            return QColor(0x55, 0x55, 0x55);
        return {};
    case Qt::FontRole:
        if (i.severity >= 4 && (index.column() == Severity || index.column() == Title)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Severity || index.column() == Units)
            return int(Qt::AlignCenter);
        if (index.column() == Age)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: {
        QString tip = tr("%1 — %n entrée(s) au journal", nullptr, int(i.entries.size()))
                          .arg(i.title.isEmpty() ? i.id : i.title);
        tip += u'\n' +
               tr("%1 · gravité %2 · %3 · ouverte à %4")
                   .arg(incidentTypeLabel(i.type))
                   .arg(i.severity)
                   .arg(place(), QLocale().toString(roomTime(i.opened.msecs).time(), QLocale::ShortFormat));
        if (!i.joined.isEmpty())
            tip += u'\n' + tr("Réunit : %1 (Ctrl+Z annule la dernière réunion)").arg(i.joined.join(u", "));
        return tip;
    }
    case Qt::EditRole:
        if (index.column() == Severity)
            return i.severity;
        if (index.column() == Age)
            return i.opened.msecs; // sorts by age, not by the text
        if (index.column() == Units)
            return m_units.value(i.id);
        break;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
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
    case Place:
        return place();
    case Age:
        return ageText(i.opened, now());
    case Units:
        return m_units.value(i.id);
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
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Severity:
            return tr("Gravité, de 1 à 5 (la plus haute)");
        case Age:
            return tr("Depuis l'ouverture");
        case Units:
            return tr("Moyens engagés : en route ou sur les lieux");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Title:
        return tr("Intervention");
    case Type:
        return tr("Nature");
    case Severity:
        return tr("Grav.");
    case Place:
        return tr("Lieu");
    case Age:
        return tr("Depuis");
    case Units:
        return tr("Moyens");
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
