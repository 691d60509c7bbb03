#include "ui/models/log_model.h"

#include "ui/labels.h"
#include "ui/report_wording.h"

#include "maps/map_layers.h"

#include "log/entry_kinds.h"
#include "room/picture_manager.h"

#include "exercise/scenario.h"
#include "reports/report_words.h"

#include <QApplication>
#include <QColor>
#include <QFont>
#include <QJsonArray>
#include <QLocale>
#include <QStyle>

#include <cmath>
#include <limits>

namespace vigie::ui {

LogModel::LogModel(PictureManager &manager, int keep, QObject *parent)
    : QAbstractTableModel(parent), m_keep(keep), m_manager(&manager)
{
    fill(manager);
    connect(&manager, &PictureManager::entriesAppended, this, &LogModel::append);
    connect(&manager, &PictureManager::pendingChanged, this, &LogModel::setPending);
    connect(&manager, &PictureManager::replayChanged, this, [this, &manager](bool on) {
        m_replaying = on;
        if (on) {
            m_live = m_entries; // the replay replaces the rows (showReplay); the live ones wait here
            return;
        }
        beginResetModel();
        m_entries = std::move(m_live);
        m_live.clear();
        m_pending = manager.pending();
        endResetModel();
    });
    connect(&manager, &PictureManager::reloaded, this, [this, &manager] {
        if (manager.replaying()) {
            m_live.clear(); // the log's end was replaced: read again once the replay ends
            fillLive(manager);
            return;
        }
        beginResetModel();
        m_entries.clear();
        fill(manager);
        endResetModel();
    });
}

void LogModel::fill(const PictureManager &manager)
{
    EntryQuery query;
    // The log's picture: not the desk's pending entries folded on top, nor a replay's past.
    const qint64 folded = manager.livePicture().lastSeq;
    query.afterSeq = std::max<qint64>(0, folded - m_keep);
    // Up to what the picture folded: past it the log may not verify (PictureManager::damage).
    query.limit = folded - query.afterSeq;
    auto r = manager.store().read(query, [this](const Entry &e) {
        m_entries.push_back(e);
        return true;
    });
    if (!r)
        qWarning("%s", qPrintable(r.error().message));
    m_pending = manager.pending();
}

LogModel::LogModel(std::vector<Entry> entries, QObject *parent)
    : QAbstractTableModel(parent), m_entries(std::move(entries)), m_keep(int(m_entries.size()))
{}

void LogModel::setPending(const std::vector<Entry> &pending)
{
    if (m_replaying)
        return; // shown again with the live rows when the replay ends
    // Few rows, changed rarely (a desk offline): reset them as a block.
    const int first = int(m_entries.size());
    if (!m_pending.empty()) {
        beginRemoveRows({}, first, first + int(m_pending.size()) - 1);
        m_pending.clear();
        endRemoveRows();
    }
    if (!pending.empty()) {
        beginInsertRows({}, first, first + int(pending.size()) - 1);
        m_pending = pending;
        endInsertRows();
    }
}

void LogModel::showReplay(const std::vector<Entry> &entries)
{
    // Rows before the new first entry go; then the rows both windows share stay, the rest is replaced.
    // Resetting instead would make the view measure every row again, at every frame of a replay.
    if (!m_pending.empty()) {
        beginRemoveRows({}, int(m_entries.size()), int(m_entries.size() + m_pending.size()) - 1);
        m_pending.clear();
        endRemoveRows();
    }
    const qint64 firstSeq = entries.empty() ? std::numeric_limits<qint64>::max() : entries.front().seq;
    const auto firstKept = std::find_if(m_entries.begin(), m_entries.end(),
                                        [firstSeq](const Entry &e) { return e.seq >= firstSeq; });
    if (const int drop = int(firstKept - m_entries.begin()); drop > 0) {
        beginRemoveRows({}, 0, drop - 1);
        m_entries.erase(m_entries.begin(), firstKept);
        endRemoveRows();
    }
    std::size_t same = 0;
    while (same < m_entries.size() && same < entries.size() && m_entries[same].seq == entries[same].seq)
        ++same;
    if (same < m_entries.size()) {
        beginRemoveRows({}, int(same), int(m_entries.size()) - 1);
        m_entries.erase(m_entries.begin() + std::ptrdiff_t(same), m_entries.end());
        endRemoveRows();
    }
    if (same < entries.size()) {
        beginInsertRows({}, int(same), int(entries.size()) - 1);
        m_entries.insert(m_entries.end(), entries.begin() + std::ptrdiff_t(same), entries.end());
        endInsertRows();
    }
}

void LogModel::fillLive(const PictureManager &manager)
{
    std::vector<Entry> shown = std::move(m_entries);
    std::vector<Entry> pending = std::move(m_pending);
    m_entries.clear();
    fill(manager);
    m_live = std::move(m_entries);
    m_entries = std::move(shown);
    m_pending = std::move(pending);
}

void LogModel::append(const std::vector<Entry> &entries)
{
    if (entries.empty())
        return;
    if (m_replaying) { // kept for the end of the replay, the latest m_keep
        m_live.insert(m_live.end(), entries.begin(), entries.end());
        if (int(m_live.size()) > m_keep)
            m_live.erase(m_live.begin(), m_live.end() - m_keep);
        return;
    }
    // The log's new entries go before the pending ones (which, once in the log, leave the pending list).
    const std::vector<Entry> pending = std::move(m_pending);
    if (!pending.empty()) {
        beginRemoveRows({}, int(m_entries.size()), int(m_entries.size() + pending.size()) - 1);
        m_pending.clear();
        endRemoveRows();
    }
    const int overflow = int(m_entries.size() + entries.size()) - m_keep;
    if (overflow > 0) {
        const int drop = std::min(overflow, int(m_entries.size()));
        beginRemoveRows({}, 0, drop - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + drop);
        endRemoveRows();
    }
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    m_entries.insert(m_entries.end(), entries.begin(), entries.end());
    endInsertRows();
    // Those the log does not hold yet stay pending.
    std::vector<Entry> still;
    for (const Entry &p : pending)
        if (std::none_of(entries.begin(), entries.end(), [&p](const Entry &e) { return e.id == p.id; }))
            still.push_back(p);
    setPending(still);
}

const Entry *LogModel::entryAt(int row) const
{
    if (row < 0)
        return nullptr;
    if (row < int(m_entries.size()))
        return &m_entries[std::size_t(row)];
    const auto pendingRow = std::size_t(row) - m_entries.size();
    return pendingRow < m_pending.size() ? &m_pending[pendingRow] : nullptr;
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size() + m_pending.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

namespace {

/// A span as fusion words it: seconds under a minute, else whole minutes.
QString wordedSpan(double seconds)
{
    return seconds < 60 ? QStringLiteral("%1 s").arg(std::lround(seconds))
                        : QStringLiteral("%1 min").arg(std::lround(seconds / 60.0));
}

} // namespace

QString LogModel::fusionSummary(const Entry &e)
{
    const QJsonObject &d = e.data;
    auto s = [&d](const char *key) {
        return d.value(QLatin1String(key)).toString();
    };
    auto ref = [&s](const char *key) {
        return incidentRef(s(key));
    };
    auto named = [&s](const char *id, const char *title) {
        return s(title).isEmpty() || s(title) == s(id)
                   ? incidentRef(s(id))
                   : QStringLiteral("%1 (%2)").arg(incidentRef(s(id)), s(title));
    };
    if (e.kind == QLatin1String("fusion.split")) {
        if (s("from").isEmpty()) // written by hand before splits carried their reports
            return tr("Signalement %1 séparé de l'intervention fusionnée").arg(s("observation"));
        const qsizetype n = d.value(QLatin1String("reports")).toArray().size();
        return n == 1 ? tr("1 signalement de %1 séparé de %2").arg(ref("incident"), ref("from"))
                      : tr("%3 signalements de %1 séparés de %2").arg(ref("incident"), ref("from")).arg(n);
    }
    if (e.kind == QLatin1String("fusion.join"))
        return tr("Intervention %1 réunie dans %2")
            .arg(named("incident", "incident_title"), named("into", "into_title"));
    if (e.kind == QLatin1String("fusion.undo")) {
        if (s("undone_kind") == QLatin1String("fusion.join"))
            return tr("Réunion annulée : %1 n'est plus dans %2").arg(ref("incident"), ref("into"));
        if (s("undone_kind") == QLatin1String("fusion.split"))
            return tr("Séparation annulée : %1 revient dans %2").arg(ref("incident"), ref("from"));
        return tr("Correction %1 annulée").arg(s("undoes"));
    }
    // A merge: worded here from its numbers; an entry written before they were kept shows its reason.
    if (!d.contains(QLatin1String("reports")))
        return s("reason");
    const QLocale locale;
    QStringList types;
    for (const QJsonValue &t : d.value(QLatin1String("types")).toArray())
        types << incidentTypeLabel(t.toString()).toLower();
    QStringList sources;
    for (const QJsonValue &src : d.value(QLatin1String("sources")).toArray())
        sources << src.toString();
    const QString into = incidentRef(s("into").isEmpty() ? s("incident") : s("into"));
    return tr("%1 signalements sur %2 m et %3 → %4 : %5 (%6) ; le plus proche à %7 m, %8 d'écart ; "
              "confiance %9")
        .arg(locale.toString(d.value(QLatin1String("reports")).toInt()),
             locale.toString(d.value(QLatin1String("extent_m")).toInteger()),
             wordedSpan(d.value(QLatin1String("span_s")).toDouble()), into, types.join(QStringLiteral(", ")),
             sources.join(QStringLiteral(", ")),
             locale.toString(d.value(QLatin1String("nearest_m")).toInteger()),
             wordedSpan(d.value(QLatin1String("nearest_gap_s")).toDouble()),
             locale.toString(d.value(QLatin1String("confidence")).toDouble(), 'f', 2));
}

QColor LogModel::conflictBackground()
{
    // Vermillion (Okabe–Ito), under black bold text: 5.4:1, and apart from the exercise banner's orange.
    return QColor(0xD5, 0x5E, 0x00);
}

QString LogModel::conflictSummary(const Entry &e)
{
    const QJsonObject &d = e.data;
    auto s = [&d](const char *key) {
        return d.value(QLatin1String(key)).toString();
    };
    const auto winnerTime = Timestamp::parseIso(s("winner_time"));
    const QString when =
        winnerTime ? roomTime(winnerTime->msecs).toString(QStringLiteral("HH:mm")) : QStringLiteral("?");
    const bool own = s("loser_author") == deskAuthor();
    const QString seq = QLocale().toString(d.value(QLatin1String("loser_seq")).toInteger());
    const QString loserKind = s("loser_kind");
    QString lost;
    if (loserKind == kinds::suggestionAccept)
        lost = own ? tr("votre acceptation (n° %1)").arg(seq)
                   : tr("l'acceptation de %2 (n° %1)").arg(seq, s("loser_author"));
    else if (loserKind == kinds::suggestionReject)
        lost = own ? tr("votre rejet (n° %1)").arg(seq)
                   : tr("le rejet de %2 (n° %1)").arg(seq, s("loser_author"));
    else if (loserKind == kinds::fusionJoin)
        lost = own ? tr("votre réunion (n° %1)").arg(seq)
                   : tr("la réunion de %2 (n° %1)").arg(seq, s("loser_author"));
    else
        lost = tr("l'entrée n° %1").arg(seq);
    const QString objectKind = s("object_kind");
    const QString label = s("label").isEmpty() ? s("object") : s("label");
    if (objectKind == QLatin1String("unit")) {
        const QString status = s("unit_status");
        if (status == QLatin1String("en_route") || status == QLatin1String("on_scene"))
            return tr("Conflit : %1 était déjà engagé sur %2 par %3 à %4 — %5 n'a pas pris effet")
                .arg(label, s("held_on"), s("winner_author"), when, lost);
        return tr("Conflit : %1 était déjà %2 (%3 à %4) — %5 n'a pas pris effet")
            .arg(label, unitStatusLabel(status), s("winner_author"), when, lost);
    }
    if (objectKind == QLatin1String("suggestion"))
        return (s("winner_kind") == kinds::suggestionReject
                    ? tr("Conflit : la proposition %1 avait déjà été rejetée par %2 à %3 — %4 n'a pas pris "
                         "effet")
                    : tr("Conflit : la proposition %1 avait déjà été acceptée par %2 à %3 — %4 n'a pas pris "
                         "effet"))
            .arg(label, s("winner_author"), when, lost);
    if (objectKind == QLatin1String("incident"))
        return tr("Conflit : %1 était déjà réunie dans %2 par %3 à %4 — %5 n'a pas pris effet")
            .arg(s("object"), s("held_on"), s("winner_author"), when, lost);
    return s("reason");
}

QString LogModel::summary(const Entry &e)
{
    return summaryIn(e, nullptr);
}

QString LogModel::summaryIn(const Entry &e, const Picture *picture)
{
    const QJsonObject &d = e.data;
    auto s = [&d](const char *key) {
        return d.value(QLatin1String(key)).toString();
    };
    if (e.kind == kinds::note && d.contains(QLatin1String("rm_message")))
        return resourceMessageSummary(d);
    if (e.kind == kinds::note || e.kind == kinds::decision)
        return s("text");
    const bool moveUp = d.value(QLatin1String("move_up")).toBool();
    if (e.kind == kinds::unitStatus && moveUp)
        return tr("%1 : disponible, repositionné à %2").arg(unitName(s("unit"), picture), s("station_name"));
    if (e.kind == kinds::unitStatus)
        return tr("%1 : %2%3")
            .arg(unitName(s("unit"), picture), unitStatusLabel(s("status")),
                 s("incident").isEmpty() ? QString() : QStringLiteral(" → ") + incidentRef(s("incident")));
    if (e.kind == kinds::unitPosition)
        return unitName(s("unit"), picture);
    if (e.kind == kinds::incidentOpen || e.kind == kinds::incidentUpdate) {
        // A feed's incident is named by its feed and sender, not by its identifier (in the tooltip).
        if (s("incident").contains(QLatin1Char(':')) && !s("feed").isEmpty())
            return feedIncidentSummary(e);
        // A desk's change of severity says so; otherwise the incident and its title.
        if (e.kind == kinds::incidentUpdate && s("title").isEmpty() && d.contains(QLatin1String("severity")))
            return tr("%1 : gravité %2 sur 5")
                .arg(incidentRef(s("incident")))
                .arg(d.value(QLatin1String("severity")).toInt());
        return QStringLiteral("%1 %2").arg(incidentRef(s("incident")), s("title")).trimmed();
    }
    if (e.kind == kinds::incidentClose) {
        // One source of a fused incident closes its own report; the incident stays while others have not.
        if (const int open = d.value(QLatin1String("open_sources")).toInt(); open > 0)
            return tr("%1 : %2 clôt son signalement, %n autre(s) source(s) encore ouverte(s)", nullptr, open)
                .arg(incidentRef(s("incident")),
                     incidentRef(s("source_incident").isEmpty() ? s("incident") : s("source_incident")));
        // Why it is over: a feed's reason, a desk's words.
        const QString why = s("reason").isEmpty() ? s("text") : s("reason");
        return why.isEmpty() ? incidentRef(s("incident"))
                             : tr("%1 : %2").arg(incidentRef(s("incident")), why);
    }
    if (e.kind == kinds::zoneDraw)
        return s("label");
    if (e.kind == kinds::hospitalStatus)
        return tr("%1 : urgences %2")
            .arg(s("name").isEmpty() ? hospitalName(s("hospital"), picture) : s("name"),
                 maps::edStatusLabel(s("ed_status")));
    if (e.kind == QLatin1String("suggestion") && moveUp)
        return tr("%1 → %2 (repositionnement), trajet %3 min : rétablit %4")
            .arg(s("callsign").isEmpty() ? unitName(s("unit"), picture) : s("callsign"), s("station_name"))
            .arg(QLocale().toString(d.value(QLatin1String("eta_s")).toDouble() / 60.0, 'f', 1))
            .arg(d.value(QLatin1String("restored_sectors"))
                     .toVariant()
                     .toStringList()
                     .join(QStringLiteral(", ")));
    if (e.kind == QLatin1String("suggestion.accept") && moveUp)
        return tr("%1 → %2 (repositionnement) acceptée").arg(unitName(s("unit"), picture), s("station_name"));
    if (e.kind == QLatin1String("suggestion.reject") && moveUp)
        return tr("%1 → %2 (repositionnement) rejetée : %3")
            .arg(unitName(s("unit"), picture), s("station_name"), s("reason"));
    if (e.kind == QLatin1String("suggestion"))
        return tr("%1 → %2, ETA %3 min%4")
            .arg(s("callsign").isEmpty() ? unitName(s("unit"), picture) : s("callsign"), s("incident"))
            .arg(QLocale().toString(d.value(QLatin1String("eta_s")).toDouble() / 60.0, 'f', 1))
            .arg(d.value(QLatin1String("approximate")).toBool() ? tr(" (approx.)") : QString());
    if (e.kind == QLatin1String("suggestion.accept"))
        return tr("%1 → %2 acceptée").arg(unitName(s("unit"), picture), incidentRef(s("incident")));
    if (e.kind.startsWith(QLatin1String("fusion.")))
        return fusionSummary(e);
    if (e.kind == QLatin1String("suggestion.reject"))
        return tr("%1 → %2 rejetée : %3").arg(unitName(s("unit"), picture), s("incident"), s("reason"));
    if (e.kind == kinds::conflict)
        return conflictSummary(e);
    if (e.kind == kinds::eventPlan)
        return tr("%1, le %2")
            .arg(s("title"),
                 QLocale().toString(
                     Timestamp::parseIso(s("start")).value_or(Timestamp{}).toDateTime().toLocalTime(),
                     QStringLiteral("dd/MM/yyyy HH:mm")));
    if (e.kind == kinds::eventCancel)
        return s("reason").isEmpty() ? s("event") : tr("%1 : %2").arg(s("event"), s("reason"));
    if (e.kind.startsWith(QLatin1String("exercise.")))
        return exerciseSummary(e);
    return QString::fromUtf8(compactDataJson(d).left(160));
}

QString LogModel::exerciseSummary(const Entry &e)
{
    const QJsonObject &d = e.data;
    auto s = [&d](const char *key) {
        return d.value(QLatin1String(key)).toString();
    };
    const QString t = exercise::formatT(d.value(QLatin1String("t_ms")).toInteger());
    if (e.kind == QLatin1String("exercise.inject")) {
        // The recipient in the words of the trainer's panel and the report ("tous les services").
        static const reports::ReportWording wording = consoleReportWording();
        const QString who = tr("%1 → %2").arg(s("sender"), reports::recipientText(wording, s("recipient")));
        if (d.value(QLatin1String("ad_hoc")).toBool())
            return tr("Stimulus hors scénario, %1 : %2").arg(who, s("summary"));
        if (!s("contingency_for").isEmpty())
            return tr("Relance %1 (action %2 non faite), %3 : %4")
                .arg(s("inject"), s("contingency_for"), who, s("summary"));
        return tr("Stimulus %1 (%2), %3 : %4").arg(s("inject"), t, who, s("summary"));
    }
    if (e.kind == QLatin1String("exercise.check")) {
        const QString status = s("status");
        const QString word = status == QLatin1String("done")   ? tr("faite")
                             : status == QLatin1String("late") ? tr("faite en retard")
                                                               : tr("manquée");
        return tr("Action attendue %1 (stimulus %2) : %3").arg(s("action"), s("inject"), word);
    }
    const QString action = s("action");
    const QString elapsed = exercise::formatT(d.value(QLatin1String("exercise_ms")).toInteger());
    if (action == QLatin1String("start"))
        return tr("Début de l'exercice « %1 »").arg(s("scenario"));
    if (action == QLatin1String("pause"))
        return tr("Exercice en pause à %1").arg(elapsed);
    if (action == QLatin1String("resume"))
        return tr("Reprise de l'exercice à %1").arg(elapsed);
    if (action == QLatin1String("speed"))
        return tr("Vitesse de l'exercice : ×%1").arg(d.value(QLatin1String("speed")).toInt());
    if (action == QLatin1String("jump"))
        return tr("Saut de l'horloge à %1").arg(elapsed);
    if (action == QLatin1String("end"))
        return tr("Fin de l'exercice à %1").arg(elapsed);
    return action;
}

QString LogModel::sender(const Entry &e)
{
    const QString feed = e.data.value(QLatin1String("feed")).toString();
    if (!feed.isEmpty() && e.author == feed) // a feed that does not name its sender: "hubsante"
        return tr("flux %1").arg(feedLabel(feed));
    if (const QString file = feedSourceLabel(e.author); file != e.author)
        return file; // a file whose name was pseudonymised: "fichier NMEA n° 35e1dc"
    if (!isPseudonym(e.author))
        return senderLabel(e.author); // "fr.fire.bmpm" → "Marins-pompiers (BMPM)"
    // A sender pseudonymised on the way in (its e-mail address): its feed is all a reader can be told.
    return feed.isEmpty() ? tr("expéditeur masqué") : tr("flux %1").arg(feedLabel(feed));
}

QString LogModel::resourceMessageSummary(const QJsonObject &d)
{
    // EDXL-RM's message names and response types (OASIS EDXL-RM 1.0), as a crisis cell says them.
    const QString name = d.value(QLatin1String("rm_message")).toString();
    static const QHash<QString, const char *> messages{
        {QStringLiteral("RequestResource"), QT_TR_NOOP("Demande de moyens")},
        {QStringLiteral("ResponseToRequestResource"), QT_TR_NOOP("Réponse à une demande de moyens")},
        {QStringLiteral("RequisitionResource"), QT_TR_NOOP("Réquisition de moyens")},
        {QStringLiteral("CommitResource"), QT_TR_NOOP("Engagement de moyens")},
        {QStringLiteral("RequestInformation"), QT_TR_NOOP("Demande d'information")},
        {QStringLiteral("ResponseToRequestInformation"), QT_TR_NOOP("Réponse à une demande d'information")},
        {QStringLiteral("OfferUnsolicitedResource"), QT_TR_NOOP("Offre spontanée de moyens")},
        {QStringLiteral("ReleaseResource"), QT_TR_NOOP("Libération de moyens")},
        {QStringLiteral("RequestReturn"), QT_TR_NOOP("Demande de retour de moyens")},
        {QStringLiteral("ResponseToRequestReturn"), QT_TR_NOOP("Réponse à une demande de retour")},
        {QStringLiteral("RequestQuote"), QT_TR_NOOP("Demande de devis")},
        {QStringLiteral("ResponseToRequestQuote"), QT_TR_NOOP("Réponse à une demande de devis")},
        {QStringLiteral("RequestResourceDeploymentStatus"), QT_TR_NOOP("Demande d'état de déploiement")},
        {QStringLiteral("ReportResourceDeploymentStatus"), QT_TR_NOOP("État de déploiement des moyens")},
        {QStringLiteral("RequestExtendedDeploymentDuration"), QT_TR_NOOP("Demande de prolongation")},
        {QStringLiteral("ResponseToRequestExtendedDeploymentDuration"),
         QT_TR_NOOP("Réponse à une demande de prolongation")}};
    static const QHash<QString, const char *> responses{
        {QStringLiteral("Accept"), QT_TR_NOOP("acceptée")},
        {QStringLiteral("Decline"), QT_TR_NOOP("déclinée")},
        {QStringLiteral("Provisional"), QT_TR_NOOP("provisoire")},
        {QStringLiteral("Conditional"), QT_TR_NOOP("sous conditions")}};
    const auto message = messages.constFind(name);
    QString text = message == messages.constEnd() ? tr("Message de moyens %1").arg(name) : tr(*message);
    text = tr("%1 (EDXL-RM)").arg(text);
    if (const QString incident = d.value(QLatin1String("rm_incident")).toString(); !incident.isEmpty())
        text = tr("%1 pour %2").arg(text, incident);
    if (const QString resource = d.value(QLatin1String("rm_resource")).toString(); !resource.isEmpty())
        text = tr("%1 : %2").arg(text, resource);
    if (const QString response = d.value(QLatin1String("rm_response")).toString(); !response.isEmpty()) {
        const auto worded = responses.constFind(response);
        text = tr("%1, réponse : %2").arg(text, worded == responses.constEnd() ? response : tr(*worded));
    }
    return text;
}

QString LogModel::feedIncidentSummary(const Entry &e)
{
    const QJsonObject &d = e.data;
    const QString feed = d.value(QLatin1String("feed")).toString();
    QString what;
    if (feed == QLatin1String("cap"))
        what = tr("Alerte CAP");
    else if (feed == QLatin1String("hubsante"))
        what = tr("Dossier SAMU %1")
                   .arg(d.value(QLatin1String("incident")).toString().section(QLatin1Char('.'), -1));
    else
        what = tr("Signalement %1").arg(feedLabel(feed));
    // The sender when it names a service (kmi-irm), not when it is a token or the feed's own name.
    const QString from = isPseudonym(e.author) || e.author == feed ? QString() : senderLabel(e.author);
    if (!from.isEmpty())
        what = tr("%1 de %2").arg(what, from);
    const QString title = d.value(QLatin1String("title")).toString();
    return title.isEmpty() ? what : tr("%1 : %2").arg(what, title);
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry &e = *entryAt(index.row());
    const bool pending = isPending(index.row());
    if (pending && role == Qt::FontRole) {
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    if (pending && role == Qt::ForegroundRole && index.column() != Agency)
        return QColor(0x60, 0x60, 0x60);
    if (e.kind == kinds::conflict) {
        // A conflict stands out on every screen: a whole row in colour, bold, a warning sign.
        if (role == Qt::BackgroundRole)
            return conflictBackground();
        if (role == Qt::ForegroundRole)
            return QColor(Qt::black);
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (role == Qt::DecorationRole && index.column() == Kind)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    }
    if (role == Qt::ForegroundRole && index.column() == Agency)
        return agencyColour(e.agency);
    if (role == Qt::ToolTipRole) {
        // The whole summary first: the column cuts long ones (fusion's reasons) short.
        const QString detail =
            pending ? tr("En attente : écrite à ce poste, pas encore dans le journal de la salle\n%1\n%2")
                          .arg(e.kind, QString::fromUtf8(compactDataJson(e.data)))
                    : QStringLiteral("#%1 %2 — %3\n%4")
                          .arg(e.seq)
                          .arg(e.kind, e.author, QString::fromUtf8(compactDataJson(e.data)));
        const QString line = summaryIn(e, m_manager ? &m_manager->picture() : nullptr);
        return line.isEmpty() ? detail : line + QStringLiteral("\n\n") + detail;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Seq:
        if (pending)
            return tr("en attente");
        return e.seq;
    case Time:
        // With the year: a room's log can span the new year, and an exercise replays a past one.
        return QLocale().toString(roomTime(e.eventTime.msecs), QStringLiteral("dd/MM/yyyy HH:mm:ss"));
    case Agency:
        return agencyLabel(e.agency);
    case Author:
        return sender(e);
    case Kind:
        // A source's close of a fused incident that others still report does not close the incident.
        if (e.kind == kinds::incidentClose && e.data.value(QLatin1String("open_sources")).toInt() > 0)
            return tr("Clôture d'un signalement");
        return kindLabel(e.kind);
    case Summary:
        return summaryIn(e, m_manager ? &m_manager->picture() : nullptr);
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Seq:
        return tr("N°");
    case Time:
        return tr("Heure");
    case Agency:
        return tr("Service");
    case Author:
        return tr("Auteur");
    case Kind:
        return tr("Nature");
    case Summary:
        return tr("Résumé");
    default:
        return {};
    }
}

} // namespace vigie::ui
