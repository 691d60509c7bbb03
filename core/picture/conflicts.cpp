#include "picture/conflicts.h"

#include "log/entry_kinds.h"
#include "log/json_text.h"
#include "picture/conflicts_p.h"
#include "picture/picture.h"

#include <QJsonArray>

namespace vigie {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString unitLabel(const Picture &picture, const QString &id)
{
    const auto it = picture.units.find(id);
    return it != picture.units.end() && !it->second.callsign.isEmpty() ? it->second.callsign : id;
}

/// The join in force that put `incident` into another one.
const FusionCorrection *joinOf(const Picture &picture, const QString &incident)
{
    for (const auto &[id, c] : picture.corrections)
        if (c.kind == kinds::fusionJoin && c.incident == incident)
            return &c;
    return nullptr;
}

QString ownId(const QUuid &id)
{
    return id.toString(QUuid::WithoutBraces);
}

} // namespace

QUuid conflictEntryId(const QUuid &loser)
{
    // Fixed for good: every desk must derive the same id from the same loser.
    static const QUuid ns(QStringLiteral("52a9fcf6-9810-40d7-b5b9-bc696dd7fac1"));
    return QUuid::createUuidV5(ns, ownId(loser).toUtf8());
}

QString conflictReason(const Conflict &c)
{
    static const std::pair<QLatin1String, const char *> actions[] = {{kinds::suggestionAccept, "accept"},
                                                                     {kinds::suggestionReject, "reject"},
                                                                     {kinds::fusionJoin, "join"}};
    auto action = [](const QString &kind) {
        for (const auto &[k, word] : actions)
            if (kind == k)
                return QString::fromLatin1(word);
        return kind;
    };
    const QString by =
        QStringLiteral("by %1 at %2 (seq %3)").arg(c.winner.author, c.winner.time.toIso()).arg(c.winner.seq);
    const QString lost = QStringLiteral("the %1 at seq %2 by %3 took no effect (the first in the chain wins)")
                             .arg(action(c.loser.kind))
                             .arg(c.loser.seq)
                             .arg(c.loser.author);
    if (c.objectKind == QLatin1String("suggestion"))
        return QStringLiteral("suggestion %1 (%2 → %3) was already %4 %5: %6")
            .arg(c.object, c.label, c.heldOn,
                 c.winner.kind == kinds::suggestionReject ? QStringLiteral("rejected")
                                                          : QStringLiteral("accepted"),
                 by, lost);
    if (c.objectKind == QLatin1String("unit")) {
        const QString state =
            c.unitStatus == QLatin1String("en_route")   ? QStringLiteral("en route to ") + c.heldOn
            : c.unitStatus == QLatin1String("on_scene") ? QStringLiteral("on scene at ") + c.heldOn
                                                        : c.unitStatus;
        return QStringLiteral("%1 (%2) was already %3 %4: %5").arg(c.label, c.object, state, by, lost);
    }
    return QStringLiteral("incident %1 was already joined into %2 %3: %4").arg(c.object, c.heldOn, by, lost);
}

std::vector<Entry> conflictDrafts(const Picture &picture, const QString &author, Timestamp now,
                                  const std::function<bool(const Conflict &)> &filter)
{
    std::vector<Entry> drafts;
    for (const Conflict &c : picture.conflicts) {
        if (c.reported || (filter && !filter(c)))
            continue;
        Entry e;
        e.id = conflictEntryId(c.loser.id);
        e.kind = kinds::conflict;
        e.author = author;
        e.role = QStringLiteral("desk");
        e.eventTime = now;
        QJsonObject d{{QStringLiteral("loser"), ownId(c.loser.id)},
                      {QStringLiteral("loser_seq"), c.loser.seq},
                      {QStringLiteral("loser_kind"), c.loser.kind},
                      {QStringLiteral("loser_author"), c.loser.author},
                      {QStringLiteral("winner"), ownId(c.winner.id)},
                      {QStringLiteral("winner_seq"), c.winner.seq},
                      {QStringLiteral("winner_kind"), c.winner.kind},
                      {QStringLiteral("winner_author"), c.winner.author},
                      {QStringLiteral("winner_time"), c.winner.time.toIso()},
                      {QStringLiteral("object"), c.object},
                      {QStringLiteral("object_kind"), c.objectKind},
                      {QStringLiteral("label"), c.label},
                      {QStringLiteral("rule"), c.rule},
                      {QStringLiteral("reason"), conflictReason(c)}};
        for (const auto &[key, value] :
             {std::pair{"unit", &c.unit}, std::pair{"incident", &c.incident}, std::pair{"held_on", &c.heldOn},
              std::pair{"unit_status", &c.unitStatus}})
            if (!value->isEmpty())
                d.insert(QLatin1String(key), *value);
        e.data = d;
        drafts.push_back(std::move(e));
    }
    return drafts;
}

namespace conflicts {

bool isFree(const Unit &unit)
{
    return unit.status == QLatin1String("available") || unit.status == QLatin1String("returning");
}

void applyDecision(Picture &pic, const Entry &e)
{
    const QString suggestion = str(e.data, "suggestion");
    if (suggestion.isEmpty())
        return;
    Conflict c;
    c.loser = EntryRef::of(e);
    c.unit = str(e.data, "unit");
    c.incident = str(e.data, "incident");
    if (const auto decided = pic.suggestions.find(suggestion); decided != pic.suggestions.end()) {
        // A suggestion is decided once.
        c.winner = decided->second.entry;
        c.objectKind = QStringLiteral("suggestion");
        c.object = suggestion;
        c.label = QStringLiteral("%1 → %2").arg(unitLabel(pic, c.unit), c.incident);
        c.heldOn = decided->second.incident;
        pic.conflicts.push_back(std::move(c));
        return;
    }
    if (e.kind == kinds::suggestionAccept) {
        // An accept engages a unit that is free; one engaged (or out of service) since the suggestion was
        // made stays as the earlier entry put it.
        const auto unit = pic.units.find(c.unit);
        if (unit != pic.units.end() && !isFree(unit->second)) {
            c.winner = unit->second.statusBy;
            c.objectKind = QStringLiteral("unit");
            c.object = c.unit;
            c.label = unitLabel(pic, c.unit);
            c.heldOn = unit->second.incident;
            c.unitStatus = unit->second.status;
            pic.conflicts.push_back(std::move(c));
            return;
        }
    }
    pic.suggestions.insert_or_assign(suggestion, SuggestionDecision{c.loser, c.unit, c.incident});
}

std::optional<EntryRef> statusSource(const Picture &pic, const Entry &e)
{
    const QJsonValue accept = e.data.value(QLatin1String("accept"));
    if (accept.isUndefined())
        return EntryRef::of(e);
    const auto decided = pic.suggestions.find(str(e.data, "suggestion"));
    if (decided == pic.suggestions.end() || decided->second.entry.id != QUuid(accept.toString()))
        return std::nullopt; // written with an accept that took no effect
    return decided->second.entry;
}

bool joinContends(Picture &pic, const Entry &e)
{
    const QString incident = str(e.data, "incident"), into = str(e.data, "into");
    if (incident.isEmpty() || incident == into)
        return false;
    // The incident is joined already; or its target is joined, directly or not, into it (the join would
    // make a cycle): in both, the incident held is the one an earlier join put elsewhere.
    QString held;
    if (pic.joinedIncidents.contains(incident)) {
        held = incident;
    } else {
        const Incident *i = pic.anyIncident(into);
        for (int hops = 0; i && !i->joinedInto.isEmpty() && hops < 256; ++hops) {
            if (i->joinedInto == incident) {
                held = into;
                break;
            }
            i = pic.anyIncident(i->joinedInto);
        }
    }
    const FusionCorrection *winner = held.isEmpty() ? nullptr : joinOf(pic, held);
    if (!winner)
        return false;
    Conflict c;
    c.loser = EntryRef::of(e);
    c.winner = {QUuid(winner->entry), winner->seq, winner->author, winner->kind, winner->time};
    c.objectKind = QStringLiteral("incident");
    c.object = held;
    const Incident *heldIncident = pic.anyIncident(held);
    c.label = heldIncident && !heldIncident->title.isEmpty() ? heldIncident->title : held;
    c.incident = incident;
    c.heldOn = winner->other;
    pic.conflicts.push_back(std::move(c));
    return true;
}

void applyReport(Picture &pic, const Entry &e)
{
    const QUuid loser(str(e.data, "loser"));
    for (auto it = pic.conflicts.rbegin(); it != pic.conflicts.rend(); ++it)
        if (it->loser.id == loser) {
            it->reported = true;
            return;
        }
}

void writeRef(JsonWriter &j, QStringView name, const EntryRef &ref)
{
    j.key(name);
    j.beginObject();
    j.field(u"id", ownId(ref.id));
    j.field(u"seq", ref.seq);
    j.field(u"author", ref.author);
    j.field(u"kind", ref.kind);
    j.field(u"time", ref.time.msecs);
    j.endObject();
}

EntryRef readRef(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    return {QUuid(str(o, "id")), o.value(QLatin1String("seq")).toInteger(), str(o, "author"), str(o, "kind"),
            Timestamp{o.value(QLatin1String("time")).toInteger()}};
}

void writeState(JsonWriter &j, const Picture &p)
{
    if (!p.suggestions.empty()) {
        j.key(u"suggestions");
        j.beginArray();
        for (const auto &[id, d] : p.suggestions) {
            j.beginObject();
            j.field(u"suggestion", id);
            writeRef(j, u"entry", d.entry);
            j.field(u"unit", d.unit);
            j.field(u"incident", d.incident);
            j.endObject();
        }
        j.endArray();
    }
    if (p.conflicts.empty())
        return;
    j.key(u"conflicts");
    j.beginArray();
    for (const Conflict &c : p.conflicts) {
        j.beginObject();
        writeRef(j, u"loser", c.loser);
        writeRef(j, u"winner", c.winner);
        j.field(u"object_kind", c.objectKind);
        j.field(u"object", c.object);
        j.field(u"label", c.label);
        j.field(u"unit", c.unit);
        j.field(u"incident", c.incident);
        j.field(u"held_on", c.heldOn);
        j.field(u"unit_status", c.unitStatus);
        j.field(u"rule", c.rule);
        j.field(u"reported", c.reported);
        j.endObject();
    }
    j.endArray();
}

void readState(const QJsonObject &json, Picture &p)
{
    for (const QJsonValue &v : json.value(QLatin1String("suggestions")).toArray()) {
        const QJsonObject o = v.toObject();
        p.suggestions.insert_or_assign(
            str(o, "suggestion"),
            SuggestionDecision{readRef(o.value(QLatin1String("entry"))), str(o, "unit"), str(o, "incident")});
    }
    for (const QJsonValue &v : json.value(QLatin1String("conflicts")).toArray()) {
        const QJsonObject o = v.toObject();
        Conflict c;
        c.loser = readRef(o.value(QLatin1String("loser")));
        c.winner = readRef(o.value(QLatin1String("winner")));
        c.objectKind = str(o, "object_kind");
        c.object = str(o, "object");
        c.label = str(o, "label");
        c.unit = str(o, "unit");
        c.incident = str(o, "incident");
        c.heldOn = str(o, "held_on");
        c.unitStatus = str(o, "unit_status");
        c.rule = str(o, "rule");
        c.reported = o.value(QLatin1String("reported")).toBool();
        p.conflicts.push_back(std::move(c));
    }
}

} // namespace conflicts
} // namespace vigie
