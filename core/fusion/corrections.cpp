#include "fusion/corrections.h"

#include "log/entry_kinds.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <functional>

namespace vigie::fusion {

namespace {

QString text(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

Entry draft(QLatin1String kind, const QString &author, Timestamp now)
{
    Entry e;
    e.kind = kind;
    e.author = author;
    e.role = QStringLiteral("desk");
    e.eventTime = now;
    e.id = newEntryId();
    return e;
}

QString described(const Picture &picture, const QString &id)
{
    const Incident *i = picture.anyIncident(id);
    return i && !i->title.isEmpty() && i->title != id ? QStringLiteral("%1 (%2)").arg(id, i->title) : id;
}

/// The reports behind `incident`, not counting those of incidents joined into it, in seq order.
Result<std::vector<Entry>> reportsOf(const LogStore &store, const Picture &picture, const Incident &incident)
{
    std::vector<Entry> reports;
    if (incident.entries.empty())
        return reports;
    QSet<QString> joined;
    QStringList pending = incident.joined;
    while (!pending.isEmpty()) {
        const QString id = pending.takeLast();
        if (joined.contains(id))
            continue;
        joined.insert(id);
        if (const Incident *j = picture.anyIncident(id))
            pending += j->joined;
    }
    auto keep = [&](const Entry &e) {
        if (std::binary_search(incident.entries.begin(), incident.entries.end(), e.seq) &&
            (e.kind == kinds::incidentOpen || e.kind == kinds::incidentUpdate) &&
            !joined.contains(text(e.data, "incident")))
            reports.push_back(e);
    };
    const qint64 first = incident.entries.front(), last = incident.entries.back();
    // An incident's entries are usually a few among many: read them one by one (each a primary-key lookup)
    // rather than decode everything between its first and its last.
    const bool sparse = last - first + 1 > 4 * qint64(incident.entries.size());
    for (std::size_t i = 0; i < (sparse ? incident.entries.size() : 1); ++i) {
        EntryQuery q;
        q.afterSeq = (sparse ? incident.entries[i] : first) - 1;
        q.limit = sparse ? 1 : -1;
        auto r = store.read(q, [&](const Entry &e) {
            if (e.seq > last)
                return false;
            keep(e);
            return true;
        });
        if (!r)
            return r.error();
    }
    return reports;
}

/// The incident a report's source gave it: kept aside by fusion when it merged the report, else its own.
QString sourceOf(const Entry &report)
{
    const QString source = text(report.data, "source_incident");
    return source.isEmpty() ? text(report.data, "incident") : source;
}

/// An incident's fields as its reports give them, folded in seq order as the picture folds them: what an
/// incident becomes when a split takes reports out of it or an undo brings them back. The picture keeps no
/// report, so the entry carries this.
QJsonObject foldedState(const std::vector<Entry> &reports, const std::function<bool(qint64)> &kept)
{
    QJsonObject state, casualties;
    for (const Entry &e : reports) {
        if (!kept(e.seq))
            continue;
        for (const char *key : {"type", "title", "status"})
            if (const QString v = text(e.data, key); !v.isEmpty())
                state.insert(QLatin1String(key), v);
        if (e.data.value(QLatin1String("severity")).isDouble())
            state.insert(QStringLiteral("severity"), e.data.value(QLatin1String("severity")));
        const QJsonObject c = e.data.value(QLatin1String("casualties")).toObject();
        for (auto it = c.begin(); it != c.end(); ++it)
            casualties.insert(it.key(), it.value());
        if (const auto anchor = e.geo.anchor())
            state.insert(QStringLiteral("position"), QJsonArray{anchor->lon, anchor->lat});
    }
    if (!casualties.isEmpty())
        state.insert(QStringLiteral("casualties"), casualties);
    return state;
}

Result<const Incident *> listed(const Picture &picture, const QString &id)
{
    if (const auto it = picture.incidents.find(id); it != picture.incidents.end())
        return &it->second;
    if (const Incident *joined = picture.anyIncident(id))
        return Error{
            QCoreApplication::translate(
                "vigie::fusion", "incident \"%1\" is joined into \"%2\": undo that join first, or use \"%2\"")
                .arg(id, joined->joinedInto)};
    return Error{QCoreApplication::translate("vigie::fusion",
                                             "no incident \"%1\" in the picture (closed, or never opened)")
                     .arg(id)};
}

/// The reports behind an incident of the picture (listed or joined into another).
Result<std::vector<Entry>> reportsOfIncident(const LogStore &store, const Picture &picture, const QString &id)
{
    const Incident *incident = picture.anyIncident(id);
    if (!incident)
        return Error{QCoreApplication::translate(
                         "vigie::fusion", "no incident \"%1\" in the picture (closed, or never opened)")
                         .arg(id)};
    return reportsOf(store, picture, *incident);
}

/// The sources merged into `incident` among its reports, in order of their first report.
std::vector<SplitChoice> choicesIn(const std::vector<Entry> &reports, const QString &incident)
{
    std::vector<SplitChoice> choices;
    for (const Entry &e : reports) {
        const QString source = sourceOf(e);
        if (source.isEmpty() || source == incident)
            continue;
        auto it = std::find_if(choices.begin(), choices.end(),
                               [&source](const SplitChoice &c) { return c.source == source; });
        if (it == choices.end()) {
            SplitChoice c;
            c.source = source;
            c.observation = e.id.toString(QUuid::WithoutBraces);
            c.agency = e.agency;
            c.first = e.eventTime;
            choices.push_back(std::move(c));
            it = choices.end() - 1;
        }
        it->reports.push_back(e.seq);
        it->last = std::max(it->last, e.eventTime);
        for (const auto &[key, field] : {std::pair{"type", &it->type}, std::pair{"title", &it->title}})
            if (const QString v = text(e.data, key); !v.isEmpty())
                *field = v;
    }
    return choices;
}

} // namespace

Result<std::vector<SplitChoice>> splitChoices(const LogStore &store, const Picture &picture,
                                              const QString &incident)
{
    auto reports = reportsOfIncident(store, picture, incident);
    if (!reports)
        return reports.error();
    return choicesIn(*reports, incident);
}

Result<Entry> splitDraft(const LogStore &store, const Picture &picture, const QString &incident,
                         const QString &source, const QString &author, Timestamp now)
{
    if (source == incident)
        return Error{
            QCoreApplication::translate(
                "vigie::fusion", "\"%1\" opened the incident: split the other sources out of it instead")
                .arg(incident)};
    auto reports = reportsOfIncident(store, picture, incident);
    if (!reports)
        return reports.error();
    const std::vector<SplitChoice> choices = choicesIn(*reports, incident);
    const auto choice = std::find_if(choices.begin(), choices.end(),
                                     [&source](const SplitChoice &c) { return c.source == source; });
    if (choice == choices.end()) {
        QStringList sources;
        for (const SplitChoice &c : choices)
            sources << c.source;
        return Error{
            QCoreApplication::translate(
                "vigie::fusion", "no report of \"%1\" was merged into \"%2\" (sources merged into it: %3)")
                .arg(source, incident,
                     sources.isEmpty() ? QCoreApplication::translate("vigie::fusion", "none")
                                       : sources.join(QStringLiteral(", ")))};
    }
    // The incident it makes, as the picture would have folded the source's reports on their own (the latest
    // value of each field), and what the incident they leave becomes without them.
    const auto moved = [&choice](qint64 seq) {
        return std::binary_search(choice->reports.begin(), choice->reports.end(), seq);
    };
    const QJsonObject own = foldedState(*reports, moved);
    const QJsonObject left = foldedState(*reports, [&moved](qint64 seq) { return !moved(seq); });
    Entry e = draft(kinds::fusionSplit, author, now);
    QJsonArray seqs;
    for (qint64 seq : choice->reports)
        seqs.append(seq);
    e.data = QJsonObject{{QStringLiteral("observation"), choice->observation},
                         {QStringLiteral("incident"), source},
                         {QStringLiteral("from"), incident},
                         {QStringLiteral("reports"), seqs},
                         {QStringLiteral("opened"), choice->first.toIso()},
                         {QStringLiteral("from_state"), left}};
    if (!choice->agency.isEmpty())
        e.data.insert(QStringLiteral("agency"), choice->agency);
    for (auto it = own.begin(); it != own.end(); ++it)
        if (it.key() != u"position")
            e.data.insert(it.key(), it.value());
    if (const QJsonArray at = own.value(QLatin1String("position")).toArray(); at.size() == 2)
        e.geo = Geometry::point({at[0].toDouble(), at[1].toDouble()});
    return e;
}

Result<Entry> joinDraft(const Picture &picture, const QString &incident, const QString &into,
                        const QString &author, Timestamp now)
{
    if (incident == into)
        return Error{
            QCoreApplication::translate("vigie::fusion", "an incident cannot be joined into itself (\"%1\")")
                .arg(incident)};
    auto joined = listed(picture, incident);
    if (!joined)
        return joined.error();
    auto target = listed(picture, into);
    if (!target)
        return target.error();
    Entry e = draft(kinds::fusionJoin, author, now);
    e.data = QJsonObject{{QStringLiteral("incident"), incident},
                         {QStringLiteral("into"), into},
                         {QStringLiteral("incident_title"), (*joined)->title},
                         {QStringLiteral("into_title"), (*target)->title}};
    return e;
}

std::vector<FusionCorrection> correctionsInForce(const Picture &picture)
{
    std::vector<FusionCorrection> list;
    for (const auto &[id, c] : picture.corrections)
        list.push_back(c);
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.seq > b.seq; });
    return list;
}

Result<Entry> undoDraft(const LogStore &store, const Picture &picture, const QString &correction,
                        const QString &author, Timestamp now)
{
    const std::vector<FusionCorrection> inForce = correctionsInForce(picture);
    if (inForce.empty())
        return Error{
            QCoreApplication::translate("vigie::fusion", "no join or split is in force: nothing to undo")};
    const FusionCorrection *c = &inForce.front();
    if (!correction.isEmpty()) {
        const QString id = QUuid(correction).toString(QUuid::WithoutBraces);
        const auto it = picture.corrections.find(id);
        if (it == picture.corrections.end())
            return Error{
                QCoreApplication::translate("vigie::fusion",
                                            "\"%1\" is not a join or split in force (undone already, about a "
                                            "closed incident, or not a correction); in force: %2")
                    .arg(correction)
                    .arg(inForce.size())};
        c = &it->second;
    }
    Entry e = draft(kinds::fusionUndo, author, now);
    const bool join = c->kind == kinds::fusionJoin;
    e.data = QJsonObject{{QStringLiteral("undoes"), c->entry},
                         {QStringLiteral("undone_kind"), c->kind},
                         {QStringLiteral("incident"), c->incident},
                         {join ? QStringLiteral("into") : QStringLiteral("from"), c->other},
                         {QStringLiteral("what"),
                          join ? QStringLiteral("%1 joined into %2")
                                     .arg(described(picture, c->incident), described(picture, c->other))
                               : QStringLiteral("%1 split from %2")
                                     .arg(described(picture, c->incident), described(picture, c->other))}};
    const Incident *from = picture.anyIncident(c->other);
    const Incident *own = picture.anyIncident(c->incident);
    if (!join && from && own) {
        // What the incident the reports go back to becomes with them.
        Incident back = *from;
        const std::vector<qint64> &moved = picture.undoTakesWholeIncident(*c) ? own->entries : c->reports;
        back.entries.insert(back.entries.end(), moved.begin(), moved.end());
        std::sort(back.entries.begin(), back.entries.end());
        back.entries.erase(std::unique(back.entries.begin(), back.entries.end()), back.entries.end());
        auto reports = reportsOf(store, picture, back);
        if (!reports)
            return reports.error();
        e.data.insert(QStringLiteral("from_state"), foldedState(*reports, [](qint64) { return true; }));
    }
    return e;
}

} // namespace vigie::fusion
