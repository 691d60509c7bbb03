#include "simulation/dispatch_simulator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <queue>
#include <tuple>

namespace vigie::simulation {

std::size_t TravelTable::nearestHospital(std::size_t incident) const
{
    std::size_t best = 0;
    for (std::size_t h = 1; h < hospitals; ++h)
        if (incidentToHospital[incident * hospitals + h] < incidentToHospital[incident * hospitals + best])
            best = h;
    return best;
}

TravelTable buildTravelTable(const routing::RoadGraph *graph, const City &city,
                             const std::vector<SimIncident> &day, const routing::MatrixOptions &options)
{
    std::vector<GeoPoint> stations, incidents;
    for (const Station &s : city.stations)
        stations.push_back(s.position);
    for (const SimIncident &i : day)
        incidents.push_back(i.position);
    TravelTable t;
    t.stations = stations.size();
    t.incidents = incidents.size();
    t.hospitals = city.hospitals.size();
    t.roads = graph != nullptr;
    auto fill = [&](const std::vector<GeoPoint> &from, const std::vector<GeoPoint> &to,
                    std::vector<double> &out) {
        out.assign(from.size() * to.size(), 0.0);
        if (from.empty() || to.empty())
            return;
        const routing::TravelMatrix m = routing::travelMatrix(graph, from, to, options);
        for (std::size_t r = 0; r < from.size(); ++r)
            for (std::size_t c = 0; c < to.size(); ++c) {
                routing::TravelCell cell = m.at(r, c);
                if (!std::isfinite(cell.seconds))
                    cell = routing::straightLine(from[r], to[c], options);
                t.approximateCells += cell.approximate ? 1 : 0;
                out[r * to.size() + c] = cell.seconds;
            }
        t.cells += from.size() * to.size();
    };
    fill(stations, incidents, t.stationToIncident);
    fill(incidents, stations, t.incidentToStation);
    fill(incidents, city.hospitals, t.incidentToHospital);
    fill(city.hospitals, stations, t.hospitalToStation);
    fill(stations, stations, t.stationToStation);
    fill(incidents, incidents, t.incidentToIncident);
    fill(city.hospitals, incidents, t.hospitalToIncident);
    if (!graph)
        t.notes.append(QStringLiteral("%1: straight line × %2 at %3 km/h for every travel time")
                           .arg(QString::fromUtf8(routing::approximateNote))
                           .arg(options.detourFactor)
                           .arg(options.fallbackSpeedKmh));
    else
        t.notes.append(QStringLiteral("road network: %1 of %2 travel times by road, %3 straight-line × %4 (a "
                                      "position over %5 m from a road, or places the roads do not join)")
                           .arg(t.cells - t.approximateCells)
                           .arg(t.cells)
                           .arg(t.approximateCells)
                           .arg(options.detourFactor)
                           .arg(options.maxSnapMeters));
    return t;
}

QString policyName(Policy policy)
{
    return policy == Policy::ClosestAvailable ? QStringLiteral("closest available unit")
                                              : QStringLiteral("allocation engine (coverage)");
}

namespace {

enum class EventType
{
    Call,
    Dispatch,
    OnScene,
    EndOfService,
    BackAtStation,
    Relocated
};

struct Event
{
    double time = 0.0;
    std::size_t seq = 0; ///< scheduling order: ties are processed first-scheduled first
    EventType type = EventType::Call;
    std::size_t incident = 0, slot = 0, unit = 0;
    std::size_t tag = 0; ///< BackAtStation: the unit's `moves` when scheduled (a later move makes it stale)

    bool operator>(const Event &o) const { return std::tie(time, seq) > std::tie(o.time, o.seq); }
};

/// What a moving unit left: a station (a move-up), a scene or a hospital (driving back from service).
enum class Left
{
    Station,
    Scene,
    Hospital
};

struct UnitState
{
    bool available = true;
    std::size_t incident = 0, slot = 0;
    std::size_t post = 0; ///< the station it waits at (its own, or where a move-up took it)
    double arrives = 0.0; ///< while moving to `post`: when it gets there
    Left left = Left::Station;
    std::size_t origin = 0; ///< while moving: the station, incident or hospital it left (`left` says which)
    double departed = 0.0;  ///< while moving: when it left
    std::size_t moves = 0;  ///< moves begun, so that the arrival of a move interrupted is ignored
    bool returning = false; ///< driving back from service to `post` (available on the way: sendOnTheWay)
};

class Simulation
{
public:
    Simulation(const City &city, const std::vector<SimIncident> &day, const TravelTable &travel,
               const SimOptions &options)
        : m_city(city), m_day(day), m_travel(travel), m_options(options), m_units(city.units.size())
    {
        m_result.incidents.resize(day.size());
        for (std::size_t i = 0; i < day.size(); ++i)
            m_result.incidents[i].slots.resize(day[i].slots.size());
        for (std::size_t u = 0; u < city.units.size(); ++u) {
            const SimUnit &unit = city.units[u];
            m_candidates.push_back({unit.id, unit.type, unit.agency, unit.capabilities});
            m_units[u].post = unit.station;
        }
        const double mean = 1.0 / double(std::max<std::size_t>(1, m_city.stations.size()));
        for (std::size_t s = 0; s < m_city.stations.size(); ++s)
            // Demand weights scaled to a mean of 1, the scale `suggest` uses (weight 1 per station).
            m_sectors.push_back({m_city.stations[s].id, m_city.stations[s].name, m_city.stations[s].position,
                                 m_city.demandWeight.empty() ? 1.0 : m_city.demandWeight[s] / mean});
        for (const allocation::Sector &s : m_sectors)
            m_totalWeight += s.weight;
        // Where each type's units are based: the only places a move-up or a return goes to.
        for (const SimUnit &unit : m_city.units) {
            m_homes[unit.type].push_back(unit.station);
            ++m_typeCount[unit.type];
        }
        for (auto &[type, homes] : m_homes) {
            std::sort(homes.begin(), homes.end());
            homes.erase(std::unique(homes.begin(), homes.end()), homes.end());
        }
    }

    Result<RunResult> run()
    {
        for (std::size_t i = 0; i < m_day.size(); ++i)
            schedule(m_day[i].callSeconds, EventType::Call, i);
        while (!m_queue.empty()) {
            const Event e = m_queue.top();
            m_queue.pop();
            ++m_result.events;
            m_result.endSeconds = e.time;
            m_now = e.time;
            if (auto handled = handle(e); !handled)
                return handled.error();
        }
        return std::move(m_result);
    }

private:
    void schedule(double time, EventType type, std::size_t incident, std::size_t slot = 0,
                  std::size_t unit = 0, std::size_t tag = 0)
    {
        m_queue.push({time, m_seq++, type, incident, slot, unit, tag});
    }

    [[nodiscard]] double speedFactor(std::size_t unit) const
    {
        return routing::vehicleSpeedFactor(m_city.units[unit].type);
    }

    /// From where the unit waits to the incident, at `now`. A moving unit (a move-up, or driving back from
    /// a scene or a hospital) is somewhere between the place it left and the station it goes to; the times
    /// known are from places to incidents, so it is taken to drive on and then from there, or back and from
    /// there, whichever is shorter (an upper bound of the drive from where it is).
    [[nodiscard]] double drive(std::size_t unit, std::size_t incident) const
    {
        const UnitState &u = m_units[unit];
        const std::size_t ni = m_travel.incidents;
        const double ahead = std::max(0.0, u.arrives - m_now) +
                             m_travel.stationToIncident[u.post * ni + incident] / speedFactor(unit);
        if (u.arrives <= m_now)
            return ahead;
        const std::vector<double> &from = u.left == Left::Station ? m_travel.stationToIncident
                                          : u.left == Left::Scene ? m_travel.incidentToIncident
                                                                  : m_travel.hospitalToIncident;
        if (from.empty()) // the table was not built: through the station ahead
            return ahead;
        return std::min(ahead, m_now - u.departed + from[u.origin * ni + incident] / speedFactor(unit));
    }

    Result<void> handle(const Event &e)
    {
        switch (e.type) {
        case EventType::Call:
            schedule(e.time + m_options.callProcessingSeconds, EventType::Dispatch, e.incident);
            return {};
        case EventType::Dispatch:
            for (std::size_t s = 0; s < m_day[e.incident].slots.size(); ++s)
                m_pending.emplace_back(e.incident, s);
            return decide(e.time);
        case EventType::OnScene: {
            IncidentOutcome &out = m_result.incidents[e.incident];
            out.slots[e.slot].onSceneSeconds = e.time;
            if (!out.responseSeconds)
                out.responseSeconds = e.time - m_day[e.incident].callSeconds;
            const Slot &slot = m_day[e.incident].slots[e.slot];
            double done = e.time + slot.sceneSeconds;
            if (slot.transport && m_travel.hospitals > 0) {
                const std::size_t h = m_travel.nearestHospital(e.incident);
                done +=
                    m_travel.incidentToHospital[e.incident * m_travel.hospitals + h] / speedFactor(e.unit) +
                    slot.handoverSeconds;
            }
            schedule(done, EventType::EndOfService, e.incident, e.slot, e.unit);
            return {};
        }
        case EventType::EndOfService: {
            const Slot &slot = m_day[e.incident].slots[e.slot];
            // Back to its own station, or towards needs that wait (SimOptions::returnTowardWaiting).
            const bool fromHospital = slot.transport && m_travel.hospitals > 0;
            const std::size_t hospital = fromHospital ? m_travel.nearestHospital(e.incident) : 0;
            auto backFrom = [&](std::size_t station) {
                return fromHospital ? m_travel.hospitalToStation[hospital * m_travel.stations + station]
                                    : m_travel.incidentToStation[e.incident * m_travel.stations + station];
            };
            const std::size_t station = returnStation(e.unit, backFrom);
            UnitState &u = m_units[e.unit];
            u.post = station;
            u.returning = true;
            const double back = e.time + backFrom(station) / speedFactor(e.unit);
            if (m_options.sendOnTheWay) {
                // Free on the way back: from here on it can be sent from the road.
                u.available = true;
                u.left = fromHospital ? Left::Hospital : Left::Scene;
                u.origin = fromHospital ? hospital : e.incident;
                u.departed = e.time;
                u.arrives = back;
                ++u.moves;
                m_result.incidents[e.incident].slots[e.slot].backSeconds = back; // unless sent on before
                schedule(back, EventType::BackAtStation, e.incident, e.slot, e.unit, u.moves);
                return decide(e.time);
            }
            schedule(back, EventType::BackAtStation, e.incident, e.slot, e.unit);
            return {};
        }
        case EventType::BackAtStation:
            if (m_options.sendOnTheWay) {
                UnitState &u = m_units[e.unit];
                if (!u.returning || u.moves != e.tag)
                    return {}; // sent on from the road meanwhile
                u.returning = false;
                return decide(e.time); // at its station: a move-up may now take it
            }
            m_units[e.unit].available = true;
            m_units[e.unit].returning = false;
            m_units[e.unit].arrives = e.time;
            m_result.incidents[e.incident].slots[e.slot].backSeconds = e.time;
            return decide(e.time);
        case EventType::Relocated:
            return {}; // `arrives` already says when: nothing else changes
        }
        return {};
    }

    void send(std::size_t unit, std::size_t incident, std::size_t slot, double now)
    {
        const double there = drive(unit, incident);
        UnitState &u = m_units[unit];
        if (u.returning) { // sent on from the road: its last job ends here
            m_result.incidents[u.incident].slots[u.slot].backSeconds = now;
            u.returning = false;
            ++m_result.sentOnTheWay;
        }
        u.available = false;
        u.incident = incident;
        u.slot = slot;
        if (u.arrives > now) { // sent while moving: it waits, after, where it was heading
            u.arrives = now;
            ++u.moves;
        }
        SlotOutcome &out = m_result.incidents[incident].slots[slot];
        out.unit = unit;
        out.dispatchSeconds = now;
        if (now > m_day[incident].callSeconds + m_options.callProcessingSeconds)
            m_result.incidents[incident].waited = true;
        // A unit on a move-up is on the road already, but keeps its turnout: conservative, and it keeps
        // lowerBound() a bound.
        schedule(now + m_options.turnoutSeconds + there, EventType::OnScene, incident, slot, unit);
    }

    Result<void> decide(double now)
    {
        if (!m_pending.empty()) {
            ++m_result.decisions;
            if (auto r = m_options.policy == Policy::ClosestAvailable ? closest(now) : engine(now); !r)
                return r;
        }
        if (m_options.moveUps.enabled)
            moveUps(now);
        return {};
    }

    /// Expected response of sector j (seconds) for units of one type at `posts`: the k-th nearest answers
    /// with probability (1 − q) q^(k−1), the others being busy (Daskin's q), and with probability q^n none
    /// does (counted as the coverage target, doubled).
    [[nodiscard]] double expectedResponse(std::size_t unit, const std::vector<std::size_t> &posts,
                                          std::size_t j, std::vector<double> &scratch) const
    {
        const double q = m_options.coverage.busyProbability;
        scratch.clear();
        for (std::size_t p : posts)
            scratch.push_back(m_travel.stationToStation[p * m_travel.stations + j] / speedFactor(unit));
        std::sort(scratch.begin(), scratch.end());
        double expected = 0.0, weight = 1.0 - q, none = 1.0;
        for (double t : scratch) {
            expected += weight * t;
            weight *= q;
            none *= q;
        }
        return expected + none * 2.0 * m_options.coverage.targetSeconds;
    }

    /// The demand-weighted mean expected response (seconds) with units like `unit` at `posts`.
    [[nodiscard]] double cityResponse(std::size_t unit, const std::vector<std::size_t> &posts,
                                      std::vector<double> &scratch) const
    {
        double total = 0.0;
        for (std::size_t j = 0; j < m_sectors.size(); ++j)
            total += m_sectors[j].weight * expectedResponse(unit, posts, j, scratch);
        return total / m_totalWeight;
    }

    /// Where a unit freed from service drives to (SimOptions::returnTowardWaiting).
    template <class Back> [[nodiscard]] std::size_t returnStation(std::size_t unit, const Back &backFrom)
    {
        const std::size_t home = m_city.units[unit].station;
        if (!m_options.returnTowardWaiting)
            return home;
        std::vector<std::size_t> waiting;
        for (const auto &[i, s] : m_pending)
            if (allocation::matches(m_candidates[unit], m_day[i].slots[s].need))
                waiting.push_back(i);
        if (waiting.empty())
            return home;
        auto soonest = [&](std::size_t station) {
            double best = std::numeric_limits<double>::infinity();
            for (std::size_t i : waiting)
                best = std::min(best, m_travel.stationToIncident[station * m_travel.incidents + i]);
            return (backFrom(station) + best) / speedFactor(unit);
        };
        std::size_t chosen = home;
        double best = soonest(home);
        for (std::size_t to : m_homes.at(m_city.units[unit].type))
            if (const double t = soonest(to); t < best) {
                best = t;
                chosen = to;
            }
        m_result.returnsElsewhere += chosen != home ? 1 : 0;
        return chosen;
    }

    /// The dynamic MEXCLP step (MoveUpOptions), its objective the demand-weighted expected response: per unit
    /// type, the best single relocation of an available unit to one of the type's own stations, made if it
    /// shortens the expected response by at least `minGain` seconds on average over the city's demand. Units
    /// driving back from service count where they are going, and are not moved.
    void moveUps(double now)
    {
        std::map<QString, std::vector<std::size_t>> byType;
        for (std::size_t u = 0; u < m_units.size(); ++u)
            if (m_units[u].available)
                byType[m_city.units[u].type].push_back(u);
        std::vector<double> scratch;
        for (const auto &[type, units] : byType) {
            const std::vector<std::size_t> &homes = m_homes.at(type);
            for (int move = 0; move < m_options.moveUps.movesPerEvent; ++move) {
                std::vector<std::size_t> posts;
                for (std::size_t u : units)
                    posts.push_back(m_units[u].post);
                for (std::size_t u = 0; u < m_units.size(); ++u)
                    if (m_units[u].returning && !m_units[u].available && m_city.units[u].type == type)
                        posts.push_back(m_units[u].post); // (available on the way: among `units`)
                const double before = cityResponse(units.front(), posts, scratch);
                double best = m_options.moveUps.minGain;
                if (m_options.moveUps.scaleWithLoad)
                    best *= double(m_typeCount.at(type)) / double(units.size());
                std::size_t bestK = noUnit, bestTo = 0;
                for (std::size_t k = 0; k < units.size(); ++k) {
                    const std::size_t u = units[k], from = m_units[u].post;
                    if (m_units[u].arrives > now)
                        continue; // already moving
                    for (std::size_t to : homes) {
                        if (to == from ||
                            m_travel.stationToStation[from * m_travel.stations + to] / speedFactor(u) >
                                m_options.moveUps.maxSeconds)
                            continue;
                        posts[k] = to;
                        const double gain = before - cityResponse(u, posts, scratch);
                        posts[k] = from;
                        if (gain > best) {
                            best = gain;
                            bestK = k;
                            bestTo = to;
                        }
                    }
                }
                if (bestK == noUnit)
                    break;
                const std::size_t moved = units[bestK];
                UnitState &u = m_units[moved];
                const double seconds =
                    m_travel.stationToStation[u.post * m_travel.stations + bestTo] / speedFactor(moved);
                u.left = Left::Station;
                u.origin = u.post;
                u.departed = now;
                u.post = bestTo;
                u.arrives = now + seconds;
                ++u.moves;
                ++m_result.moveUps;
                m_result.moveUpDriveSeconds += seconds;
                schedule(u.arrives, EventType::Relocated, 0, 0, moved);
            }
        }
    }

    /// The available unit nearest incident i that can fill its slot s, or noUnit.
    [[nodiscard]] std::size_t nearestFor(std::size_t i, std::size_t s) const
    {
        const allocation::Need &need = m_day[i].slots[s].need;
        std::size_t best = noUnit;
        for (std::size_t u = 0; u < m_units.size(); ++u)
            if (m_units[u].available && allocation::matches(m_candidates[u], need) &&
                (best == noUnit || drive(u, i) < drive(best, i)))
                best = u;
        return best;
    }

    [[nodiscard]] bool anySent(std::size_t incident) const
    {
        const auto &slots = m_result.incidents[incident].slots;
        return std::any_of(slots.begin(), slots.end(), [](const SlotOutcome &o) { return o.unit != noUnit; });
    }

    Result<void> closest(double now)
    {
        std::vector<char> served(m_pending.size(), 0);
        if (m_options.closestFirstUnits) {
            // Pending slots are grouped by incident, in call order: the first of each unsent incident's slots
            // that an available unit can fill.
            for (std::size_t k = 0; k < m_pending.size(); ++k) {
                const auto [i, s] = m_pending[k];
                if (anySent(i))
                    continue;
                if (const std::size_t best = nearestFor(i, s); best != noUnit) {
                    send(best, i, s, now);
                    served[k] = 1;
                }
            }
        }
        std::vector<std::pair<std::size_t, std::size_t>> still;
        for (std::size_t k = 0; k < m_pending.size(); ++k) {
            if (served[k])
                continue;
            const auto [i, s] = m_pending[k];
            if (const std::size_t best = nearestFor(i, s); best != noUnit)
                send(best, i, s, now);
            else
                still.emplace_back(i, s);
        }
        m_pending = std::move(still);
        return {};
    }

    /// Per unit: the MEXCLP coverage lost if it leaves, against the available units of its own type (an
    /// ambulance covers for ambulances, an engine for engines).
    std::vector<double> coverageLoss(const std::vector<std::size_t> &units) const
    {
        const std::vector<allocation::Sector> &sectors = m_sectors;
        std::map<QString, std::vector<std::size_t>> byType; // positions in `units`
        for (std::size_t k = 0; k < units.size(); ++k)
            byType[m_city.units[units[k]].type].push_back(k);
        std::vector<double> loss(units.size(), 0.0);
        const std::size_t ns = sectors.size();
        for (const auto &[type, members] : byType) {
            std::vector<double> secs(members.size() * ns);
            for (std::size_t m = 0; m < members.size(); ++m) {
                const std::size_t u = units[members[m]];
                for (std::size_t j = 0; j < ns; ++j)
                    secs[m * ns + j] =
                        m_travel.stationToStation[m_units[u].post * m_travel.stations + j] / speedFactor(u);
            }
            const allocation::CoverageImpact impact =
                allocation::coverageImpact(secs, members.size(), sectors, m_options.coverage);
            for (std::size_t m = 0; m < members.size(); ++m)
                loss[members[m]] = impact.loss[m];
        }
        return loss;
    }

    Result<void> engine(double now)
    {
        std::vector<std::size_t> units;
        for (std::size_t u = 0; u < m_units.size(); ++u)
            if (m_units[u].available)
                units.push_back(u);
        if (units.empty())
            return {};
        // One problem incident per waiting incident, one need (count 1) per waiting slot of it.
        std::vector<std::size_t> incidents;
        std::vector<std::vector<std::size_t>> slotsOf;
        allocation::Problem p;
        for (const auto &[i, s] : m_pending) {
            if (incidents.empty() || incidents.back() != i) {
                incidents.push_back(i);
                slotsOf.emplace_back();
                p.needs.emplace_back();
            }
            slotsOf.back().push_back(s);
            p.needs.back().push_back(m_day[i].slots[s].need);
            // A unit already sent to the incident makes its other slots complements, as the console's
            // suggestions count the units engaged (allocation::Need::followUp).
            p.needs.back().back().followUp = anySent(i);
        }
        for (std::size_t u : units)
            p.units.push_back(m_candidates[u]);
        p.etaSeconds.resize(units.size() * incidents.size());
        for (std::size_t k = 0; k < units.size(); ++k)
            for (std::size_t n = 0; n < incidents.size(); ++n)
                p.etaSeconds[k * incidents.size() + n] = drive(units[k], incidents[n]);
        p.coverageLoss = coverageLoss(units);
        p.weights = m_options.weights;
        auto solved = allocation::solve(p);
        if (!solved)
            return Error{QStringLiteral("simulation at %1 s: %2").arg(now).arg(solved.error().message)};
        std::vector<std::vector<char>> filled(incidents.size());
        for (std::size_t n = 0; n < incidents.size(); ++n)
            filled[n].assign(slotsOf[n].size(), 0);
        for (const allocation::Assignment &a : solved->assignments) {
            filled[a.incident][a.need] = 1;
            send(units[a.unit], incidents[a.incident], slotsOf[a.incident][a.need], now);
        }
        std::vector<std::pair<std::size_t, std::size_t>> still;
        for (std::size_t n = 0; n < incidents.size(); ++n)
            for (std::size_t k = 0; k < slotsOf[n].size(); ++k)
                if (!filled[n][k])
                    still.emplace_back(incidents[n], slotsOf[n][k]);
        m_pending = std::move(still);
        return {};
    }

    const City &m_city;
    const std::vector<SimIncident> &m_day;
    const TravelTable &m_travel;
    const SimOptions &m_options;
    std::vector<UnitState> m_units;
    std::vector<allocation::Candidate> m_candidates;
    std::vector<std::pair<std::size_t, std::size_t>> m_pending; ///< (incident, slot), in call order
    std::priority_queue<Event, std::vector<Event>, std::greater<>> m_queue;
    std::size_t m_seq = 0;
    double m_now = 0.0;
    std::vector<allocation::Sector> m_sectors; ///< the stations, weighted by their demand (mean 1)
    double m_totalWeight = 0.0;
    std::map<QString, std::vector<std::size_t>> m_homes; ///< per unit type, the stations it is based at
    std::map<QString, std::size_t> m_typeCount;          ///< per unit type, its units
    RunResult m_result;
};

} // namespace

Result<RunResult> simulate(const City &city, const std::vector<SimIncident> &day, const TravelTable &travel,
                           const SimOptions &options)
{
    const std::size_t ns = city.stations.size(), ni = day.size(), nh = city.hospitals.size();
    if (travel.stations != ns || travel.incidents != ni || travel.hospitals != nh ||
        travel.stationToIncident.size() != ns * ni || travel.incidentToStation.size() != ni * ns ||
        travel.incidentToHospital.size() != ni * nh || travel.hospitalToStation.size() != nh * ns ||
        travel.stationToStation.size() != ns * ns ||
        (!travel.incidentToIncident.empty() && travel.incidentToIncident.size() != ni * ni) ||
        (!travel.hospitalToIncident.empty() && travel.hospitalToIncident.size() != nh * ni))
        return Error{QStringLiteral("simulation: the travel table (%1 stations, %2 incidents, %3 hospitals) "
                                    "does not match the city and day (%4, %5, %6); build it from them")
                         .arg(travel.stations)
                         .arg(travel.incidents)
                         .arg(travel.hospitals)
                         .arg(ns)
                         .arg(ni)
                         .arg(nh)};
    for (std::size_t u = 0; u < city.units.size(); ++u)
        if (city.units[u].station >= ns)
            return Error{QStringLiteral("simulation: unit %1 (%2) is based at station %3 of %4")
                             .arg(u)
                             .arg(city.units[u].id)
                             .arg(city.units[u].station)
                             .arg(ns)};
    return Simulation(city, day, travel, options).run();
}

Summary summarize(const RunResult &run, double targetSeconds)
{
    Summary s;
    s.targetSeconds = targetSeconds;
    s.incidents = run.incidents.size();
    std::vector<double> times;
    for (const IncidentOutcome &o : run.incidents) {
        s.waited += o.waited ? 1 : 0;
        if (o.responseSeconds)
            times.push_back(*o.responseSeconds);
    }
    s.answered = times.size();
    s.unanswered = s.incidents - s.answered;
    if (times.empty())
        return s;
    std::sort(times.begin(), times.end());
    double total = 0.0;
    std::size_t over = 0;
    for (double t : times) {
        total += t;
        over += t > targetSeconds ? 1 : 0;
    }
    s.meanSeconds = total / double(times.size());
    const std::size_t rank = std::size_t(std::ceil(0.9 * double(times.size())));
    s.p90Seconds = times[std::max<std::size_t>(rank, 1) - 1];
    s.shareOverTarget = double(over) / double(times.size());
    return s;
}

Summary lowerBound(const City &city, const std::vector<SimIncident> &day, const TravelTable &travel,
                   const SimOptions &options, double targetSeconds)
{
    RunResult run;
    run.incidents.resize(day.size());
    for (std::size_t i = 0; i < day.size(); ++i) {
        std::optional<double> best;
        for (const SimUnit &u : city.units) {
            const allocation::Candidate candidate{u.id, u.type, u.agency, u.capabilities};
            if (std::none_of(day[i].slots.begin(), day[i].slots.end(),
                             [&](const Slot &s) { return allocation::matches(candidate, s.need); }))
                continue;
            const double seconds = travel.stationToIncident[u.station * travel.incidents + i] /
                                   routing::vehicleSpeedFactor(u.type);
            if (!best || seconds < *best)
                best = seconds;
        }
        if (best)
            run.incidents[i].responseSeconds = options.callProcessingSeconds + options.turnoutSeconds + *best;
    }
    return summarize(run, targetSeconds);
}

} // namespace vigie::simulation
