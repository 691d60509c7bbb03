#include "allocation/suggestion.h"

#include "log/entry_kinds.h"
#include "model/geo.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

namespace vigie::allocation {

namespace {

// Messages are written in English (vigie-cli's language) and translated where a translator is installed: the
// console installs the French one (ui/i18n/vigie_core_fr.ts).

QString minutes(double seconds)
{
    return std::isfinite(seconds) ? QStringLiteral("%1 min").arg(seconds / 60.0, 0, 'f', 1)
                                  : QStringLiteral("–");
}

QString needText(const Need &n)
{
    return QCoreApplication::translate("vigie::allocation", "%1 × %2 (%3, priority %4)")
        .arg(n.count)
        .arg(n.name, n.agency)
        .arg(n.priority);
}

/// Move-ups (SuggestOptions::moveUpsPerType): a step of the dynamic maximal covering models with relocation
/// (Daskin 1983, MEXCLP; Gendreau, Laporte & Semet 2001, redeployment at each event), on the city the
/// proposed dispatches leave. Per fire unit type: k_j, the type's remaining available units within the
/// coverage target of sector j; a sector with k_j = 0 is uncovered. Among every set of one or two moves of
/// remaining units to stations of their type (drives of at most moveUpMaxSeconds), leaving no covered sector
/// with none, the one that brings back within the target the most demand weight of uncovered sectors is
/// proposed (two moves only when they restore more than any one move does); ties go to the larger gain in
/// expected coverage, sum of w_j (q^k_j − q^k'_j), then to the shorter drives. The search is whole (it equals
/// an integer program's optimum, tests/allocation), so a pair whose first move restores a sector while taking
/// another's only unit, the second covering that one again, is found. Repeated while it restores a sector, up
/// to the limit per type. A unit whose move-up a desk decided is left where it is until a status of it comes
/// after the decision.
std::vector<Suggestion> proposeMoveUps(const Picture &picture, const std::vector<const Unit *> &units,
                                       const std::vector<bool> &leaving, const routing::TravelMatrix &sm,
                                       const std::vector<double> &secs, const routing::TravelMatrix &ssm,
                                       const std::vector<Sector> &sectors, const SuggestOptions &options)
{
    const std::size_t ns = sectors.size();
    const double target = options.coverage.targetSeconds, q = options.coverage.busyProbability;
    std::map<QString, Timestamp> decidedMoveUp; // unit → its last move-up decision
    for (const auto &decided : picture.suggestions)
        if (decided.second.incident.isEmpty()) {
            Timestamp &t = decidedMoveUp[decided.second.unit];
            t = std::max(t, decided.second.entry.time);
        }
    std::map<QString, std::vector<std::size_t>> byType; // remaining available fire units
    for (std::size_t u = 0; u < units.size(); ++u)
        if (!leaving[u] && units[u]->agency == QLatin1String("fire"))
            byType[units[u]->type].push_back(u);
    std::vector<Suggestion> out;
    for (const auto &[type, remaining] : byType) {
        const double speed = routing::vehicleSpeedFactor(type);
        const auto covers = [&](std::size_t u, std::size_t j) {
            return secs[u * ns + j] <= target;
        };
        const auto stationCovers = [&](std::size_t s, std::size_t j) {
            return ssm.at(s, j).seconds / speed <= target;
        };
        std::vector<int> k(ns, 0);
        for (const std::size_t u : remaining)
            for (std::size_t j = 0; j < ns; ++j)
                k[j] += covers(u, j) ? 1 : 0;
        // Where units of this type are based (the picture's whole fleet); any station when none is a sector.
        std::vector<std::size_t> homes;
        for (std::size_t j = 0; j < ns; ++j)
            for (const auto &[id, unit] : picture.units)
                if (unit.type == type && unit.station == sectors[j].id) {
                    homes.push_back(j);
                    break;
                }
        if (homes.empty())
            for (std::size_t j = 0; j < ns; ++j)
                homes.push_back(j);
        // A unit's drive to station s: from where it is when within the coverage target (that matrix), else
        // from its own station when it stands there, by the drive between the stations.
        struct Drive
        {
            double seconds = std::numeric_limits<double>::infinity(), meters = 0;
            bool approximate = false;
        };
        const auto driveOf = [&](std::size_t u, std::size_t s) {
            if (secs[u * ns + s] <= target)
                return Drive{secs[u * ns + s], sm.at(u, s).meters, sm.at(u, s).approximate};
            for (std::size_t h = 0; h < ns; ++h)
                if (sectors[h].id == units[u]->station && secs[u * ns + h] <= 60.0)
                    return Drive{secs[u * ns + h] + ssm.at(h, s).seconds / speed,
                                 sm.at(u, h).meters + ssm.at(h, s).meters,
                                 sm.at(u, h).approximate || ssm.at(h, s).approximate};
            return Drive{};
        };
        std::vector<std::size_t> movable;
        for (const std::size_t u : remaining) {
            const auto decided = decidedMoveUp.find(units[u]->id);
            if (decided == decidedMoveUp.end() || units[u]->statusTime > decided->second)
                movable.push_back(u);
        }
        // Every move a unit may make now: to a station of its type, neither where it stands (a minute away
        // at most) nor beyond the longest drive.
        struct Move
        {
            std::size_t unit = 0, station = 0;
            Drive drive;
        };
        std::vector<Move> moves;
        for (const std::size_t u : movable)
            for (const std::size_t s : homes)
                if (const Drive d = driveOf(u, s); d.seconds <= options.moveUpMaxSeconds && d.seconds > 60.0)
                    moves.push_back({u, s, d});
        // What a set of one or two moves does to the sectors: the demand weight it brings back within the
        // target, its gain in expected coverage, and whether it leaves a covered sector with none.
        struct Effect
        {
            double restored = 0, gain = 0, drive = 0;
            bool uncovers = false;
        };
        const auto effectOf = [&](const Move *a, const Move *b) {
            Effect e;
            for (std::size_t j = 0; j < ns && !e.uncovers; ++j) {
                int after = k[j];
                for (const Move *m : {a, b})
                    if (m)
                        after += (stationCovers(m->station, j) ? 1 : 0) - (covers(m->unit, j) ? 1 : 0);
                e.uncovers = k[j] > 0 && after == 0;
                if (k[j] == 0 && after > 0)
                    e.restored += sectors[j].weight;
                e.gain += sectors[j].weight * (std::pow(q, k[j]) - std::pow(q, after));
            }
            e.drive = a->drive.seconds + (b ? b->drive.seconds : 0.0);
            return e;
        };
        const auto emit = [&](const Move &move) {
            const Unit &unit = *units[move.unit];
            const Sector &station = sectors[move.station];
            Suggestion m;
            m.moveUp = true;
            m.unit = unit.id;
            m.callsign = unit.callsign;
            m.type = unit.type;
            m.agency = unit.agency;
            m.need = Need{type, unit.agency, 1, 0};
            m.etaSeconds = move.drive.seconds;
            m.meters = move.drive.meters;
            m.approximate = move.drive.approximate;
            m.station = station.id;
            m.stationName = station.name;
            m.stationPosition = station.position;
            double gain = 0;
            for (std::size_t j = 0; j < ns; ++j) {
                const int after =
                    k[j] - (covers(move.unit, j) ? 1 : 0) + (stationCovers(move.station, j) ? 1 : 0);
                if (k[j] == 0 && after > 0)
                    m.restored.append(sectors[j].name);
                if (k[j] > 0 && after == 0) // the first of a pair: the second covers it again
                    m.uncovered.append(sectors[j].name);
                gain += sectors[j].weight * (std::pow(q, k[j]) - std::pow(q, after));
                k[j] = after;
            }
            m.coverageLoss = -gain;
            std::erase_if(moves, [&](const Move &other) { return other.unit == move.unit; });
            out.push_back(std::move(m));
        };
        for (int made = 0; made < options.moveUpsPerType;) {
            if (std::find(k.begin(), k.end(), 0) == k.end())
                break;
            // The best set of one move, or of two when the limit allows, searched whole: the most weight
            // restored, then the larger gain, then one move rather than two, then the shorter drives. A pair
            // has a move to a station that reaches an uncovered sector; its other move may restore nothing by
            // itself but cover again what the first leaves (a chain no single step would start).
            const Move *bestA = nullptr, *bestB = nullptr;
            Effect best;
            double floor = 0; // a pair must restore more than any one move does: each of its moves counts
            const auto consider = [&](const Move *a, const Move *b) {
                const Effect e = effectOf(a, b);
                if (e.uncovers || e.restored <= floor)
                    return;
                const int count = b ? 2 : 1, bestCount = bestB ? 2 : 1;
                if (bestA && std::tuple(e.restored, e.gain, -count, -e.drive) <=
                                 std::tuple(best.restored, best.gain, -bestCount, -best.drive))
                    return;
                best = e;
                bestA = a;
                bestB = b;
            };
            for (const Move &a : moves)
                consider(&a, nullptr);
            floor = bestA ? best.restored : 0.0;
            if (options.moveUpsPerType - made >= 2)
                for (const Move &a : moves) {
                    bool reachesHole = false;
                    for (std::size_t j = 0; j < ns && !reachesHole; ++j)
                        reachesHole = k[j] == 0 && stationCovers(a.station, j);
                    if (!reachesHole)
                        continue;
                    for (const Move &b : moves)
                        if (b.unit != a.unit)
                            consider(&a, &b);
                }
            if (!bestA)
                break;
            const Move first = *bestA;
            const std::optional<Move> second = bestB ? std::optional<Move>(*bestB) : std::nullopt;
            emit(first);
            ++made;
            if (second) {
                emit(*second);
                ++made;
            }
        }
    }
    return out;
}

} // namespace

SuggestionSet suggest(const Picture &picture, const routing::RoadGraph *graph,
                      const std::vector<Sector> &sectors, const NeedsTable &table,
                      const SuggestOptions &options)
{
    SuggestionSet out;
    out.roads = graph != nullptr;
    out.weights = options.weights;
    out.coverage = options.coverage;

    std::vector<const Unit *> units;
    std::vector<GeoPoint> unitPoints;
    QStringList unitIds, incidentIds, sectorIds; // to name off-network positions in the notes
    for (const auto &[id, u] : picture.units) {
        const bool free = u.status == QLatin1String("available") ||
                          (options.includeReturning && u.status == QLatin1String("returning"));
        if (!free)
            continue;
        if (!u.position) {
            out.messages.append(
                QCoreApplication::translate(
                    "vigie::allocation",
                    "unit %1 (%2) is available but has no known position: not proposed; send a "
                    "unit.position entry")
                    .arg(id, u.callsign));
            continue;
        }
        units.push_back(&u);
        unitPoints.push_back(*u.position);
        unitIds.append(id);
    }
    // Units engaged on each incident, and where the fleet is (every unit with a position).
    std::map<QString, std::vector<const Unit *>> engaged;
    std::vector<GeoPoint> fleet;
    for (const auto &[id, u] : picture.units) {
        if (!u.incident.isEmpty() && u.status != QLatin1String("available") &&
            u.status != QLatin1String("returning"))
            engaged[u.incident].push_back(&u);
        if (u.position)
            fleet.push_back(*u.position);
    }
    std::vector<const Incident *> incidents;
    std::vector<GeoPoint> incidentPoints;
    std::vector<std::vector<Need>> incidentNeeds;
    for (const auto &[id, i] : picture.incidents) {
        if (!i.position) {
            out.messages.append(
                QCoreApplication::translate("vigie::allocation",
                                            "incident %1 (%2) has no position: no unit can be proposed")
                    .arg(id, i.title));
            continue;
        }
        if (!fleet.empty()) {
            double nearest = std::numeric_limits<double>::infinity();
            for (const GeoPoint &f : fleet)
                nearest = std::min(nearest, distanceMeters(f, *i.position));
            if (nearest > options.maxFleetDistanceMeters) {
                out.messages.append(
                    QCoreApplication::translate("vigie::allocation",
                                                "incident %1 (%2) lies %3 km from the nearest unit of the "
                                                "fleet, beyond %4 km: outside its area, no unit proposed")
                        .arg(id, i.title)
                        .arg(std::round(nearest / 1000.0))
                        .arg(std::round(options.maxFleetDistanceMeters / 1000.0)));
                continue;
            }
        }
        std::vector<Need> needs = needsFor(table, i.type);
        if (auto it = engaged.find(id); it != engaged.end()) {
            for (const Unit *u : it->second) {
                const Candidate c{u->id, u->type, u->agency, u->capabilities};
                for (Need &n : needs)
                    if (n.count > 0 && matches(c, n)) {
                        --n.count;
                        break;
                    }
            }
            std::erase_if(needs, [](const Need &n) { return n.count <= 0; });
            // Someone is there or on the way: what is left complements them (Weights::followUpLevels).
            for (Need &n : needs)
                n.followUp = true;
            if (needs.empty()) {
                out.messages.append(
                    QCoreApplication::translate(
                        "vigie::allocation",
                        "incident %1 (%2): the %3 unit(s) engaged fill its needs, none proposed")
                        .arg(id, i.title)
                        .arg(it->second.size()));
                continue;
            }
        }
        incidents.push_back(&i);
        incidentPoints.push_back(*i.position);
        incidentIds.append(id);
        incidentNeeds.push_back(std::move(needs));
    }
    if (incidents.empty()) {
        out.messages.append(QCoreApplication::translate(
            "vigie::allocation", "no open incident with a position: nothing to suggest"));
        return out;
    }
    if (units.empty())
        out.messages.append(QCoreApplication::translate(
            "vigie::allocation", "no available unit with a position: every need below is unfilled"));

    Problem p;
    p.weights = options.weights;
    for (const Unit *u : units)
        p.units.push_back({u->id, u->type, u->agency, u->capabilities});
    p.needs = std::move(incidentNeeds);
    // Units turned down for an incident that has not changed since (no report or update after the
    // rejection) are kept out of its column.
    std::vector<bool> turnedDown(units.size() * incidents.size(), false);
    for (const auto &decided : picture.suggestions) {
        const SuggestionDecision &d =
            decided.second; // a name a lambda can capture (clang 14, the fuzz build)
        if (d.entry.kind != kinds::suggestionReject)
            continue;
        const auto u =
            std::find_if(units.begin(), units.end(), [&](const Unit *x) { return x->id == d.unit; });
        const auto i = std::find_if(incidents.begin(), incidents.end(),
                                    [&](const Incident *x) { return x->id == d.incident; });
        // Changed: an entry about the incident comes after the rejection in the chain (event times may come
        // from several clocks; the order of the log is the one every desk sees).
        if (u == units.end() || i == incidents.end() ||
            (!(*i)->entries.empty() && (*i)->entries.back() > d.entry.seq))
            continue;
        turnedDown[std::size_t(u - units.begin()) * incidents.size() + std::size_t(i - incidents.begin())] =
            true;
        out.messages.append(
            QCoreApplication::translate("vigie::allocation",
                                        "unit %1 was turned down for incident %2 (%3): not "
                                        "proposed for it again until the incident changes")
                .arg((*u)->callsign.isEmpty() ? (*u)->id : (*u)->callsign, (*i)->id, (*i)->title));
    }
    // Units are snapped once for both matrices (incidents, and sectors for coverage).
    const routing::SnappedPoints unitSnaps = routing::snapPoints(
        graph, unitPoints, QT_TRANSLATE_NOOP("vigie::routing", "unit"), options.matrix, unitIds);
    routing::MatrixOptions toIncidents = options.matrix;
    toIncidents.limitSeconds = std::min(toIncidents.limitSeconds, options.maxEtaSeconds);
    routing::StepwiseMatrix searches(graph, unitSnaps,
                                     routing::snapPoints(graph, incidentPoints,
                                                         QT_TRANSLATE_NOOP("vigie::routing", "incident"),
                                                         toIncidents, incidentIds),
                                     toIncidents);
    const routing::TravelMatrix &m = searches.matrix();
    std::vector<double> speed;
    for (const Unit *u : units)
        speed.push_back(routing::vehicleSpeedFactor(u->type));
    // Units matching each kind of need, listed once (not once per suggestion: string comparisons over
    // every unit for each of hundreds of suggestions were a visible part of the time).
    std::map<std::pair<QString, QString>, std::vector<std::size_t>> matching;
    const auto matchingUnits = [&](const Need &n) -> const std::vector<std::size_t> & {
        auto [it, inserted] = matching.try_emplace({n.name, n.agency});
        if (inserted)
            for (std::size_t v = 0; v < p.units.size(); ++v)
                if (matches(p.units[v], n))
                    it->second.push_back(v);
        return it->second;
    };
    const auto eta = [&](std::size_t u, std::size_t i) {
        return turnedDown[u * incidents.size() + i] ? routing::unreachable : m.at(u, i).seconds / speed[u];
    };
    // Units of `n` known to be nearer incident i than any unit its search has not reached yet.
    const auto surelyNearest = [&](const Need &n, std::size_t i) {
        std::size_t k = 0;
        for (const std::size_t v : matchingUnits(n))
            k += eta(v, i) < searches.floor(i) ? 1 : 0;
        return k;
    };
    p.etaSeconds.resize(m.cells.size());
    p.etaFloor.assign(incidents.size(), routing::unreachable);
    const auto readColumn = [&](std::size_t i) {
        for (std::size_t u = 0; u < units.size(); ++u)
            p.etaSeconds[u * incidents.size() + i] = eta(u, i);
        p.etaFloor[i] = searches.floor(i);
    };
    if (!options.boundedSearches)
        searches.fillAll(); // every column at once, over several threads
    for (std::size_t i = 0; i < incidents.size(); ++i) {
        if (options.boundedSearches)
            searches.fill(
                i,
                [&] {
                    return std::all_of(p.needs[i].begin(), p.needs[i].end(), [&](const Need &n) {
                        const auto wanted = std::size_t(std::max(0, n.count)) + 2;
                        return surelyNearest(n, i) >= std::min(wanted, matchingUnits(n).size());
                    });
                },
                options.firstSearchSeconds);
        readColumn(i);
    }
    // After the searches: which cells are straight-line estimates is known once the columns are filled.
    out.notes = m.notes;
    if (graph && m.anyApproximate() && !out.notes.contains(QString::fromUtf8(routing::approximateNote)))
        out.notes.prepend(
            QString::fromUtf8(routing::approximateNote) +
            QCoreApplication::translate("vigie::allocation", " (for the positions listed below)"));

    CoverageImpact impact;
    routing::TravelMatrix sm;  // units × sectors, within the coverage target
    std::vector<double> secs;  // the same in seconds at each unit's speed
    routing::TravelMatrix ssm; // sectors × sectors (their stations), within a move-up's drive
    if (!sectors.empty() && !units.empty()) {
        std::vector<GeoPoint> sectorPoints;
        for (const Sector &s : sectors) {
            sectorPoints.push_back(s.position);
            sectorIds.append(s.id);
        }
        routing::MatrixOptions bounded = options.matrix;
        bounded.limitSeconds = options.coverage.targetSeconds; // only "within the target or not" matters
        const routing::SnappedPoints sectorSnaps = routing::snapPoints(
            graph, sectorPoints, QT_TRANSLATE_NOOP("vigie::routing", "sector"), bounded, sectorIds);
        sm = routing::travelMatrix(graph, unitSnaps, sectorSnaps, bounded);
        secs.resize(sm.cells.size());
        for (std::size_t u = 0; u < units.size(); ++u)
            for (std::size_t j = 0; j < sectors.size(); ++j)
                secs[u * sectors.size() + j] =
                    sm.at(u, j).seconds / routing::vehicleSpeedFactor(units[u]->type);
        impact = coverageImpact(secs, units.size(), sectors, options.coverage);
        p.coverageLoss = impact.loss;
        if (options.moveUpsPerType > 0) {
            routing::MatrixOptions drives = bounded;
            drives.limitSeconds = std::max(options.coverage.targetSeconds, options.moveUpMaxSeconds);
            ssm = routing::travelMatrix(graph, sectorSnaps, sectorSnaps, drives);
        }
    }

    // Solve on what the bounded searches found; widen the searches of the incidents where a unit not
    // reached yet could lower the cost, fill a need, or be one of the two alternatives shown, and solve
    // again. Each round finishes at least one incident's search, so this ends (in practice in one or two).
    Result<Solution> solved = solve(p);
    out.solves = 1;
    for (;;) {
        if (!solved) {
            out.messages.append(solved.error().message);
            return out;
        }
        std::vector<std::size_t> widen = solved->unresolved;
        for (const Assignment &a : solved->assignments)
            if (std::isfinite(searches.floor(a.incident)) &&
                surelyNearest(p.needs[a.incident][a.need], a.incident) <
                    std::min<std::size_t>(3, matchingUnits(p.needs[a.incident][a.need]).size()))
                widen.push_back(a.incident);
        std::sort(widen.begin(), widen.end());
        widen.erase(std::unique(widen.begin(), widen.end()), widen.end());
        if (widen.empty())
            break;
        for (const std::size_t i : widen) {
            searches.fill(i);
            readColumn(i);
        }
        out.widenedSearches += widen.size();
        solved = solve(p);
        ++out.solves;
    }
    for (const Assignment &a : solved->assignments) {
        const Unit &u = *units[a.unit];
        const Incident &inc = *incidents[a.incident];
        Suggestion s;
        s.unit = u.id;
        s.callsign = u.callsign;
        s.type = u.type;
        s.agency = u.agency;
        s.incident = inc.id;
        s.incidentType = inc.type;
        s.need = p.needs[a.incident][a.need];
        s.etaSeconds = p.eta(a.unit, a.incident);
        s.meters = m.at(a.unit, a.incident).meters;
        s.approximate = m.at(a.unit, a.incident).approximate;
        s.cost = a.cost;
        if (!impact.loss.empty()) {
            s.coverageLoss = impact.loss[a.unit];
            for (std::size_t j : impact.sole[a.unit])
                s.uncovered.append(sectors[j].name);
        }
        std::vector<std::size_t> others;
        for (const std::size_t v : matchingUnits(s.need))
            if (v != a.unit && std::isfinite(p.eta(v, a.incident)))
                others.push_back(v);
        const auto shown = std::min<std::size_t>(2, others.size());
        std::partial_sort(others.begin(), others.begin() + std::ptrdiff_t(shown), others.end(),
                          [&](std::size_t x, std::size_t y) {
                              return std::pair(p.eta(x, a.incident), x) < std::pair(p.eta(y, a.incident), y);
                          });
        for (std::size_t k = 0; k < shown; ++k)
            s.alternatives.push_back(
                {units[others[k]]->id, p.eta(others[k], a.incident), m.at(others[k], a.incident).meters});
        out.items.push_back(std::move(s));
    }
    if (options.moveUpsPerType > 0 && !ssm.cells.empty()) {
        std::vector<bool> leaving(units.size(), false);
        for (const Assignment &a : solved->assignments)
            leaving[a.unit] = true;
        for (Suggestion &m : proposeMoveUps(picture, units, leaving, sm, secs, ssm, sectors, options))
            out.items.push_back(std::move(m));
    }
    for (const Shortfall &f : solved->shortfalls) {
        const Incident &inc = *incidents[f.incident];
        const Need &n = p.needs[f.incident][f.need];
        const auto matchingCount = matchingUnits(n).size();
        out.shortfalls.push_back({inc.id, inc.type, inc.title, n, f.missing, matchingCount});
        out.messages.append(
            QCoreApplication::translate(
                "vigie::allocation",
                "incident %1 (%2) needs %3: %4 missing; %5 available unit(s) match %6, all proposed "
                "elsewhere or unreachable")
                .arg(inc.id, inc.type, needText(n))
                .arg(f.missing)
                .arg(matchingCount)
                .arg(n.name));
    }
    BacklogOptions backlogOptions = options.backlog;
    backlogOptions.followUpLevels = options.weights.followUpLevels;
    out.backlog =
        computeBacklog(out.shortfalls, picture, options.now.value_or(picture.maxEventTime), backlogOptions);
    return out;
}

QJsonObject SuggestionSet::toJson() const
{
    QJsonArray list;
    for (const Suggestion &s : items) {
        QJsonArray alts;
        for (const Alternative &a : s.alternatives)
            alts.append(QJsonObject{{QStringLiteral("unit"), a.unit},
                                    {QStringLiteral("eta_s"), std::round(a.etaSeconds)},
                                    {QStringLiteral("distance_m"), std::round(a.meters)}});
        list.append(QJsonObject{
            {QStringLiteral("unit"), s.unit},
            {QStringLiteral("callsign"), s.callsign},
            {QStringLiteral("type"), s.type},
            {QStringLiteral("agency"), s.agency},
            {QStringLiteral("incident"), s.incident},
            {QStringLiteral("incident_type"), s.incidentType},
            {QStringLiteral("need"), s.need.name},
            {QStringLiteral("priority"), s.need.priority},
            {QStringLiteral("eta_s"), std::round(s.etaSeconds)},
            {QStringLiteral("distance_m"), std::round(s.meters)},
            {QStringLiteral("approximate"), s.approximate},
            {QStringLiteral("coverage_loss"), s.coverageLoss},
            {QStringLiteral("uncovered_sectors"), QJsonArray::fromStringList(s.uncovered)},
            {QStringLiteral("alternatives"), alts},
            {QStringLiteral("cost"), s.cost},
        });
        if (s.need.followUp) {
            QJsonObject m = list.last().toObject();
            m.insert(QStringLiteral("follow_up"), true);
            list.replace(list.size() - 1, m);
        }
        if (s.moveUp) {
            QJsonObject m = list.last().toObject();
            m.insert(QStringLiteral("move_up"), true);
            m.insert(QStringLiteral("station"), s.station);
            m.insert(QStringLiteral("station_name"), s.stationName);
            m.insert(QStringLiteral("station_position"),
                     QJsonArray{s.stationPosition.lon, s.stationPosition.lat});
            m.insert(QStringLiteral("restored_sectors"), QJsonArray::fromStringList(s.restored));
            list.replace(list.size() - 1, m);
        }
    }
    return QJsonObject{
        {QStringLiteral("suggestions"), list},
        {QStringLiteral("messages"), QJsonArray::fromStringList(messages)},
        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
        {QStringLiteral("roads"), roads},
        {QStringLiteral("backlog"), backlog.toJson()},
        {QStringLiteral("weights"),
         QJsonObject{{QStringLiteral("eta_per_priority_minute"), weights.eta},
                     {QStringLiteral("coverage"), weights.coverage},
                     {QStringLiteral("priority_step"), weights.priorityStep},
                     {QStringLiteral("follow_up_levels"), weights.followUpLevels},
                     {QStringLiteral("coverage_target_s"), coverage.targetSeconds},
                     {QStringLiteral("busy_probability"), coverage.busyProbability}}},
    };
}

QString SuggestionSet::toText() const
{
    QString t;
    for (const QString &n : notes)
        t += QStringLiteral("note: ") + n + QLatin1Char('\n');
    t += QStringLiteral("weights: %1 per priority-minute of ETA, %2 per unit of expected coverage lost "
                        "(target %3 min, busy probability %4)\n")
             .arg(weights.eta)
             .arg(weights.coverage)
             .arg(coverage.targetSeconds / 60)
             .arg(coverage.busyProbability);
    for (const Suggestion &s : items) {
        if (s.moveUp) {
            t +=
                QStringLiteral("move-up %1 → station %2 (%3): drive %4%5, %6 km; restores %7 within %8 min\n")
                    .arg(s.unit, s.station, s.stationName)
                    .arg(minutes(s.etaSeconds), s.approximate ? QStringLiteral(" (approx.)") : QString())
                    .arg(s.meters / 1000.0, 0, 'f', 1)
                    .arg(s.restored.join(QStringLiteral(", ")))
                    .arg(coverage.targetSeconds / 60);
            continue;
        }
        t += QStringLiteral("%1 → %2 [%3 for %4, priority %5]: ETA %6%7, %8 km\n")
                 .arg(s.unit, s.incident, s.incidentType, s.need.name)
                 .arg(s.need.followUp ? QStringLiteral("%1, complement").arg(s.need.priority)
                                      : QString::number(s.need.priority))
                 .arg(minutes(s.etaSeconds), s.approximate ? QStringLiteral(" (approx.)") : QString())
                 .arg(s.meters / 1000.0, 0, 'f', 1);
        for (const Alternative &a : s.alternatives)
            t += QStringLiteral("    alternative %1: ETA %2, %3 km\n")
                     .arg(a.unit, minutes(a.etaSeconds))
                     .arg(a.meters / 1000.0, 0, 'f', 1);
        t += QStringLiteral("    coverage lost: %1%2\n")
                 .arg(s.coverageLoss, 0, 'f', 3)
                 .arg(s.uncovered.isEmpty()
                          ? QString()
                          : QStringLiteral(" (uncovered: %1)").arg(s.uncovered.join(QStringLiteral(", "))));
    }
    for (const QString &msg : messages)
        t += QStringLiteral("warning: ") + msg + QLatin1Char('\n');
    t += backlog.toText();
    return t;
}

std::vector<Entry> suggestionDrafts(const SuggestionSet &set, const QString &author, Timestamp eventTime)
{
    const QJsonArray items = set.toJson().value(QLatin1String("suggestions")).toArray();
    std::vector<Entry> drafts;
    for (std::size_t k = 0; k < set.items.size(); ++k) {
        Entry e;
        e.kind = QStringLiteral("suggestion");
        e.author = author;
        e.agency = set.items[k].agency;
        e.eventTime = eventTime;
        QJsonObject data = items[qsizetype(k)].toObject();
        data.insert(QStringLiteral("suggestion"), QUuid::createUuid().toString(QUuid::WithoutBraces));
        e.data = data;
        drafts.push_back(std::move(e));
    }
    return drafts;
}

namespace {

Result<Entry> decision(const Entry &suggestion, const QString &kind, const QString &author, Timestamp t)
{
    if (suggestion.kind != QLatin1String("suggestion"))
        return Error{QCoreApplication::translate("vigie::allocation", "entry %1 is a %2, not a suggestion")
                         .arg(suggestion.seq)
                         .arg(suggestion.kind)};
    Entry e;
    e.kind = kind;
    e.author = author;
    e.agency = suggestion.agency;
    e.eventTime = t;
    e.data = QJsonObject{{QStringLiteral("suggestion"), suggestion.data.value(QLatin1String("suggestion"))},
                         {QStringLiteral("suggestion_seq"), suggestion.seq},
                         {QStringLiteral("unit"), suggestion.data.value(QLatin1String("unit"))},
                         {QStringLiteral("incident"), suggestion.data.value(QLatin1String("incident"))}};
    if (suggestion.data.value(QLatin1String("move_up")).toBool())
        for (const char *key : {"move_up", "station", "station_name"})
            e.data.insert(QLatin1String(key), suggestion.data.value(QLatin1String(key)));
    return e;
}

} // namespace

Result<std::vector<Entry>> acceptDrafts(const Entry &suggestion, const QString &author, Timestamp eventTime)
{
    auto accept = decision(suggestion, QStringLiteral("suggestion.accept"), author, eventTime);
    if (!accept)
        return accept.error();
    // The status names the accept it comes with (ids given now, as a desk's offline queue keeps them): when
    // another desk's earlier entry wins over the accept, the picture leaves this status out too
    // (conflicts.h).
    accept->id = newEntryId();
    const bool moveUp = suggestion.data.value(QLatin1String("move_up")).toBool();
    Entry status;
    status.id = newEntryId();
    status.kind = kinds::unitStatus;
    status.author = author;
    status.agency = suggestion.agency;
    status.eventTime = eventTime;
    status.data =
        QJsonObject{{QStringLiteral("unit"), suggestion.data.value(QLatin1String("unit"))},
                    {QStringLiteral("status"), QStringLiteral("en_route")},
                    {QStringLiteral("incident"), suggestion.data.value(QLatin1String("incident"))},
                    {QStringLiteral("suggestion"), suggestion.data.value(QLatin1String("suggestion"))},
                    {QStringLiteral("accept"), accept->id.toString(QUuid::WithoutBraces)}};
    if (moveUp) {
        // A unit moved up stays available (it can be sent from the road) and is based at its new station.
        status.data.insert(QStringLiteral("status"), QStringLiteral("available"));
        status.data.remove(QStringLiteral("incident"));
        status.data.insert(QStringLiteral("station"), suggestion.data.value(QLatin1String("station")));
        status.data.insert(QStringLiteral("station_name"),
                           suggestion.data.value(QLatin1String("station_name")));
        status.data.insert(QStringLiteral("move_up"), true);
    }
    return std::vector<Entry>{*accept, status};
}

Result<std::vector<Entry>> rejectDrafts(const Entry &suggestion, const QString &author, Timestamp eventTime,
                                        const QString &reason)
{
    auto reject = decision(suggestion, QStringLiteral("suggestion.reject"), author, eventTime);
    if (!reject)
        return reject.error();
    reject->data.insert(QStringLiteral("reason"), reason);
    return std::vector<Entry>{*reject};
}

} // namespace vigie::allocation
