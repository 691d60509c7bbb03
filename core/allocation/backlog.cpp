#include "allocation/backlog.h"

#include "picture/picture.h"
#include "simulation/synthetic_day.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <queue>

namespace vigie::allocation {

namespace {

using simulation::QuantileTable;

// Service times come from the calibrated tables the dispatch simulation draws from
// (simulation::calibration in core/simulation/synthetic_day.h, computed from the San Francisco Fire
// Department records, see data/simulation/README.md): an ambulance (VSAV) is on scene as the transporting
// ambulances were, then at the hospital for the handover; every other unit as the engines. Police and SAMU
// units have no calibration of their own in the code base: the engines' table stands in for them, which
// the backlog's text does not hide (it says "estimated").
bool isAmbulance(const QString &type)
{
    return type == QLatin1String("VSAV");
}

/// The quantile at which `t` reaches `minutes` (the inverse of QuantileTable::at, linear between points).
double quantileOf(const QuantileTable &t, double minutes)
{
    if (minutes <= t.minutes.front())
        return t.probabilities.front();
    for (std::size_t k = 1; k < t.minutes.size(); ++k)
        if (minutes <= t.minutes[k]) {
            const double m0 = t.minutes[k - 1], m1 = t.minutes[k];
            const double f = m1 > m0 ? (minutes - m0) / (m1 - m0) : 1.0;
            return t.probabilities[k - 1] + f * (t.probabilities[k] - t.probabilities[k - 1]);
        }
    return 1.0;
}

/// The median of what remains of a service drawn from `t`, given it has lasted `elapsed` minutes: the
/// quantile halfway between where it stands and 1. Past the table's last value, nothing (it is overdue).
double residualMedianMinutes(const QuantileTable &t, double elapsed)
{
    const double p = quantileOf(t, elapsed);
    if (p >= 1.0)
        return 0.0;
    return std::max(0.0, t.at((1.0 + p) / 2.0) - elapsed);
}

bool engaged(const Unit &u)
{
    return !u.incident.isEmpty() &&
           (u.status == QLatin1String("en_route") || u.status == QLatin1String("on_scene"));
}

QString minutes(double seconds)
{
    return std::isfinite(seconds) ? QStringLiteral("%1 min").arg(std::round(seconds / 60.0))
                                  : QStringLiteral("unknown (no matching unit engaged)");
}

double jsonSeconds(double s)
{
    return std::isfinite(s) ? std::round(s) : -1.0;
}

} // namespace

double freeInSeconds(const QString &type, bool onScene, double elapsedSeconds)
{
    const bool ambulance = isAmbulance(type);
    const QuantileTable scene =
        ambulance ? simulation::calibration::ambulanceScene() : simulation::calibration::engineScene();
    const double sceneLeft =
        onScene ? residualMedianMinutes(scene, std::max(0.0, elapsedSeconds) / 60.0) : scene.at(0.5);
    const double after = ambulance ? simulation::calibration::hospitalHandover().at(0.5) : 0.0;
    return 60.0 * (sceneLeft + after);
}

double serviceCycleSeconds(const QString &type)
{
    return freeInSeconds(type, false, 0.0);
}

Backlog computeBacklog(const std::vector<UnfilledNeed> &unfilled, const Picture &picture, Timestamp now,
                       const BacklogOptions &options)
{
    Backlog out;
    out.options = options;
    for (const UnfilledNeed &f : unfilled) {
        if (f.missing <= 0)
            continue;
        WaitingNeed w;
        w.incident = f.incident;
        w.incidentType = f.incidentType;
        w.title = f.title;
        w.need = f.need;
        w.missing = f.missing;
        if (const auto it = picture.incidents.find(f.incident); it != picture.incidents.end()) {
            w.opened = it->second.opened;
            w.waitedSeconds = std::max<qint64>(0, now.msecs - w.opened.msecs) / 1000.0;
        }
        out.waiting.push_back(std::move(w));
    }
    // Priority of the need first, as the engine weighs it (a complement lower); among equals, the incident
    // that has waited longest.
    const auto rank = [&options](const Need &n) {
        return n.priority - (n.followUp ? std::max(0, options.followUpLevels) : 0);
    };
    std::stable_sort(out.waiting.begin(), out.waiting.end(),
                     [&rank](const WaitingNeed &a, const WaitingNeed &b) {
                         if (rank(a.need) != rank(b.need))
                             return rank(a.need) > rank(b.need);
                         if (a.opened != b.opened)
                             return a.opened < b.opened;
                         return a.incident < b.incident;
                     });

    // Per kind of unit in shortage: the engaged units that will free up for it.
    std::map<std::pair<QString, QString>, Reinforcement> kinds;
    for (const WaitingNeed &w : out.waiting) {
        auto [it, inserted] = kinds.try_emplace({w.need.name, w.need.agency});
        Reinforcement &r = it->second;
        ++r.waitingIncidents;
        r.missing += w.missing;
        if (!inserted)
            continue;
        r.need = w.need.name;
        r.agency = w.need.agency;
        for (const auto &[id, u] : picture.units) {
            if (!engaged(u) || !matches(Candidate{u.id, u.type, u.agency, u.capabilities}, w.need))
                continue;
            const double since = std::max<qint64>(0, now.msecs - u.statusTime.msecs) / 1000.0;
            const bool onScene = u.status == QLatin1String("on_scene");
            r.engaged.push_back({u.id, u.callsign, u.type, u.status, u.incident, since,
                                 freeInSeconds(u.type, onScene, since)});
        }
        std::stable_sort(r.engaged.begin(), r.engaged.end(), [](const EngagedUnit &a, const EngagedUnit &b) {
            return a.freeInSeconds < b.freeInSeconds;
        });
    }

    // The waits of one kind's needs, slot by slot in rank order: each takes the unit that frees up first,
    // which serves a full cycle before the next. `column`: with a reinforcement column of that kind.
    const auto waitsOf = [&](const Reinforcement &r, bool column) {
        using Free = std::pair<double, double>; // free at, then its cycle
        std::priority_queue<Free, std::vector<Free>, std::greater<>> pool;
        for (const EngagedUnit &e : r.engaged)
            pool.push({e.freeInSeconds, serviceCycleSeconds(e.type)});
        if (column)
            for (int k = 0; k < options.columnUnits; ++k)
                pool.push({options.columnDelaySeconds, serviceCycleSeconds(r.need)});
        std::vector<std::vector<double>> waits(out.waiting.size());
        for (std::size_t i = 0; i < out.waiting.size(); ++i) {
            const WaitingNeed &w = out.waiting[i];
            if (w.need.name != r.need || w.need.agency != r.agency)
                continue;
            for (int slot = 0; slot < w.missing; ++slot) {
                if (pool.empty()) {
                    waits[i].push_back(std::numeric_limits<double>::infinity());
                    continue;
                }
                const Free f = pool.top();
                pool.pop();
                waits[i].push_back(f.first);
                pool.push({f.first + f.second, f.second});
            }
        }
        return waits;
    };
    for (auto &[key, r] : kinds) {
        const auto without = waitsOf(r, false);
        const auto with = waitsOf(r, true);
        for (std::size_t i = 0; i < out.waiting.size(); ++i) {
            if (without[i].empty())
                continue;
            WaitingNeed &w = out.waiting[i];
            w.firstFreeSeconds = without[i].front();
            w.lastFreeSeconds = without[i].back();
            for (std::size_t s = 0; s < without[i].size(); ++s) {
                const double saved = std::min(without[i][s], options.horizonSeconds) -
                                     std::min(with[i][s], options.horizonSeconds);
                r.savedMinutes += std::max(0.0, saved) / 60.0;
                r.savedWeightedMinutes += w.need.priority * std::max(0.0, saved) / 60.0;
            }
        }
        out.reinforcements.push_back(r);
    }
    std::stable_sort(out.reinforcements.begin(), out.reinforcements.end(),
                     [](const Reinforcement &a, const Reinforcement &b) {
                         if (a.savedWeightedMinutes != b.savedWeightedMinutes)
                             return a.savedWeightedMinutes > b.savedWeightedMinutes;
                         return a.missing > b.missing;
                     });
    return out;
}

QJsonObject Backlog::toJson() const
{
    QJsonArray waits;
    for (const WaitingNeed &w : waiting)
        waits.append(QJsonObject{
            {QStringLiteral("incident"), w.incident},
            {QStringLiteral("incident_type"), w.incidentType},
            {QStringLiteral("title"), w.title},
            {QStringLiteral("need"), w.need.name},
            {QStringLiteral("agency"), w.need.agency},
            {QStringLiteral("priority"), w.need.priority},
            {QStringLiteral("follow_up"), w.need.followUp},
            {QStringLiteral("missing"), w.missing},
            {QStringLiteral("opened"), w.opened.toIso()},
            {QStringLiteral("waited_s"), std::round(w.waitedSeconds)},
            {QStringLiteral("first_free_s"), jsonSeconds(w.firstFreeSeconds)},
            {QStringLiteral("last_free_s"), jsonSeconds(w.lastFreeSeconds)},
        });
    QJsonArray kinds;
    for (const Reinforcement &r : reinforcements) {
        QJsonArray units;
        for (const EngagedUnit &e : r.engaged)
            units.append(QJsonObject{{QStringLiteral("unit"), e.unit},
                                     {QStringLiteral("callsign"), e.callsign},
                                     {QStringLiteral("type"), e.type},
                                     {QStringLiteral("status"), e.status},
                                     {QStringLiteral("incident"), e.incident},
                                     {QStringLiteral("engaged_s"), std::round(e.engagedSeconds)},
                                     {QStringLiteral("free_in_s"), std::round(e.freeInSeconds)}});
        kinds.append(QJsonObject{{QStringLiteral("need"), r.need},
                                 {QStringLiteral("agency"), r.agency},
                                 {QStringLiteral("waiting_incidents"), r.waitingIncidents},
                                 {QStringLiteral("missing"), r.missing},
                                 {QStringLiteral("engaged"), units},
                                 {QStringLiteral("saved_min"), std::round(r.savedMinutes)},
                                 {QStringLiteral("saved_weighted_min"), std::round(r.savedWeightedMinutes)}});
    }
    return QJsonObject{{QStringLiteral("waiting"), waits},
                       {QStringLiteral("reinforcements"), kinds},
                       {QStringLiteral("column_units"), options.columnUnits},
                       {QStringLiteral("column_delay_s"), options.columnDelaySeconds},
                       {QStringLiteral("horizon_s"), options.horizonSeconds}};
}

QString Backlog::toText() const
{
    if (waiting.empty())
        return {};
    QString t = QStringLiteral("backlog: %1 need(s) wait, by priority then time waited (estimated waits: "
                               "until a matching engaged unit should be free, drive not counted)\n")
                    .arg(waiting.size());
    int rank = 0;
    for (const WaitingNeed &w : waiting)
        t +=
            QStringLiteral("  %1. %2 (%3, %4): %5 × %6 (priority %7), waiting for %8; a unit free in %9%10\n")
                .arg(++rank)
                .arg(w.incident, w.incidentType, w.title)
                .arg(w.missing)
                .arg(w.need.name)
                .arg(w.need.followUp ? QStringLiteral("%1, complement").arg(w.need.priority)
                                     : QString::number(w.need.priority))
                .arg(minutes(w.waitedSeconds), minutes(w.firstFreeSeconds))
                .arg(w.missing > 1 && std::isfinite(w.lastFreeSeconds)
                         ? QStringLiteral(", the last in %1").arg(minutes(w.lastFreeSeconds))
                         : QString());
    for (const Reinforcement &r : reinforcements) {
        t += QStringLiteral("  %1: %2 incident(s) wait").arg(r.need).arg(r.waitingIncidents);
        t += r.engaged.empty() ? QStringLiteral("; none engaged, none will free up")
                               : QStringLiteral("; %1 engaged, soonest free:").arg(r.engaged.size());
        // The soonest free: the rest are in the JSON.
        const std::size_t listed = std::min<std::size_t>(r.engaged.size(), shownEngaged);
        for (std::size_t k = 0; k < listed; ++k) {
            const EngagedUnit &e = r.engaged[k];
            t += QStringLiteral(" %1 (%2 for %3, free in %4)")
                     .arg(e.callsign.isEmpty() ? e.unit : e.callsign, e.status, minutes(e.engagedSeconds),
                          minutes(e.freeInSeconds));
        }
        if (listed < r.engaged.size())
            t += QStringLiteral(" and %1 more").arg(r.engaged.size() - listed);
        t += QStringLiteral("; a column of %1 would save %2 waiting min (%3 priority-weighted)\n")
                 .arg(options.columnUnits)
                 .arg(std::round(r.savedMinutes))
                 .arg(std::round(r.savedWeightedMinutes));
    }
    if (!reinforcements.empty()) {
        const Reinforcement &best = reinforcements.front();
        t += best.savedMinutes >= 1.0
                 ? QStringLiteral("reinforcement: a column of %1 %2 from a neighbouring department, here in "
                                  "%3, would cut the total wait by %4 min: %5 incident(s) wait for a %2\n")
                       .arg(options.columnUnits)
                       .arg(best.need, minutes(options.columnDelaySeconds))
                       .arg(std::round(best.savedMinutes))
                       .arg(best.waitingIncidents)
                 : QStringLiteral("reinforcement: a column from a neighbouring department, here in %1, would "
                                  "come after the engaged units free up\n")
                       .arg(minutes(options.columnDelaySeconds));
    }
    return t;
}

} // namespace vigie::allocation
