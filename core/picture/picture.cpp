#include "picture/picture.h"

#include "log/entry_kinds.h"
#include "log/json_text.h"
#include "picture/conflicts_p.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <iterator>

namespace vigie {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

Casualties casualtiesFrom(const QJsonObject &o, Casualties base)
{
    auto take = [&o](const char *key, int &target) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isDouble())
            target = v.toInt();
    };
    take("red", base.red);
    take("yellow", base.yellow);
    take("green", base.green);
    take("black", base.black);
    return base;
}

std::optional<GeoPoint> pointFrom(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    if (a.size() != 2)
        return std::nullopt;
    return GeoPoint{a.at(0).toDouble(), a.at(1).toDouble()};
}

void applyUnitStatus(Picture &pic, const Entry &e)
{
    // A status written with an accept that lost to an earlier entry takes no effect (conflicts.h).
    std::optional<EntryRef> by = conflicts::statusSource(pic, e);
    if (!by)
        return;
    const QString id = str(e.data, "unit");
    Unit &u = pic.units[id];
    u.id = id;
    u.status = str(e.data, "status");
    u.statusTime = e.eventTime;
    // Kept only while the unit is not free: then an accept of it loses to that entry. (Kept for every unit,
    // it made the demo's snapshot 40 % larger.)
    u.statusBy = conflicts::isFree(u) ? EntryRef{} : std::move(*by);
    u.lastSeq = e.seq;
    const bool engaged = u.status == QLatin1String("en_route") || u.status == QLatin1String("on_scene");
    u.incident = engaged ? str(e.data, "incident") : QString();
    if (!e.agency.isEmpty())
        u.agency = e.agency;
    for (const auto &[key, field] :
         {std::pair{"callsign", &u.callsign}, std::pair{"type", &u.type}, std::pair{"station", &u.station}}) {
        const QJsonValue v = e.data.value(QLatin1String(key));
        if (v.isString())
            *field = v.toString();
    }
    const QJsonValue caps = e.data.value(QLatin1String("capabilities"));
    if (caps.isArray()) {
        u.capabilities.clear();
        for (const QJsonValue &c : caps.toArray())
            u.capabilities.append(c.toString());
    }
    if (e.geo.type == Geometry::Type::Point) {
        u.position = e.geo.points.front();
        u.positionTime = e.eventTime;
    }
}

void applyUnitPosition(Picture &pic, const Entry &e)
{
    const QString id = str(e.data, "unit");
    Unit &u = pic.units[id];
    u.id = id;
    if (u.agency.isEmpty())
        u.agency = e.agency;
    u.position = e.geo.points.front();
    u.positionTime = e.eventTime;
    u.lastSeq = e.seq;
}

Incident *findIncident(Picture &pic, const QString &id)
{
    if (auto it = pic.incidents.find(id); it != pic.incidents.end())
        return &it->second;
    if (auto it = pic.joinedIncidents.find(id); it != pic.joinedIncidents.end())
        return &it->second;
    return nullptr;
}

/// Calls `visit` on `incident` and on each incident it is joined into, up to the one in the list. Joins
/// cannot make a cycle (a join into an incident already joined into the first is not folded); the bound
/// is a second guard.
template <typename Visit> void alongJoins(Picture &pic, Incident *incident, Visit visit)
{
    for (int hops = 0; incident && hops < 256; ++hops) {
        visit(*incident);
        incident = incident->joinedInto.isEmpty() ? nullptr : findIncident(pic, incident->joinedInto);
    }
}

void addSeqs(std::vector<qint64> &entries, const std::vector<qint64> &more)
{
    const auto middle = entries.insert(entries.end(), more.begin(), more.end());
    std::inplace_merge(entries.begin(), middle, entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
}

void removeSeqs(std::vector<qint64> &entries, const std::vector<qint64> &gone)
{
    // Both sorted: one pass.
    std::vector<qint64> kept;
    kept.reserve(entries.size());
    std::set_difference(entries.begin(), entries.end(), gone.begin(), gone.end(), std::back_inserter(kept));
    entries = std::move(kept);
}

void foldReport(Incident &i, const Entry &e)
{
    for (const auto &[key, field] : {std::pair{"type", &i.type}, std::pair{"title", &i.title}}) {
        const QJsonValue v = e.data.value(QLatin1String(key));
        if (v.isString())
            *field = v.toString();
    }
    const QJsonValue status = e.data.value(QLatin1String("status"));
    if (status.isString())
        i.status = status.toString();
    const QJsonValue severity = e.data.value(QLatin1String("severity"));
    if (severity.isDouble())
        i.severity = severity.toInt();
    const QJsonValue casualties = e.data.value(QLatin1String("casualties"));
    if (casualties.isObject())
        i.casualties = casualtiesFrom(casualties.toObject(), i.casualties);
    if (const auto anchor = e.geo.anchor())
        i.position = anchor;
    const QJsonValue expires = e.data.value(QLatin1String("expires"));
    if (expires.isString())
        i.expires = Timestamp::parseIso(expires.toString());
}

/// Closes an incident and the incidents joined into it; returns how many closed.
qint64 closeIncident(Picture &pic, const QString &id)
{
    Incident *incident = findIncident(pic, id);
    if (!incident)
        return 0;
    qint64 closed = 1;
    const QStringList joined = incident->joined;
    if (!incident->joinedInto.isEmpty()) {
        if (Incident *into = findIncident(pic, incident->joinedInto))
            into->joined.removeAll(id);
    }
    if (pic.incidents.erase(id) == 0)
        pic.joinedIncidents.erase(id);
    // A correction about a closed incident can no longer be undone.
    std::erase_if(pic.corrections,
                  [&id](const auto &c) { return c.second.incident == id || c.second.other == id; });
    for (const QString &j : joined)
        closed += closeIncident(pic, j);
    return closed;
}

void applyIncident(Picture &pic, const Entry &e)
{
    const QString id = str(e.data, "incident");
    if (e.kind == kinds::incidentClose) {
        if (e.data.value(QLatin1String("open_sources")).toInteger() > 0) {
            // One source of a fused incident closed its own report; the others have not: it stays.
            alongJoins(pic, findIncident(pic, id), [&e](Incident &i) {
                i.entries.push_back(e.seq);
                i.updated = std::max(i.updated, e.eventTime);
            });
            return;
        }
        pic.closedIncidents += closeIncident(pic, id);
        return;
    }
    if (auto joined = pic.joinedIncidents.find(id); joined != pic.joinedIncidents.end()) {
        // A source still reports on an incident a desk joined into another: it stays up to date aside,
        // and the incident it is joined into lists the report.
        foldReport(joined->second, e);
        alongJoins(pic, &joined->second, [&e](Incident &i) {
            i.entries.push_back(e.seq);
            i.updated = std::max(i.updated, e.eventTime);
        });
        return;
    }
    const bool isNew = !pic.incidents.contains(id);
    Incident &i = pic.incidents[id];
    if (isNew) {
        i.id = id;
        i.opened = e.eventTime;
        i.agency = e.agency;
    }
    i.updated = e.eventTime;
    i.entries.push_back(e.seq);
    foldReport(i, e);
}

std::vector<qint64> seqsFrom(const QJsonValue &v)
{
    std::vector<qint64> seqs;
    for (const QJsonValue &s : v.toArray())
        if (s.toInteger() > 0)
            seqs.push_back(s.toInteger());
    std::sort(seqs.begin(), seqs.end());
    seqs.erase(std::unique(seqs.begin(), seqs.end()), seqs.end());
    return seqs;
}

void applyJoin(Picture &pic, FusionCorrection c)
{
    const auto joined = pic.incidents.find(c.incident);
    Incident *into = findIncident(pic, c.other);
    if (joined == pic.incidents.end() || !into || c.incident == c.other)
        return;
    bool cycle = false;
    alongJoins(pic, into, [&](const Incident &i) { cycle = cycle || i.id == c.incident; });
    if (cycle)
        return;
    Incident moved = std::move(joined->second);
    pic.incidents.erase(joined);
    moved.joinedInto = c.other;
    into->joined.append(c.incident);
    alongJoins(pic, into, [&](Incident &i) {
        addSeqs(i.entries, moved.entries);
        i.updated = std::max(i.updated, moved.updated);
    });
    pic.joinedIncidents.insert_or_assign(c.incident, std::move(moved));
    pic.corrections.insert_or_assign(c.entry, std::move(c));
}

/// What an incident becomes when a desk's correction moves reports out of it or back in, as the correction
/// entry carries it ("from_state": the fields its reports give, folded by the tool that wrote the entry).
void applyState(Incident &incident, const QJsonValue &state)
{
    if (!state.isObject())
        return;
    Entry folded;
    folded.data = state.toObject();
    if (const auto at = pointFrom(folded.data.value(QLatin1String("position"))))
        folded.geo = Geometry::point(*at);
    // The casualties are the reports' whole count: those of the reports that left are not kept.
    incident.casualties = {};
    foldReport(incident, folded);
}

void applySplit(Picture &pic, const Entry &e, FusionCorrection c)
{
    Incident *from = findIncident(pic, c.other);
    if (!from || c.incident.isEmpty() || c.incident == c.other || c.reports.empty())
        return;
    alongJoins(pic, from, [&](Incident &i) { removeSeqs(i.entries, c.reports); });
    applyState(*from, e.data.value(QLatin1String("from_state")));
    Incident *own = findIncident(pic, c.incident);
    c.created = own == nullptr;
    if (!own) {
        Incident &i = pic.incidents[c.incident];
        i.id = c.incident;
        i.agency = str(e.data, "agency");
        const auto opened = Timestamp::parseIso(str(e.data, "opened"));
        i.opened = opened ? *opened : e.eventTime;
        i.updated = e.eventTime;
        foldReport(i, e);
        own = &i;
    }
    alongJoins(pic, own, [&](Incident &i) { addSeqs(i.entries, c.reports); });
    pic.corrections.insert_or_assign(c.entry, std::move(c));
}

void applyUndo(Picture &pic, const Entry &e)
{
    const auto found = pic.corrections.find(QUuid(str(e.data, "undoes")).toString(QUuid::WithoutBraces));
    if (found == pic.corrections.end())
        return;
    const FusionCorrection c = std::move(found->second);
    pic.corrections.erase(found);
    if (c.kind == u"fusion.join") {
        const auto joined = pic.joinedIncidents.find(c.incident);
        if (joined == pic.joinedIncidents.end() || joined->second.joinedInto != c.other)
            return;
        Incident back = std::move(joined->second);
        pic.joinedIncidents.erase(joined);
        back.joinedInto.clear();
        alongJoins(pic, findIncident(pic, c.other), [&](Incident &i) {
            removeSeqs(i.entries, back.entries);
            if (i.id == c.other)
                i.joined.removeAll(c.incident);
        });
        pic.incidents.insert_or_assign(c.incident, std::move(back));
        return;
    }
    Incident *from = findIncident(pic, c.other);
    Incident *own = findIncident(pic, c.incident);
    if (!from || !own)
        return;
    const bool whole = pic.undoTakesWholeIncident(c);
    const std::vector<qint64> moved = whole ? own->entries : c.reports;
    alongJoins(pic, own, [&](Incident &i) { removeSeqs(i.entries, moved); });
    alongJoins(pic, from, [&](Incident &i) { addSeqs(i.entries, moved); });
    applyState(*from, e.data.value(QLatin1String("from_state")));
    if (whole)
        pic.incidents.erase(c.incident);
}

void applyFusionCorrection(Picture &pic, const Entry &e)
{
    if (e.kind == u"fusion.undo") {
        applyUndo(pic, e);
        return;
    }
    if (e.kind == kinds::fusionJoin && conflicts::joinContends(pic, e))
        return;
    FusionCorrection c;
    c.entry = e.id.toString(QUuid::WithoutBraces);
    c.seq = e.seq;
    c.time = e.eventTime;
    c.author = e.author;
    c.kind = e.kind;
    c.incident = str(e.data, "incident");
    if (e.kind == u"fusion.join") {
        c.other = str(e.data, "into");
        applyJoin(pic, std::move(c));
    } else {
        c.other = str(e.data, "from");
        c.reports = seqsFrom(e.data.value(QLatin1String("reports")));
        applySplit(pic, e, std::move(c));
    }
}

void applyZone(Picture &pic, const Entry &e)
{
    const QString id = str(e.data, "zone");
    if (e.data.value(QLatin1String("removed")).toBool()) {
        pic.zones.erase(id);
        return;
    }
    Zone &z = pic.zones[id];
    z.id = id;
    z.label = str(e.data, "label");
    z.kind = str(e.data, "kind");
    z.agency = e.agency;
    z.ring = e.geo.points;
    z.drawn = e.eventTime;
    z.seq = e.seq;
}

void applyHospital(Picture &pic, const Entry &e)
{
    const QString id = str(e.data, "hospital");
    Hospital &h = pic.hospitals[id];
    h.id = id;
    if (e.data.value(QLatin1String("name")).isString())
        h.name = str(e.data, "name");
    if (e.data.value(QLatin1String("ed_status")).isString())
        h.edStatus = str(e.data, "ed_status");
    const QJsonValue beds = e.data.value(QLatin1String("beds"));
    if (beds.isObject()) {
        h.beds.clear();
        const QJsonObject b = beds.toObject();
        for (auto it = b.begin(); it != b.end(); ++it)
            h.beds[it.key()] = it.value().toInt();
    }
    if (const auto anchor = e.geo.anchor())
        h.position = anchor;
    h.updated = e.eventTime;
}

} // namespace

namespace {

/// The data fields fusion reads (fuser.cpp's observationOf and Fuser::apply, feed_fusion.cpp).
constexpr std::array fusionTrailFields{u"feed",        u"type", u"incident", u"source_incident",
                                       u"observation", u"into", u"undoes",   u"feed_key"};

static_assert(fusionTrailFields.size() == std::tuple_size_v<decltype(FusionTrailEntry::fields)>);

} // namespace

const QStringList &Picture::fusionKinds()
{
    static const QStringList list{kinds::incidentOpen, kinds::incidentUpdate, kinds::incidentClose,
                                  kinds::fusionJoin,   kinds::fusionSplit,    kinds::fusionUndo};
    return list;
}

void Picture::keepForFusion(const Entry &e)
{
    const QString &k = e.kind;
    const bool report = k == kinds::incidentOpen || k == kinds::incidentUpdate;
    if (!report && k != kinds::incidentClose && k != kinds::fusionJoin && k != kinds::fusionSplit &&
        k != kinds::fusionUndo)
        return;
    const std::optional<GeoPoint> at = e.geo.anchor();
    if (report && !at)
        return; // a report without a place is no observation
    FusionTrailEntry t;
    t.id = e.id;
    t.seq = e.seq;
    t.kind = k;
    t.agency = e.agency;
    t.time = e.eventTime;
    t.at = at;
    for (std::size_t f = 0; f < fusionTrailFields.size(); ++f)
        if (const QJsonValue v = e.data.value(QStringView(fusionTrailFields[f])); v.isString())
            t.fields[f] = v.toString();
    constexpr qint64 maxStepMs = 3600 * 1000;
    if (fusionTrail.empty())
        fusionTrailClock = std::max(fusionTrailClock, t.time.msecs);
    else if (t.time.msecs > fusionTrailClock)
        fusionTrailClock = std::min(t.time.msecs, fusionTrailClock + maxStepMs);
    fusionTrail.push_back(std::move(t));
    while (!fusionTrail.empty() && fusionTrail.front().time.msecs < fusionTrailClock - fusionTrailMs) {
        fusionTrail.pop_front();
        ++fusionTrailBase;
    }
}

Entry FusionTrailEntry::toEntry() const
{
    Entry e;
    e.id = id;
    e.seq = seq;
    e.kind = kind;
    e.agency = agency;
    e.eventTime = time;
    if (at)
        e.geo = Geometry::point(*at);
    for (std::size_t f = 0; f < fusionTrailFields.size(); ++f)
        if (!fields[f].isEmpty())
            e.data.insert(QString::fromUtf16(fusionTrailFields[f]), fields[f]);
    return e;
}

void Picture::apply(const Entry &e)
{
    lastSeq = e.seq;
    ++applied;
    maxEventTime = std::max(maxEventTime, e.eventTime);
    if (keepsFusionTrail)
        keepForFusion(e);
    const QString &k = e.kind;
    if (k == kinds::unitStatus)
        applyUnitStatus(*this, e);
    else if (k == kinds::unitPosition)
        applyUnitPosition(*this, e);
    else if (k == kinds::incidentOpen || k == kinds::incidentUpdate || k == kinds::incidentClose)
        applyIncident(*this, e);
    else if (k == kinds::zoneDraw)
        applyZone(*this, e);
    else if (k == kinds::hospitalStatus)
        applyHospital(*this, e);
    else if (k == kinds::fusionJoin || k == kinds::fusionSplit || k == kinds::fusionUndo)
        applyFusionCorrection(*this, e);
    else if (k == kinds::decision) {
        decisions.push_back(
            {e.seq, e.eventTime, e.author, e.agency, str(e.data, "text"), str(e.data, "incident")});
        if (decisions.size() > keptDecisions)
            decisions.erase(decisions.begin());
    } else if (k == kinds::note)
        ++notes;
    else if (k == kinds::suggestionAccept || k == kinds::suggestionReject)
        conflicts::applyDecision(*this, e);
    else if (k == kinds::conflict)
        conflicts::applyReport(*this, e);
    else if (k == kinds::eventPlan || k == kinds::eventCancel)
        planned::apply(plannedEvents, e);
}

bool Picture::isCurrentSnapshot(QByteArrayView snapshot)
{
    static const QByteArray head =
        QByteArrayLiteral("{\"format\":") + QByteArray::number(snapshotFormat) + ',';
    return snapshot.startsWith(head);
}

const Incident *Picture::anyIncident(const QString &id) const
{
    if (auto it = incidents.find(id); it != incidents.end())
        return &it->second;
    if (auto it = joinedIncidents.find(id); it != joinedIncidents.end())
        return &it->second;
    return nullptr;
}

bool Picture::undoTakesWholeIncident(const FusionCorrection &split) const
{
    const Incident *own = anyIncident(split.incident);
    return split.created && own && own->joined.isEmpty() && own->joinedInto.isEmpty();
}

const Incident *Picture::shownIncident(const QString &id) const
{
    const Incident *incident = anyIncident(id);
    for (int hops = 0; incident && !incident->joinedInto.isEmpty() && hops < 256; ++hops)
        incident = anyIncident(incident->joinedInto);
    return incident && incident->joinedInto.isEmpty() ? incident : nullptr;
}

QJsonObject Picture::toJson() const
{
    return QJsonDocument::fromJson(toJsonText()).object();
}

QByteArray Picture::toJsonText() const
{
    // Written as text: a snapshot serialises the whole picture every few thousand entries, inside the append
    // path, and building it as QJsonObjects first cost three times the text.
    JsonWriter j(4096 + 400 * qsizetype(units.size() + incidents.size() + zones.size() + hospitals.size() +
                                        decisions.size()));
    auto point = [&j](QStringView name, const std::optional<GeoPoint> &p) {
        j.key(name);
        if (!p) {
            j.null();
            return;
        }
        j.beginArray();
        j.value(p->lon);
        j.value(p->lat);
        j.endArray();
    };
    j.beginObject();
    j.field(u"format", snapshotFormat); // first: Picture::isCurrentSnapshot reads it without parsing
    j.key(u"units");
    j.beginArray();
    for (const auto &[id, u] : units) {
        j.beginObject();
        j.field(u"id", u.id);
        j.field(u"callsign", u.callsign);
        j.field(u"type", u.type);
        j.field(u"agency", u.agency);
        j.field(u"station", u.station);
        j.field(u"capabilities", u.capabilities);
        j.field(u"status", u.status);
        j.field(u"incident", u.incident);
        point(u"position", u.position);
        j.field(u"position_time", u.positionTime.msecs);
        j.field(u"status_time", u.statusTime.msecs);
        if (u.statusBy.seq != 0)
            conflicts::writeRef(j, u"status_by", u.statusBy);
        j.field(u"last_seq", u.lastSeq);
        j.endObject();
    }
    j.endArray();
    auto incidentList = [&j, &point](QStringView name, const std::map<QString, Incident> &list) {
        j.key(name);
        j.beginArray();
        for (const auto &[id, i] : list) {
            j.beginObject();
            j.field(u"id", i.id);
            j.field(u"type", i.type);
            j.field(u"title", i.title);
            j.field(u"agency", i.agency);
            j.field(u"severity", i.severity);
            j.field(u"status", i.status);
            j.key(u"casualties");
            j.beginObject();
            j.field(u"red", i.casualties.red);
            j.field(u"yellow", i.casualties.yellow);
            j.field(u"green", i.casualties.green);
            j.field(u"black", i.casualties.black);
            j.endObject();
            point(u"position", i.position);
            j.field(u"opened", i.opened.msecs);
            j.field(u"updated", i.updated.msecs);
            if (i.expires)
                j.field(u"expires", i.expires->msecs);
            j.key(u"entries");
            j.beginArray();
            for (qint64 seq : i.entries)
                j.value(seq);
            j.endArray();
            if (!i.joined.isEmpty())
                j.field(u"joined", i.joined);
            if (!i.joinedInto.isEmpty())
                j.field(u"joined_into", i.joinedInto);
            j.endObject();
        }
        j.endArray();
    };
    incidentList(u"incidents", incidents);
    if (!joinedIncidents.empty())
        incidentList(u"joined_incidents", joinedIncidents);
    if (!corrections.empty()) {
        j.key(u"corrections");
        j.beginArray();
        for (const auto &[id, c] : corrections) {
            j.beginObject();
            j.field(u"entry", c.entry);
            j.field(u"seq", c.seq);
            j.field(u"time", c.time.msecs);
            j.field(u"author", c.author);
            j.field(u"kind", c.kind);
            j.field(u"incident", c.incident);
            j.field(u"other", c.other);
            j.key(u"reports");
            j.beginArray();
            for (qint64 seq : c.reports)
                j.value(seq);
            j.endArray();
            j.field(u"created", c.created);
            j.endObject();
        }
        j.endArray();
    }
    j.key(u"zones");
    j.beginArray();
    for (const auto &[id, z] : zones) {
        j.beginObject();
        j.field(u"id", z.id);
        j.field(u"label", z.label);
        j.field(u"kind", z.kind);
        j.field(u"agency", z.agency);
        j.key(u"ring");
        j.beginArray();
        for (const GeoPoint &p : z.ring) {
            j.beginArray();
            j.value(p.lon);
            j.value(p.lat);
            j.endArray();
        }
        j.endArray();
        j.field(u"drawn", z.drawn.msecs);
        j.field(u"seq", z.seq);
        j.endObject();
    }
    j.endArray();
    j.key(u"hospitals");
    j.beginArray();
    for (const auto &[id, h] : hospitals) {
        j.beginObject();
        j.field(u"id", h.id);
        j.field(u"name", h.name);
        j.field(u"ed_status", h.edStatus);
        j.key(u"beds");
        j.beginObject();
        for (const auto &[type, n] : h.beds)
            j.field(type, n);
        j.endObject();
        point(u"position", h.position);
        j.field(u"updated", h.updated.msecs);
        j.endObject();
    }
    j.endArray();
    j.key(u"decisions");
    j.beginArray();
    for (const Decision &d : decisions) {
        j.beginObject();
        j.field(u"seq", d.seq);
        j.field(u"time", d.time.msecs);
        j.field(u"author", d.author);
        j.field(u"agency", d.agency);
        j.field(u"text", d.text);
        j.field(u"incident", d.incident);
        j.endObject();
    }
    j.endArray();
    conflicts::writeState(j, *this);
    j.key(u"planned_events");
    planned::write(j, plannedEvents);
    j.field(u"last_seq", lastSeq);
    j.field(u"applied", applied);
    j.field(u"closed_incidents", closedIncidents);
    j.field(u"notes", notes);
    j.field(u"max_event_time", maxEventTime.msecs);
    j.endObject();
    return j.take();
}

Result<Picture> Picture::fromJson(const QJsonObject &json)
{
    if (!json.contains(QLatin1String("units")) || !json.contains(QLatin1String("last_seq")))
        return Error{QStringLiteral("not a picture (missing units or last_seq)")};
    if (const int format = json.value(QLatin1String("format")).toInt(); format != snapshotFormat)
        return Error{QStringLiteral("a picture of format %1, not %2: fold it from the log")
                         .arg(format)
                         .arg(snapshotFormat)};
    auto ms = [](const QJsonObject &o, const char *key) {
        return Timestamp{o.value(QLatin1String(key)).toInteger()};
    };
    auto i64 = [](const QJsonObject &o, const char *key) {
        return o.value(QLatin1String(key)).toInteger();
    };
    Picture p;
    for (const QJsonValue &v : json.value(QLatin1String("units")).toArray()) {
        const QJsonObject o = v.toObject();
        Unit u;
        u.id = str(o, "id");
        u.callsign = str(o, "callsign");
        u.type = str(o, "type");
        u.agency = str(o, "agency");
        u.station = str(o, "station");
        for (const QJsonValue &c : o.value(QLatin1String("capabilities")).toArray())
            u.capabilities.append(c.toString());
        u.status = str(o, "status");
        u.incident = str(o, "incident");
        u.position = pointFrom(o.value(QLatin1String("position")));
        u.positionTime = ms(o, "position_time");
        u.statusTime = ms(o, "status_time");
        if (o.contains(QLatin1String("status_by")))
            u.statusBy = conflicts::readRef(o.value(QLatin1String("status_by")));
        u.lastSeq = i64(o, "last_seq");
        p.units.emplace(u.id, std::move(u));
    }
    auto readIncidents = [&](const char *name, std::map<QString, Incident> &list) {
        for (const QJsonValue &v : json.value(QLatin1String(name)).toArray()) {
            const QJsonObject o = v.toObject();
            Incident i;
            i.id = str(o, "id");
            i.type = str(o, "type");
            i.title = str(o, "title");
            i.agency = str(o, "agency");
            i.severity = o.value(QLatin1String("severity")).toInt();
            i.status = str(o, "status");
            i.casualties = casualtiesFrom(o.value(QLatin1String("casualties")).toObject(), {});
            i.position = pointFrom(o.value(QLatin1String("position")));
            i.opened = ms(o, "opened");
            i.updated = ms(o, "updated");
            if (o.contains(QLatin1String("expires")))
                i.expires = ms(o, "expires");
            for (const QJsonValue &s : o.value(QLatin1String("entries")).toArray())
                i.entries.push_back(s.toInteger());
            for (const QJsonValue &s : o.value(QLatin1String("joined")).toArray())
                i.joined.append(s.toString());
            i.joinedInto = str(o, "joined_into");
            list.emplace(i.id, std::move(i));
        }
    };
    readIncidents("incidents", p.incidents);
    readIncidents("joined_incidents", p.joinedIncidents);
    for (const QJsonValue &v : json.value(QLatin1String("corrections")).toArray()) {
        const QJsonObject o = v.toObject();
        FusionCorrection c;
        c.entry = str(o, "entry");
        c.seq = i64(o, "seq");
        c.time = ms(o, "time");
        c.author = str(o, "author");
        c.kind = str(o, "kind");
        c.incident = str(o, "incident");
        c.other = str(o, "other");
        for (const QJsonValue &s : o.value(QLatin1String("reports")).toArray())
            c.reports.push_back(s.toInteger());
        c.created = o.value(QLatin1String("created")).toBool();
        p.corrections.emplace(c.entry, std::move(c));
    }
    for (const QJsonValue &v : json.value(QLatin1String("zones")).toArray()) {
        const QJsonObject o = v.toObject();
        Zone z;
        z.id = str(o, "id");
        z.label = str(o, "label");
        z.kind = str(o, "kind");
        z.agency = str(o, "agency");
        for (const QJsonValue &pt : o.value(QLatin1String("ring")).toArray())
            if (auto gp = pointFrom(pt))
                z.ring.push_back(*gp);
        z.drawn = ms(o, "drawn");
        z.seq = i64(o, "seq");
        p.zones.emplace(z.id, std::move(z));
    }
    for (const QJsonValue &v : json.value(QLatin1String("hospitals")).toArray()) {
        const QJsonObject o = v.toObject();
        Hospital h;
        h.id = str(o, "id");
        h.name = str(o, "name");
        h.edStatus = str(o, "ed_status");
        const QJsonObject beds = o.value(QLatin1String("beds")).toObject();
        for (auto it = beds.begin(); it != beds.end(); ++it)
            h.beds[it.key()] = it.value().toInt();
        h.position = pointFrom(o.value(QLatin1String("position")));
        h.updated = ms(o, "updated");
        p.hospitals.emplace(h.id, std::move(h));
    }
    for (const QJsonValue &v : json.value(QLatin1String("decisions")).toArray()) {
        const QJsonObject o = v.toObject();
        p.decisions.push_back({i64(o, "seq"), ms(o, "time"), str(o, "author"), str(o, "agency"),
                               str(o, "text"), str(o, "incident")});
    }
    conflicts::readState(json, p);
    planned::read(json.value(QLatin1String("planned_events")), p.plannedEvents);
    p.lastSeq = i64(json, "last_seq");
    p.applied = i64(json, "applied");
    p.closedIncidents = i64(json, "closed_incidents");
    p.notes = i64(json, "notes");
    p.maxEventTime = ms(json, "max_event_time");
    return p;
}

} // namespace vigie
