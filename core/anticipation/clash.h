#pragma once
// The clash check of the calendar: which planned events get in each other's way, and which cut a fire
// station or a hospital off the road network.
//
// Rule 1, two events: they clash when their time windows, each widened by its type's margins (before: set-up
// and arrival of the public; after: its departure and dismantling), overlap AND their places come closer than
// the sum of their types' buffers. Places are measured as geometries, not centres: a route is a polyline
// (distance to its segments), an area a polygon (0 inside). Boost.Geometry does the measuring in a local
// plane (an equirectangular projection at the pair's latitude, off by less than 0.1 % across a city).
//
// Rule 2, access: an event of a blocking type (roadworks, closure, demonstration) takes out of the road
// network every edge within cover_m of its geometry. A fire station or hospital near those edges is then
// checked on the network without them (routing/road_graph.h, forward Dijkstra from the site's road): cut off
// when none of the probe points around it (probe_count points at probe_radius_m, snapped to the roads) can be
// reached any more; slowed when the time to one of them grows by more than slowdown_ratio and slowdown_min_s.
//
// Rules and thresholds: data/anticipation/clash_rules.json (compiled in; another file may replace it).
#include "picture/planned_events.h"
#include "routing/road_network.h"

#include <map>
#include <vector>

namespace vigie::anticipation {

struct TypeRule
{
    double bufferMeters = 200.0;
    qint64 marginBeforeMinutes = 60;
    qint64 marginAfterMinutes = 30;
};

struct ClashRules
{
    std::map<QString, TypeRule> types; ///< by planned event type; "other" for a type not listed
    QStringList blockingTypes{QStringLiteral("roadworks"), QStringLiteral("closure"),
                              QStringLiteral("demonstration")};
    double coverMeters = 8.0;
    double siteRadiusMeters = 1500.0;
    double probeRadiusMeters = 1200.0;
    int probeCount = 12;
    double slowdownRatio = 0.3;
    double slowdownMinSeconds = 45.0;

    [[nodiscard]] TypeRule rule(const QString &type) const;
    /// The compiled-in rules (data/anticipation/clash_rules.json).
    [[nodiscard]] static ClashRules defaults();
    /// Rules from a file of the same shape; the error names the file and the field.
    [[nodiscard]] static Result<ClashRules> load(const QString &path);
    [[nodiscard]] static Result<ClashRules> fromJson(const QByteArray &json, const QString &source);
};

/// A fire station or a hospital whose access the calendar must not cut.
struct Site
{
    QString id;
    QString name;
    QString kind; ///< fire_station or hospital
    GeoPoint position;
};

struct Clash
{
    enum class Kind
    {
        Overlap,      ///< two events at the same time, too close
        AccessCut,    ///< a blocking event cuts a site off the network
        AccessSlowed, ///< a blocking event lengthens the way out of a site
        OffNetwork,   ///< a blocking event covers no road: its geometry is not on a street (bad input)
    };
    Kind kind = Kind::Overlap;
    QString event;                      ///< the (first) event's id
    QString other;                      ///< the other event's id, or the site's id
    QString otherTitle;                 ///< the other event's title, or the site's name
    Timestamp overlapStart, overlapEnd; ///< when both weigh (widened windows); for a site, the event's window
    double distanceMeters = 0.0;        ///< between the two places (Overlap)
    double extraSeconds = 0.0;          ///< AccessSlowed: the largest increase of a travel time
    double extraRatio = 0.0;            ///< AccessSlowed: that increase over the time before
    QString reason;                     ///< in words, in the UI's language
};

/// Distance in metres between two geometries (0 when they touch or one contains the other).
[[nodiscard]] double geometryDistanceMeters(const Geometry &a, const Geometry &b);

/// Rule 1 over every pair of events.
[[nodiscard]] std::vector<Clash> findOverlaps(const std::vector<PlannedEvent> &events,
                                              const ClashRules &rules);

/// Rule 2 for every blocking event against every site, on `network`.
[[nodiscard]] std::vector<Clash> findAccessBlocks(const std::vector<PlannedEvent> &events,
                                                  const std::vector<Site> &sites,
                                                  const routing::RoadNetwork &network,
                                                  const ClashRules &rules);

/// Both rules, the events of a calendar in start order; sites and network may be empty (rule 2 skipped).
[[nodiscard]] std::vector<Clash> findClashes(const std::map<QString, PlannedEvent> &calendar,
                                             const ClashRules &rules, const std::vector<Site> &sites = {},
                                             const routing::RoadNetwork *network = nullptr);

/// The fire stations and hospitals of a GeoJSON FeatureCollection (properties id, name, kind).
[[nodiscard]] Result<std::vector<Site>> sitesFromGeoJson(const QByteArray &json, const QString &source,
                                                         const QString &defaultKind);
/// Marseille's compiled-in fire stations and hospitals (data/marseille/).
[[nodiscard]] std::vector<Site> marseilleSites();

} // namespace vigie::anticipation
