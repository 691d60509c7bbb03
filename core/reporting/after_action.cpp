#include "reporting/after_action.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace vigie::reporting {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

void keepEarliest(std::optional<Timestamp> &slot, Timestamp t)
{
    if (!slot || t < *slot)
        slot = t;
}

void keepEarliest(std::map<QString, Timestamp> &slots, const QString &key, Timestamp t)
{
    auto [it, inserted] = slots.emplace(key, t);
    if (!inserted && t < it->second)
        it->second = t;
}

/// Services in the order a report lists them: the four of the room, then any other, then none.
int agencyRank(const QString &agency)
{
    static const QStringList order = {QStringLiteral("fire"), QStringLiteral("samu"),
                                      QStringLiteral("police"), QStringLiteral("officials")};
    const qsizetype i = order.indexOf(agency);
    return i >= 0 ? int(i) : (agency.isEmpty() ? 99 : 50);
}

/// The slice length that gives a chart at most about 48 bars: an hour, 2, 3, 6, 12 hours, then days.
qint64 bucketLength(qint64 spanMs)
{
    constexpr qint64 hour = 3600 * 1000;
    for (qint64 hours : {1, 2, 3, 6, 12, 24, 48, 168})
        if (spanMs <= 48 * hours * hour)
            return hours * hour;
    return 168 * hour * ((spanMs / (48 * 168 * hour)) + 1);
}

/// What the log says of one incident while it is read.
struct Track
{
    IncidentTiming timing;
    bool opened = false;
    std::optional<Timestamp> lastOpen;
    std::set<QString> units;
};

/// An action key of an inject: scenario, inject, action.
using ActionKey = std::tuple<QString, QString, QString>;

} // namespace

std::optional<qint64> IncidentTiming::engageMs() const
{
    if (!firstEngaged)
        return std::nullopt;
    return std::max<qint64>(0, firstEngaged->msecs - reported.msecs);
}

std::optional<qint64> IncidentTiming::arriveMs() const
{
    if (!firstOnScene)
        return std::nullopt;
    return std::max<qint64>(0, firstOnScene->msecs - reported.msecs);
}

std::optional<qint64> IncidentTiming::closeMs() const
{
    if (!closed)
        return std::nullopt;
    return std::max<qint64>(0, closed->msecs - reported.msecs);
}

DurationStats durationStats(std::vector<qint64> values)
{
    DurationStats s;
    s.count = int(values.size());
    if (values.empty())
        return s;
    // Nearest rank, exact: a report has at most some thousands of values, sorting them is immediate, and
    // exact ranks are what a reader can check by hand in the incident table (an estimator such as
    // Boost.Accumulators' P² would not be).
    std::sort(values.begin(), values.end());
    auto rank = [&](double p) {
        const auto r = std::size_t(std::ceil(p * double(values.size())));
        return values[std::clamp<std::size_t>(r, 1, values.size()) - 1];
    };
    s.medianMs = rank(0.5);
    s.p90Ms = rank(0.9);
    s.maxMs = values.back();
    return s;
}

bool isChronologyEntry(const Entry &entry)
{
    const QString &kind = entry.kind;
    if (kind == QLatin1String("unit.status"))
        return !str(entry.data, "incident").isEmpty();
    return kind != QLatin1String("unit.position") && kind != QLatin1String("suggestion") &&
           kind != QLatin1String("conflict");
}

QStringList objectivesOf(const Entry &entry)
{
    QStringList out;
    const QJsonValue objectives = entry.data.value(QLatin1String("objectives"));
    if (objectives.isArray() && entry.kind.startsWith(QLatin1String("exercise."))) {
        for (const QJsonValue &v : objectives.toArray()) {
            const QString text = v.isObject() ? str(v.toObject(), "text") : v.toString();
            if (!text.trimmed().isEmpty())
                out << text.trimmed();
        }
        return out;
    }
    if (entry.kind != QLatin1String("decision") && entry.kind != QLatin1String("note"))
        return out;
    const QString text = str(entry.data, "text").trimmed();
    if (text.isEmpty())
        return out;
    bool tagged = entry.data.value(QLatin1String("objective")).toBool();
    for (const QJsonValue &tag : entry.data.value(QLatin1String("tags")).toArray()) {
        const QString t = tag.toString().toLower();
        tagged = tagged || t == QLatin1String("objectif") || t == QLatin1String("objective") ||
                 t == QLatin1String("objectifs");
    }
    tagged = tagged || text.startsWith(QLatin1String("Objectif"), Qt::CaseInsensitive);
    if (tagged)
        out << text;
    return out;
}

Result<AfterAction> buildAfterAction(const LogStore &store, const AfterActionOptions &options)
{
    AfterAction report;
    report.room = store.room();
    report.period = options.period;
    const Period &period = options.period;

    std::map<QString, Track> tracks;
    std::map<QString, QString> unitAgency; // a unit's agency, from its statuses and positions
    std::map<std::pair<QString, QString>, std::size_t> injectIndex;
    std::map<ActionKey, std::pair<qint64, Entry>> checks; // the latest check of each action
    std::vector<Entry> chronology;
    std::set<QString> scenarios;
    const qint64 total = store.lastSeq();
    qint64 read = 0;
    bool anyInPeriod = false;

    EntryQuery query;
    query.until = period.to; // what follows the period cannot be in it; what precedes tells what was open
    auto visited = store.read(query, [&](const Entry &e) {
        if (options.progress && ++read % 4096 == 0)
            options.progress(e.seq, total);
        const bool inPeriod = period.contains(e.eventTime);
        const QString incident = str(e.data, "incident");
        if (e.kind == QLatin1String("incident.open") || e.kind == QLatin1String("incident.update")) {
            if (!incident.isEmpty()) {
                Track &t = tracks[incident];
                t.timing.id = incident;
                if (const QString v = str(e.data, "title"); !v.isEmpty())
                    t.timing.title = v;
                if (const QString v = str(e.data, "type"); !v.isEmpty())
                    t.timing.type = v;
                if (e.data.contains(QLatin1String("severity")))
                    t.timing.severity =
                        std::max(t.timing.severity, e.data.value(QLatin1String("severity")).toInt(1));
                if (e.kind == QLatin1String("incident.open")) {
                    if (!t.opened || e.eventTime < t.timing.reported) {
                        t.timing.reported = e.eventTime;
                        t.timing.agency = e.agency;
                    }
                    t.opened = true;
                    if (!t.lastOpen || e.eventTime > *t.lastOpen)
                        t.lastOpen = e.eventTime;
                }
            }
        } else if (e.kind == QLatin1String("incident.close") && !incident.isEmpty()) {
            // A fused incident closes with its last source (docs/entries.md): until then it stays open.
            if (e.data.value(QLatin1String("open_sources")).toInt(0) == 0) {
                Track &t = tracks[incident];
                t.timing.id = incident;
                if (!t.timing.closed || e.eventTime > *t.timing.closed)
                    t.timing.closed = e.eventTime;
            }
        } else if (e.kind == QLatin1String("unit.status")) {
            const QString unit = str(e.data, "unit");
            if (!e.agency.isEmpty())
                unitAgency[unit] = e.agency;
            const QString status = str(e.data, "status");
            const bool onScene = status == QLatin1String("on_scene");
            if (!incident.isEmpty() && (onScene || status == QLatin1String("en_route"))) {
                Track &t = tracks[incident];
                t.timing.id = incident;
                const QString agency = unitAgency[unit];
                const QString name = str(e.data, "callsign").isEmpty() ? unit : str(e.data, "callsign");
                if (!t.timing.firstEngaged || e.eventTime < *t.timing.firstEngaged) {
                    t.timing.firstEngaged = e.eventTime;
                    t.timing.firstEngagedUnit = name;
                }
                keepEarliest(t.timing.engagedByAgency, agency, e.eventTime);
                if (onScene) {
                    if (!t.timing.firstOnScene || e.eventTime < *t.timing.firstOnScene) {
                        t.timing.firstOnScene = e.eventTime;
                        t.timing.firstOnSceneUnit = name;
                    }
                    keepEarliest(t.timing.onSceneByAgency, agency, e.eventTime);
                }
                t.units.insert(unit);
            }
        } else if (e.kind == QLatin1String("unit.position")) {
            if (!e.agency.isEmpty())
                unitAgency.try_emplace(str(e.data, "unit"), e.agency);
        }

        if (!inPeriod)
            return true;
        if (!anyInPeriod || e.eventTime < report.first)
            report.first = e.eventTime;
        if (!anyInPeriod || e.eventTime > report.last)
            report.last = e.eventTime;
        anyInPeriod = true;
        ++report.entriesRead;
        ++report.kindCounts[e.kind];
        if (isChronologyEntry(e))
            chronology.push_back(e);
        else
            ++report.notInChronology[e.kind];
        if (e.kind == QLatin1String("decision"))
            report.decisions.push_back(
                {e.seq, e.eventTime, e.author, e.role, e.agency, str(e.data, "text"), incident});
        for (const QString &o : objectivesOf(e))
            if (!report.objectives.contains(o))
                report.objectives << o;
        if (e.kind.startsWith(QLatin1String("exercise."))) {
            if (const QString s = str(e.data, "scenario"); !s.isEmpty())
                scenarios.insert(s);
        }
        if (e.kind == QLatin1String("exercise.clock")) {
            const QString action = str(e.data, "action");
            if (action == QLatin1String("start"))
                keepEarliest(report.exerciseStart, e.eventTime);
            else if (action == QLatin1String("end") &&
                     (!report.exerciseEnd || e.eventTime > *report.exerciseEnd))
                report.exerciseEnd = e.eventTime;
        } else if (e.kind == QLatin1String("exercise.inject")) {
            InjectReport in;
            in.scenario = str(e.data, "scenario");
            in.inject = str(e.data, "inject");
            in.played = e.eventTime;
            in.exerciseMs = qint64(e.data.value(QLatin1String("t_ms")).toDouble());
            in.sender = str(e.data, "sender");
            in.recipient = str(e.data, "recipient");
            in.channel = str(e.data, "channel");
            in.summary = str(e.data, "summary");
            in.adHoc = e.data.value(QLatin1String("ad_hoc")).toBool();
            in.contingencyFor = str(e.data, "contingency_for");
            for (const QJsonValue &v : e.data.value(QLatin1String("expected")).toArray()) {
                const QJsonObject x = v.toObject();
                in.expected.push_back({str(x, "action"),
                                       str(x, "text"),
                                       qint64(x.value(QLatin1String("deadline_ms")).toDouble()),
                                       {},
                                       {},
                                       {}});
            }
            const auto key = std::make_pair(in.scenario, in.inject);
            if (auto it = injectIndex.find(key); it != injectIndex.end())
                report.injects[it->second] = std::move(in); // played again: the latest counts
            else {
                injectIndex.emplace(key, report.injects.size());
                report.injects.push_back(std::move(in));
            }
        } else if (e.kind == QLatin1String("exercise.check")) {
            const ActionKey key{str(e.data, "scenario"), str(e.data, "inject"), str(e.data, "action")};
            auto [it, inserted] = checks.try_emplace(key, e.seq, e);
            if (!inserted && e.seq > it->second.first)
                it->second = {e.seq, e};
        }
        return true;
    });
    if (!visited)
        return visited.error();
    if (options.progress)
        options.progress(total, total);

    // Checks go to their inject's expected action; a check of an action the inject did not list is kept too.
    for (const auto &[key, seqEntry] : checks) {
        const Entry &e = seqEntry.second;
        const auto &[scenario, inject, action] = key;
        auto it = injectIndex.find({scenario, inject});
        if (it == injectIndex.end()) {
            InjectReport in;
            in.scenario = scenario;
            in.inject = inject;
            in.played = e.eventTime;
            it = injectIndex.emplace(std::make_pair(scenario, inject), report.injects.size()).first;
            report.injects.push_back(std::move(in));
        }
        InjectReport &in = report.injects[it->second];
        auto a = std::find_if(in.expected.begin(), in.expected.end(),
                              [&action = action](const InjectAction &x) { return x.action == action; });
        if (a == in.expected.end()) {
            in.expected.push_back(
                {action, {}, qint64(e.data.value(QLatin1String("deadline_ms")).toDouble()), {}, {}, {}});
            a = in.expected.end() - 1;
        }
        a->status = str(e.data, "status");
        a->doneBy = str(e.data, "entry");
        a->checkedAt = e.eventTime;
    }
    std::stable_sort(report.injects.begin(), report.injects.end(),
                     [](const InjectReport &a, const InjectReport &b) { return a.played < b.played; });
    report.scenarios = QStringList(scenarios.begin(), scenarios.end());

    std::stable_sort(chronology.begin(), chronology.end(),
                     [](const Entry &a, const Entry &b) { return a.eventTime < b.eventTime; });
    if (qsizetype(chronology.size()) > options.chronologyLimit) {
        report.chronologyLeftOut = qint64(chronology.size()) - options.chronologyLimit;
        chronology.resize(std::size_t(options.chronologyLimit));
    }
    report.chronology = std::move(chronology);
    std::stable_sort(report.decisions.begin(), report.decisions.end(),
                     [](const DecisionItem &a, const DecisionItem &b) { return a.time < b.time; });

    // Incidents: those reported in the period are the report's; every one opened tells what was open when.
    std::vector<const IncidentTiming *> all;
    for (auto &[id, t] : tracks) {
        if (!t.opened)
            continue; // statuses naming an incident whose opening is not in the log (or after the period)
        if (t.lastOpen && t.timing.closed && *t.lastOpen > *t.timing.closed)
            t.timing.closed.reset(); // reported again after its close: open again
        t.timing.unitsEngaged = int(t.units.size());
        all.push_back(&t.timing);
        if (period.contains(t.timing.reported))
            report.incidents.push_back(t.timing);
    }
    std::stable_sort(
        report.incidents.begin(), report.incidents.end(),
        [](const IncidentTiming &a, const IncidentTiming &b) { return a.reported < b.reported; });

    // Response times, all services together and by service.
    std::map<QString, AgencyResponse> byAgency;
    std::vector<qint64> engageAll, arriveAll;
    for (const IncidentTiming &t : report.incidents) {
        if (auto v = t.engageMs())
            engageAll.push_back(*v);
        if (auto v = t.arriveMs())
            arriveAll.push_back(*v);
        for (const auto &[agency, when] : t.onSceneByAgency)
            byAgency[agency].arriveMs.push_back(std::max<qint64>(0, when.msecs - t.reported.msecs));
        for (const auto &[agency, when] : t.engagedByAgency)
            byAgency[agency].agency = agency;
    }
    AgencyResponse everyone;
    everyone.engage = durationStats(engageAll);
    everyone.arrive = durationStats(arriveAll);
    everyone.arriveMs = arriveAll;
    report.responses.push_back(std::move(everyone));
    std::vector<AgencyResponse> services;
    for (auto &[agency, r] : byAgency) {
        r.agency = agency;
        std::vector<qint64> engage;
        for (const IncidentTiming &t : report.incidents)
            if (auto it = t.engagedByAgency.find(agency); it != t.engagedByAgency.end())
                engage.push_back(std::max<qint64>(0, it->second.msecs - t.reported.msecs));
        r.engage = durationStats(std::move(engage));
        r.arrive = durationStats(r.arriveMs);
        services.push_back(std::move(r));
    }
    std::stable_sort(services.begin(), services.end(), [](const AgencyResponse &a, const AgencyResponse &b) {
        return agencyRank(a.agency) < agencyRank(b.agency);
    });
    for (auto &s : services)
        report.responses.push_back(std::move(s));

    // Open incidents over time, and the moment the most were open at once.
    if (anyInPeriod) {
        const Timestamp start = period.from.value_or(report.first);
        const Timestamp end = period.to.value_or(report.last);
        auto openAt = [&](Timestamp t) {
            return int(std::count_if(all.begin(), all.end(), [&](const IncidentTiming *i) {
                return i->reported <= t && (!i->closed || *i->closed > t);
            }));
        };
        // A sweep over openings and closes in time order: the count after each step is what was open then.
        std::vector<std::pair<qint64, int>> steps;
        for (const IncidentTiming *i : all) {
            steps.emplace_back(i->reported.msecs, +1);
            if (i->closed)
                steps.emplace_back(i->closed->msecs, -1);
        }
        std::sort(steps.begin(), steps.end()); // at one instant, closes (-1) before openings
        report.busiest = start;
        report.busiestOpen = openAt(start);
        int open = 0;
        for (const auto &[when, delta] : steps) {
            open += delta;
            if (delta > 0 && when >= start.msecs && when <= end.msecs && open > report.busiestOpen) {
                report.busiestOpen = open;
                report.busiest = Timestamp{when};
            }
        }
        const qint64 length = bucketLength(end.msecs - start.msecs);
        const qint64 first = start.msecs - (start.msecs % std::min<qint64>(length, 3600 * 1000));
        for (qint64 b = first; b <= end.msecs; b += length) {
            TimeBucket bucket{Timestamp{b}, length, 0, 0, 0};
            for (const IncidentTiming *i : all) {
                if (i->reported.msecs >= b && i->reported.msecs < b + length)
                    ++bucket.opened;
                if (i->closed && i->closed->msecs >= b && i->closed->msecs < b + length)
                    ++bucket.closed;
            }
            bucket.openAtEnd = openAt(Timestamp{std::min(b + length, end.msecs + 1) - 1});
            report.buckets.push_back(bucket);
        }
    }
    return report;
}

} // namespace vigie::reporting
