#pragma once
// Fusion: reports of the same thing from several services become one incident. A report joins the incident
// whose reports are close enough in place and time and of a compatible type (core/feeds/taxonomy.h); every
// decision carries a confidence and a reason a desk can read. Desks split and merge by hand with entries
// ("fusion.split", "fusion.join"), undone by a "fusion.undo" entry; the state is a fold of those entries over
// the automatic decisions, so replaying the log gives the same incidents.
#include "log/entry.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <deque>
#include <limits>
#include <optional>
#include <unordered_map>
#include <vector>

namespace vigie::fusion {

struct FusionConfig
{
    double distanceM = 300.0;         ///< a report joins an incident having a report within this distance
    qint64 windowMs = 15 * 60 * 1000; ///< … and within this time of it
    /// Below this confidence a report starts its own incident rather than joining.
    double minConfidence = 0.35;
    /// What fusion remembers: the reports of this long behind the newest (by their own time), and the
    /// incidents they are in. An incident none of whose reports is as recent is forgotten: a later report of
    /// it is placed as a new one would be. It bounds the memory of a room fed for days (about 400 bytes per
    /// report remembered); the window above needs only twice its own length.
    qint64 memoryMs = defaultMemoryMs;
    static constexpr qint64 defaultMemoryMs = 6 * 3600 * 1000;
};

/// One report as fusion sees it.
struct Observation
{
    QString id;     ///< unique (entry id or source id)
    QString source; ///< feed or agency, shown in reasons
    QString type;   ///< one of our types (feeds::typeFromCode)
    GeoPoint where;
    Timestamp time;
    QString incident; ///< the incident the report names in the picture (its source's id), if any
};

/// What fusion decided for one report.
struct FusionDecision
{
    QString observation;
    QString incident;        ///< the incident it belongs to (new or existing)
    bool merged = false;     ///< joined an existing incident
    double confidence = 1.0; ///< of the merge (1 for a new incident)
    QString reason;          ///< "3 reports within 180 m and 6 min: …"
    QString from;            ///< the incident the report names…
    QString into;            ///< … and the incident of the fused incident's first report
    bool known = false;      ///< the report's incident was placed before: it follows, no new decision
    // What the reason says, as numbers and lists, for screens that word it in their own language (merges).
    int reports = 0;         ///< reports in the incident, this one included
    qint64 extentM = 0;      ///< the farthest of its last reports from this one, rounded up to 10 m
    qint64 spanMs = 0;       ///< from its first report to its last
    qint64 nearestM = 0;     ///< the nearest compatible report…
    qint64 nearestGapMs = 0; ///< … and how long before or after this one
    QStringList types;       ///< our types among its last reports, sorted
    QStringList sources;     ///< their sources, sorted
};

/// The reports of one fused incident.
struct FusedIncident
{
    QString id;
    std::vector<QString> observations;
    QString type;
    GeoPoint centre;
    Timestamp first;
    Timestamp last;
};

/// The report a feed entry makes (incident.open/update with a place and a type); nullopt for entries that
/// describe no incident report (positions, hospital status, notes without a place). Its incident is the
/// one its source named ("source_incident" once fusion has pointed it at the fused incident).
[[nodiscard]] std::optional<Observation> observationOf(const Entry &entry);

class Fuser
{
public:
    explicit Fuser(FusionConfig config = {});

    /// Places one report (reports are expected roughly in time order; late ones are still matched within
    /// the window).
    FusionDecision observe(const Observation &observation);

    /// Applies a manual entry: "fusion.split" {observation}, "fusion.join" {incident, into},
    /// "fusion.undo" {undoes: entry id}. Other kinds are ignored. Fails on an unknown reference.
    [[nodiscard]] Result<void> apply(const Entry &entry);

    /// Whether a desk split the reports of this (source's) incident out of the incident fusion put them in:
    /// its later reports stay on their own.
    [[nodiscard]] bool isSplitOut(const QString &incident) const;

    /// Where a source's close of its own incident goes (incident.close naming it).
    struct CloseTarget
    {
        QString incident;    ///< the incident its reports are in: a fused incident's first, or its own
        int openSources = 0; ///< the other sources of that incident that have not closed theirs
    };
    /// Notes that a source closed its incident; nothing if fusion never placed a report of it. A fused
    /// incident is over when the last of its sources closes: until then its close only says that this one
    /// has. A source that reports again is open again.
    std::optional<CloseTarget> close(const QString &sourceIncident);
    /// The incident a report is in now (after manual corrections); empty for a report fusion does not
    /// remember (FusionConfig::memoryMs).
    [[nodiscard]] QString incidentOf(const QString &observation) const;
    /// The incidents of the reports fusion remembers.
    [[nodiscard]] std::vector<FusedIncident> incidents() const;
    /// How much fusion holds now: reports and incidents remembered (for tests and benchmarks).
    [[nodiscard]] std::size_t reportsRemembered() const { return m_observations.size(); }
    [[nodiscard]] std::size_t incidentsRemembered() const { return m_clusters.size(); }
    /// Reports whose time is before this are forgotten (the clock fusion keeps, see advanceClock).
    [[nodiscard]] qint64 horizon() const { return m_clock - m_config.memoryMs; }
    [[nodiscard]] const FusionConfig &config() const { return m_config; }

    /// Draft entries: an automatic merge decision, and the desk's corrections.
    [[nodiscard]] static Entry decisionEntry(const FusionDecision &decision, const Observation &observation);

private:
    struct Cluster
    {
        QString id;
        std::deque<qint64> members; ///< the reports remembered, oldest first (serials, see m_observations)
        int reports = 0;            ///< every report it was given, forgotten ones included
        QString type;
        QString lead;          ///< picture incident of the first report
        QSet<QString> sources; ///< the picture incidents of its reports
        int openSources = 0;   ///< those of them their source has not closed (or has reported on since)
        double sumLon = 0, sumLat = 0;
        Timestamp first, last;
    };
    struct ManualOp
    {
        QUuid entry;
        QString kind;
        QString a, b; ///< join: incident, into; split: the report, its picture incident
        bool undone = false;
    };
    [[nodiscard]] const Observation &observationAt(qint64 serial) const
    {
        return m_observations[std::size_t(serial - m_firstSerial)];
    }
    [[nodiscard]] int clusterAt(qint64 serial) const
    {
        return m_clusterOf[std::size_t(serial - m_firstSerial)];
    }
    [[nodiscard]] QString autoIncidentOf(qint64 serial) const;
    [[nodiscard]] QString clusterIdOf(const QString &incident) const;
    void rebuildOverrides();
    [[nodiscard]] qint64 cellKey(double x, double y) const;
    /// Moves fusion's clock to a report's time, by at most an hour at a time: one report dated far ahead (a
    /// sender's clock) does not make fusion forget everything it holds.
    void advanceClock(qint64 time);
    /// Forgets the reports before horizon(), and the incidents left without any.
    void forget();
    void addMember(int cluster, qint64 serial);

    FusionConfig m_config;
    /// The reports remembered, in the order given; the first has serial m_firstSerial.
    std::deque<Observation> m_observations;
    std::deque<int> m_clusterOf; ///< per report remembered: its cluster's number
    qint64 m_firstSerial = 0;
    qint64 m_clock = std::numeric_limits<qint64>::min() / 2;
    std::unordered_map<int, Cluster> m_clusters; ///< by number (node-based: references stay valid)
    int m_nextCluster = 0;
    QHash<QString, qint64> m_observationIndex; ///< report id → serial
    QHash<QString, int> m_clusterIndex;        ///< cluster id → number
    /// Spatial grid of recent reports (cell of distanceM): cell → serials.
    QHash<qint64, std::vector<qint64>> m_grid;
    /// Picture incident → cluster: later reports about an incident already placed follow it.
    QHash<QString, int> m_incidentCluster;
    std::vector<ManualOp> m_manual;
    QHash<QString, QString> m_override; ///< observation → incident after manual ops
    QHash<QString, QString> m_joined;   ///< incident → incident it was joined into
    QHash<QString, QString> m_splitOf;  ///< source incident split out by a desk → its incident since
    QSet<QString> m_closed; ///< source incidents their source closed (and has not reported on since)
    /// Source incident → its reports (serials), kept once a desk has split one out.
    QHash<QString, std::vector<qint64>> m_byIncident;
    bool m_byIncidentKept = false;
};

} // namespace vigie::fusion
