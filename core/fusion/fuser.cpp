#include "fusion/fuser.h"

#include "feeds/taxonomy.h"
#include "log/json_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace vigie::fusion {

namespace {

constexpr double metresPerDegreeLat = 111'320.0;

double projectX(GeoPoint p)
{
    // Equirectangular around the point's own latitude: cells only bucket candidates, the real test is
    // distanceMeters, so the small distortion over a city does not matter.
    return p.lon * metresPerDegreeLat * std::cos(p.lat * M_PI / 180.0);
}

double projectY(GeoPoint p)
{
    return p.lat * metresPerDegreeLat;
}

QString minutes(qint64 ms)
{
    const double m = double(ms) / 60000.0;
    return m < 1.0 ? QStringLiteral("%1 s").arg(ms / 1000) : QStringLiteral("%1 min").arg(std::round(m));
}

} // namespace

std::optional<Observation> observationOf(const Entry &entry)
{
    if (entry.kind != u"incident.open" && entry.kind != u"incident.update")
        return std::nullopt;
    const auto where = entry.geo.anchor();
    if (!where)
        return std::nullopt;
    Observation o;
    o.id = entry.id.toString(QUuid::WithoutBraces);
    const QString feed = entry.data.value(QStringLiteral("feed")).toString();
    o.source = entry.agency.isEmpty() ? feed : feed + u'/' + entry.agency;
    o.type = entry.data.value(QStringLiteral("type")).toString();
    if (o.type.isEmpty())
        o.type = QStringLiteral("other");
    o.where = *where;
    o.time = entry.eventTime;
    o.incident = entry.data.value(QStringLiteral("source_incident")).toString();
    if (o.incident.isEmpty())
        o.incident = entry.data.value(QStringLiteral("incident")).toString();
    return o;
}

Fuser::Fuser(FusionConfig config) : m_config(config)
{
    if (m_config.distanceM <= 0)
        m_config.distanceM = 1;
    if (m_config.windowMs <= 0)
        m_config.windowMs = 1;
    // The window looks that far back and forth: a shorter memory would forget reports it still matches.
    m_config.memoryMs = std::max(m_config.memoryMs, 2 * m_config.windowMs);
}

qint64 Fuser::cellKey(double x, double y) const
{
    const auto cx = qint64(std::floor(x / m_config.distanceM));
    const auto cy = qint64(std::floor(y / m_config.distanceM));
    return (cx << 32) ^ (cy & 0xffffffff);
}

void Fuser::advanceClock(qint64 time)
{
    constexpr qint64 maxStepMs = 3600 * 1000;
    if (m_observations.empty() && m_clusters.empty())
        m_clock = time;
    else if (time > m_clock)
        m_clock = std::min(time, m_clock + maxStepMs);
}

void Fuser::addMember(int cluster, qint64 serial)
{
    Cluster &c = m_clusters.at(cluster);
    const Observation &o = observationAt(serial);
    c.members.push_back(serial);
    ++c.reports;
    c.sumLon += o.where.lon;
    c.sumLat += o.where.lat;
    c.first = Timestamp{std::min(c.first.msecs, o.time.msecs)};
    c.last = Timestamp{std::max(c.last.msecs, o.time.msecs)};
    if (!o.incident.isEmpty() && !c.sources.contains(o.incident)) {
        c.sources.insert(o.incident);
        ++c.openSources;
    }
}

void Fuser::forget()
{
    const qint64 before = horizon();
    while (!m_observations.empty() && m_observations.front().time.msecs < before) {
        const qint64 serial = m_firstSerial;
        const Observation &o = m_observations.front();
        if (auto cell = m_grid.find(cellKey(projectX(o.where), projectY(o.where))); cell != m_grid.end()) {
            std::erase(cell.value(), serial);
            if (cell.value().empty())
                m_grid.erase(cell);
        }
        if (const auto at = m_observationIndex.constFind(o.id);
            at != m_observationIndex.constEnd() && at.value() == serial) {
            m_observationIndex.erase(at);
            m_override.remove(o.id);
        }
        if (m_byIncidentKept && !o.incident.isEmpty()) {
            if (auto reports = m_byIncident.find(o.incident); reports != m_byIncident.end()) {
                std::erase(reports.value(), serial);
                if (reports.value().empty())
                    m_byIncident.erase(reports);
            }
        }
        const int number = m_clusterOf.front();
        Cluster &c = m_clusters.at(number);
        // Reports leave in the order they came, so a cluster's first member is the one leaving.
        if (!c.members.empty() && c.members.front() == serial)
            c.members.pop_front();
        else
            std::erase(c.members, serial);
        if (c.members.empty()) {
            m_clusterIndex.remove(c.id);
            for (const QString &source : std::as_const(c.sources)) {
                if (m_incidentCluster.value(source, -1) == number)
                    m_incidentCluster.remove(source);
                m_closed.remove(source);
            }
            m_clusters.erase(number);
        }
        m_observations.pop_front();
        m_clusterOf.pop_front();
        ++m_firstSerial;
    }
}

FusionDecision Fuser::observe(const Observation &observation)
{
    advanceClock(observation.time.msecs);
    forget();
    const qint64 index = m_firstSerial + qint64(m_observations.size());
    m_observations.push_back(observation);
    m_observationIndex.insert(observation.id, index);
    // A source that reports again on an incident it closed has it open again.
    if (!m_closed.isEmpty() && m_closed.remove(observation.incident)) {
        if (const auto was = m_incidentCluster.constFind(observation.incident);
            was != m_incidentCluster.constEnd())
            ++m_clusters.at(was.value()).openSources;
    }
    if (m_byIncidentKept && !observation.incident.isEmpty())
        m_byIncident[observation.incident].push_back(index);
    // A later report of an incident a desk split out goes where the split put it.
    if (const auto split = m_splitOf.constFind(observation.incident); split != m_splitOf.constEnd())
        m_override.insert(observation.id, split.value());

    const double x = projectX(observation.where), y = projectY(observation.where);
    // An update of an incident already placed stays where its incident is: a source's own incident id is
    // a stronger tie than closeness (the place may have been refined since).
    if (const auto known = m_incidentCluster.constFind(observation.incident);
        !observation.incident.isEmpty() && known != m_incidentCluster.constEnd()) {
        const int number = known.value();
        m_clusterOf.push_back(number);
        addMember(number, index);
        const Cluster &c = m_clusters.at(number);
        m_grid[cellKey(x, y)].push_back(index);
        FusionDecision same;
        same.observation = observation.id;
        same.incident = c.id;
        same.merged = c.reports > 1;
        same.from = observation.incident;
        same.into = c.lead;
        same.known = true;
        same.reason = QStringLiteral("update of %1, already in this incident").arg(observation.incident);
        return same;
    }
    const qint64 expiry = observation.time.msecs - 2 * m_config.windowMs;
    // Best candidate per cluster: its nearest report in place, and in time.
    struct Candidate
    {
        int cluster;
        double distance;
        qint64 gap;
    };
    std::vector<Candidate> candidates;
    // A flat-earth distance in metres rules out most neighbours of the grid cells without trigonometry;
    // only those it keeps (with a margin far above its error over a few hundred metres) get the
    // great-circle distance.
    const double metresPerDegreeLon = metresPerDegreeLat * std::cos(observation.where.lat * M_PI / 180.0);
    auto flatSquaredMetres = [&](GeoPoint p) {
        const double ex = (p.lon - observation.where.lon) * metresPerDegreeLon;
        const double ey = (p.lat - observation.where.lat) * metresPerDegreeLat;
        return ex * ex + ey * ey;
    };
    const double reach = m_config.distanceM * 1.01 + 1.0;
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy) {
            auto it = m_grid.find(cellKey(x + dx * m_config.distanceM, y + dy * m_config.distanceM));
            if (it == m_grid.end())
                continue;
            auto &cell = it.value();
            // Forget reports far behind the newest: they can no longer match anything.
            std::erase_if(cell, [&](qint64 j) { return observationAt(j).time.msecs < expiry; });
            for (const qint64 j : cell) {
                const Observation &other = observationAt(j);
                const qint64 gap = std::abs(other.time.msecs - observation.time.msecs);
                if (gap > m_config.windowMs)
                    continue;
                if (flatSquaredMetres(other.where) > reach * reach)
                    continue;
                const double d = distanceMeters(other.where, observation.where);
                if (d > m_config.distanceM)
                    continue;
                const int c = clusterAt(j);
                if (!feeds::compatibleTypes(m_clusters.at(c).type, observation.type) ||
                    !feeds::compatibleTypes(other.type, observation.type))
                    continue;
                auto found = std::find_if(candidates.begin(), candidates.end(),
                                          [c](const Candidate &k) { return k.cluster == c; });
                if (found == candidates.end())
                    candidates.push_back({c, d, gap});
                else {
                    found->distance = std::min(found->distance, d);
                    found->gap = std::min(found->gap, gap);
                }
            }
        }

    // Confidence: closeness in place weighs most, then in time; a different (but compatible) family of
    // types lowers it. Both terms are linear in the configured limits, so the reason reads directly.
    int best = -1;
    double bestConfidence = 0;
    Candidate nearest{-1, 0, 0};
    for (const Candidate &k : candidates) {
        const bool sameFamily =
            feeds::familyOf(m_clusters.at(k.cluster).type) == feeds::familyOf(observation.type);
        const double confidence = 0.55 * (1.0 - k.distance / m_config.distanceM) +
                                  0.30 * (1.0 - double(k.gap) / double(m_config.windowMs)) +
                                  (sameFamily ? 0.15 : 0.05);
        if (confidence > bestConfidence) {
            bestConfidence = confidence;
            best = k.cluster;
            nearest = k;
        }
    }

    FusionDecision decision;
    decision.observation = observation.id;
    if (best >= 0 && bestConfidence >= m_config.minConfidence) {
        m_clusterOf.push_back(best);
        addMember(best, index);
        Cluster &c = m_clusters.at(best);
        if (feeds::familyOf(c.type) == u"other")
            c.type = observation.type;
        decision.incident = c.id;
        decision.merged = true;
        decision.from = observation.incident;
        decision.into = c.lead;
        if (!observation.incident.isEmpty())
            m_incidentCluster.insert(observation.incident, best);
        decision.confidence = bestConfidence;
        // Extent of the incident seen from the new report (the farthest of its last reports).
        // Flat-earth metres: over an incident's few hundred metres they differ from the great circle by
        // far less than the 10 m the reason rounds to.
        double extent = 0;
        QStringList typeList, sourceList;
        const std::size_t from = c.members.size() > 50 ? c.members.size() - 50 : 0;
        for (std::size_t m = from; m < c.members.size(); ++m) {
            const Observation &o = observationAt(c.members[m]);
            extent = std::max(extent, std::sqrt(flatSquaredMetres(o.where)));
            if (!typeList.contains(o.type))
                typeList.append(o.type);
            if (!sourceList.contains(o.source))
                sourceList.append(o.source);
        }
        typeList.sort();
        sourceList.sort();
        decision.reports = c.reports;
        decision.extentM = std::lround(std::ceil(extent / 10.0) * 10.0);
        decision.spanMs = c.last.msecs - c.first.msecs;
        decision.nearestM = std::lround(nearest.distance);
        decision.nearestGapMs = nearest.gap;
        decision.reason = QStringLiteral("%1 reports within %2 m and %3: %4 from %5 (nearest %6 m, %7 apart)")
                              .arg(decision.reports)
                              .arg(decision.extentM)
                              .arg(minutes(decision.spanMs), typeList.join(u", "), sourceList.join(u", "))
                              .arg(decision.nearestM)
                              .arg(minutes(decision.nearestGapMs));
        decision.types = std::move(typeList);
        decision.sources = std::move(sourceList);
    } else {
        const int number = m_nextCluster++;
        Cluster &c = m_clusters[number];
        c.id = QStringLiteral("fusion:") + observation.id;
        c.type = observation.type;
        c.lead = observation.incident;
        c.first = c.last = observation.time;
        if (!observation.incident.isEmpty())
            m_incidentCluster.insert(observation.incident, number);
        m_clusterIndex.insert(c.id, number);
        m_clusterOf.push_back(number);
        addMember(number, index);
        decision.incident = c.id;
        decision.reason =
            candidates.empty()
                ? QStringLiteral("no compatible report within %1 m and %2")
                      .arg(std::lround(m_config.distanceM))
                      .arg(minutes(m_config.windowMs))
                : QStringLiteral("nearest compatible report too weak a match (confidence %1 < %2)")
                      .arg(bestConfidence, 0, 'f', 2)
                      .arg(m_config.minConfidence, 0, 'f', 2);
    }
    m_grid[cellKey(x, y)].push_back(index);
    return decision;
}

QString Fuser::autoIncidentOf(qint64 serial) const
{
    return m_clusters.at(clusterAt(serial)).id;
}

QString Fuser::incidentOf(const QString &observation) const
{
    const auto it = m_observationIndex.find(observation);
    if (it == m_observationIndex.end())
        return {};
    QString incident = m_override.value(observation, autoIncidentOf(it.value()));
    // Joins chain (A into B, B into C); the bound guards against a cycle made by hand.
    for (int hops = 0; hops < 64 && m_joined.contains(incident); ++hops)
        incident = m_joined.value(incident);
    return incident;
}

std::vector<FusedIncident> Fuser::incidents() const
{
    QHash<QString, int> index;
    std::vector<FusedIncident> out;
    std::vector<std::pair<double, double>> sums;
    for (const Observation &o : m_observations) {
        const QString id = incidentOf(o.id);
        auto it = index.find(id);
        if (it == index.end()) {
            it = index.insert(id, int(out.size()));
            FusedIncident f;
            f.id = id;
            f.type = o.type;
            f.first = f.last = o.time;
            out.push_back(std::move(f));
            sums.emplace_back(0.0, 0.0);
        }
        FusedIncident &f = out[it.value()];
        f.observations.push_back(o.id);
        if (feeds::familyOf(f.type) == u"other")
            f.type = o.type;
        f.first = Timestamp{std::min(f.first.msecs, o.time.msecs)};
        f.last = Timestamp{std::max(f.last.msecs, o.time.msecs)};
        sums[it.value()].first += o.where.lon;
        sums[it.value()].second += o.where.lat;
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        const double n = double(out[i].observations.size());
        out[i].centre = GeoPoint{sums[i].first / n, sums[i].second / n};
    }
    return out;
}

Result<void> Fuser::apply(const Entry &entry)
{
    const QString a = entry.data.value(QStringLiteral("observation")).toString();
    if (entry.kind == u"fusion.split") {
        const auto at = m_observationIndex.constFind(a);
        if (at == m_observationIndex.constEnd())
            return Error{
                QStringLiteral("fusion.split %1: unknown report \"%2\"").arg(entry.id.toString(), a)};
        m_manual.push_back({entry.id, entry.kind, a, observationAt(at.value()).incident, false});
    } else if (entry.kind == u"fusion.join") {
        const QString from = entry.data.value(QStringLiteral("incident")).toString();
        const QString into = entry.data.value(QStringLiteral("into")).toString();
        if (from.isEmpty() || into.isEmpty() || from == into)
            return Error{
                QStringLiteral("fusion.join %1: needs two different incidents (\"incident\", \"into\")")
                    .arg(entry.id.toString())};
        m_manual.push_back({entry.id, entry.kind, from, into, false});
    } else if (entry.kind == u"fusion.undo") {
        const QUuid undone(entry.data.value(QStringLiteral("undoes")).toString());
        auto it = std::find_if(m_manual.begin(), m_manual.end(),
                               [&](const ManualOp &op) { return op.entry == undone; });
        if (it == m_manual.end())
            return Error{QStringLiteral("fusion.undo %1: no split or join %2 to undo")
                             .arg(entry.id.toString(), undone.toString())};
        it->undone = true;
    } else {
        return {};
    }
    rebuildOverrides();
    return {};
}

void Fuser::rebuildOverrides()
{
    m_override.clear();
    m_joined.clear();
    m_splitOf.clear();
    for (const ManualOp &op : m_manual) {
        if (op.undone)
            continue;
        if (op.kind != u"fusion.split") {
            // A desk names incidents as the picture does (a source's id); fusion's own ids work too.
            m_joined.insert(clusterIdOf(op.a), clusterIdOf(op.b));
            continue;
        }
        // A split takes out every report of the split report's own incident, as the picture does.
        const QString own = QStringLiteral("split:") + op.a;
        const QString &incident = op.b;
        if (incident.isEmpty()) {
            m_override.insert(op.a, own);
            continue;
        }
        m_splitOf.insert(incident, own);
        if (!m_byIncidentKept) {
            // Kept from the first split on, so that a room with many corrections is not scanned per split.
            for (std::size_t i = 0; i < m_observations.size(); ++i)
                if (!m_observations[i].incident.isEmpty())
                    m_byIncident[m_observations[i].incident].push_back(m_firstSerial + qint64(i));
            m_byIncidentKept = true;
        }
        for (const qint64 serial : m_byIncident.value(incident))
            m_override.insert(observationAt(serial).id, own);
    }
}

QString Fuser::clusterIdOf(const QString &incident) const
{
    if (m_clusterIndex.contains(incident))
        return incident;
    const auto it = m_incidentCluster.find(incident);
    return it == m_incidentCluster.end() ? incident : m_clusters.at(it.value()).id;
}

bool Fuser::isSplitOut(const QString &incident) const
{
    return m_splitOf.contains(incident);
}

std::optional<Fuser::CloseTarget> Fuser::close(const QString &sourceIncident)
{
    if (sourceIncident.isEmpty())
        return std::nullopt;
    if (isSplitOut(sourceIncident)) {
        if (!m_closed.contains(sourceIncident)) {
            m_closed.insert(sourceIncident);
            if (const auto was = m_incidentCluster.constFind(sourceIncident);
                was != m_incidentCluster.constEnd())
                if (Cluster &c = m_clusters.at(was.value()); c.sources.contains(sourceIncident))
                    --c.openSources;
        }
        return CloseTarget{sourceIncident, 0};
    }
    const int cluster = m_incidentCluster.value(sourceIncident, -1);
    if (cluster < 0)
        return std::nullopt;
    Cluster &c = m_clusters.at(cluster);
    if (!m_closed.contains(sourceIncident)) {
        m_closed.insert(sourceIncident);
        --c.openSources;
    }
    // Its other sources still open; those a desk split out have an incident of their own (few: walked).
    int open = c.openSources;
    for (auto split = m_splitOf.cbegin(); split != m_splitOf.cend(); ++split)
        if (c.sources.contains(split.key()) && !m_closed.contains(split.key()))
            --open;
    return CloseTarget{c.lead.isEmpty() ? sourceIncident : c.lead, std::max(open, 0)};
}

Entry Fuser::decisionEntry(const FusionDecision &decision, const Observation &observation)
{
    Entry e;
    e.kind = decision.merged ? QStringLiteral("fusion.merge") : QStringLiteral("fusion.new");
    e.eventTime = observation.time;
    e.author = QStringLiteral("fusion");
    e.role = QStringLiteral("fusion");
    e.geo = Geometry::point(observation.where);
    // Written as JSON text and parsed once: inserting its dozen fields one by one into a QJsonObject, each
    // key and value converted on its own, cost 60 % more, and a merge comes with every other report.
    JsonWriter j(512);
    j.beginObject();
    j.field(u"observation", decision.observation);
    j.field(u"incident", decision.incident);
    j.field(u"confidence", std::round(decision.confidence * 1000.0) / 1000.0);
    j.field(u"reason", decision.reason);
    j.field(u"type", observation.type);
    if (decision.merged) {
        j.field(u"reports", decision.reports);
        j.field(u"extent_m", decision.extentM);
        j.field(u"span_s", decision.spanMs / 1000);
        j.field(u"nearest_m", decision.nearestM);
        j.field(u"nearest_gap_s", decision.nearestGapMs / 1000);
        j.field(u"types", decision.types);
        j.field(u"sources", decision.sources);
    }
    // What the picture folds: the report's incident joins the fused incident's first one.
    if (!decision.from.isEmpty() && !decision.into.isEmpty()) {
        j.field(u"merged_incident", decision.from);
        j.field(u"into", decision.into);
    }
    j.endObject();
    e.data = QJsonDocument::fromJson(j.take()).object();
    return e;
}

} // namespace vigie::fusion
