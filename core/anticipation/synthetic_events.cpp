#include "anticipation/synthetic_events.h"

#include "anticipation/staffing.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <random>

namespace vigie::anticipation {

namespace {

struct Venue
{
    QString id;
    QString name;
    GeoPoint at;
    double capacity = 0;
};

std::vector<Venue> cityVenues()
{
    QFile f(QStringLiteral(":/vigie/marseille/venues.geojson"));
    std::vector<Venue> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QJsonArray features =
        QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("features")).toArray();
    for (const QJsonValue &v : features) {
        const QJsonObject p = v.toObject().value(QLatin1String("properties")).toObject();
        const QJsonArray c = v.toObject()
                                 .value(QLatin1String("geometry"))
                                 .toObject()
                                 .value(QLatin1String("coordinates"))
                                 .toArray();
        out.push_back({p.value(QLatin1String("id")).toString(), p.value(QLatin1String("name")).toString(),
                       GeoPoint{c.at(0).toDouble(), c.at(1).toDouble()},
                       p.value(QLatin1String("capacity")).toDouble(0)});
    }
    return out;
}

struct TypePlan
{
    const char *type;
    std::vector<const char *> venues;
    double minAttendance, maxAttendance;
    std::vector<int> startHours; ///< local hours the event may start at
    int hours;                   ///< duration
};

const std::vector<TypePlan> &typePlans()
{
    static const std::vector<TypePlan> plans{
        {"match",
         {"venue-velodrome", "venue-stade-delort", "venue-palais-omnisports"},
         3000,
         65000,
         {14, 15, 17, 19, 21},
         3},
        {"concert",
         {"venue-dome", "venue-silo", "venue-palais-des-sports", "venue-friche"},
         800,
         8500,
         {16, 19, 20, 21},
         3},
        {"market", {"venue-canebiere", "venue-vieux-port"}, 500, 6000, {7, 8, 9, 13}, 5},
        {"demonstration",
         {"venue-gare-saint-charles", "venue-canebiere", "venue-vieux-port"},
         300,
         20000,
         {10, 11, 14, 15},
         3},
        {"festival",
         {"venue-plages-prado", "venue-parc-chanot", "venue-pharo", "venue-mucem"},
         1000,
         30000,
         {10, 15, 19},
         6},
    };
    return plans;
}

/// Hot centres of the background (the old centre, the station, the beaches, a northern estate).
const std::vector<GeoPoint> &hotCentres()
{
    static const std::vector<GeoPoint> c{
        {5.3770, 43.2960}, {5.3810, 43.3030}, {5.3730, 43.2610}, {5.4040, 43.3430}};
    return c;
}

GeoPoint offsetMetres(GeoPoint p, double east, double north)
{
    constexpr double r = 6371008.8;
    const double k = 180.0 / std::numbers::pi;
    return {p.lon + east / (r * std::cos(p.lat / k)) * k, p.lat + north / r * k};
}

} // namespace

const std::map<QString, double> &syntheticTruth()
{
    static const std::map<QString, double> truth{{QStringLiteral("intercept"), -3.0},
                                                 {QStringLiteral("log_attendance"), 0.55},
                                                 {QStringLiteral("type:concert"), -0.6},
                                                 {QStringLiteral("type:market"), -0.9},
                                                 {QStringLiteral("type:demonstration"), 0.2},
                                                 {QStringLiteral("type:festival"), -0.3},
                                                 {QStringLiteral("band:afternoon"), 0.2},
                                                 {QStringLiteral("band:evening"), 0.5},
                                                 {QStringLiteral("weekend"), 0.25}};
    return truth;
}

double syntheticTheta()
{
    return SyntheticOptions{}.theta;
}

SyntheticHistory generateSyntheticHistory(const SyntheticOptions &o)
{
    std::mt19937_64 rng(o.seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::normal_distribution<double> gauss(0.0, 1.0);
    const QTimeZone paris("Europe/Paris");
    const std::vector<Venue> venues = cityVenues();
    const auto venue = [&](const char *id) {
        return *std::find_if(venues.begin(), venues.end(),
                             [&](const Venue &v) { return v.id == QLatin1String(id); });
    };
    const std::map<QString, double> &truth = syntheticTruth();
    const auto coef = [&](const QString &name) {
        const auto it = truth.find(name);
        return it == truth.end() ? 0.0 : it->second;
    };
    SyntheticHistory h;
    const QDate lastDay = QDateTime::fromMSecsSinceEpoch(o.end.msecs, paris).date().addDays(-1);
    const QDate firstDay = lastDay.addDays(-(o.events - 1));
    for (int i = 0; i < o.events; ++i) {
        const TypePlan &plan = typePlans()[size_t(rng() % typePlans().size())];
        const Venue v = venue(plan.venues[size_t(rng() % plan.venues.size())]);
        const double maxAtt = v.capacity > 0 ? std::min(plan.maxAttendance, v.capacity) : plan.maxAttendance;
        const double att = std::round(std::exp(
            std::log(plan.minAttendance) + unit(rng) * (std::log(maxAtt) - std::log(plan.minAttendance))));
        const int hour = plan.startHours[size_t(rng() % plan.startHours.size())];
        const QDate day = firstDay.addDays(i);
        const QDateTime start(day, QTime(hour, 0), paris);
        PlannedEvent e;
        e.id = QStringLiteral("evt:synth-%1-%2").arg(o.seed).arg(i + 1, 4, 10, QLatin1Char('0'));
        e.type = QString::fromLatin1(plan.type);
        // Titles as a French calendar writes them ("Marché — Vieux-Port"): they are shown as they are.
        static const std::map<QString, QString> french{
            {QStringLiteral("match"), QStringLiteral("Match")},
            {QStringLiteral("concert"), QStringLiteral("Concert")},
            {QStringLiteral("market"), QStringLiteral("Marché")},
            {QStringLiteral("demonstration"), QStringLiteral("Manifestation")},
            {QStringLiteral("festival"), QStringLiteral("Festival")},
            {QStringLiteral("ceremony"), QStringLiteral("Cérémonie")}};
        const auto word = french.find(e.type);
        e.title = QStringLiteral("%1 — %2").arg(word == french.end() ? e.type : word->second, v.name);
        e.venue = v.name;
        e.start = Timestamp::fromDateTime(start);
        e.end = Timestamp::fromDateTime(start.addSecs(plan.hours * 3600));
        e.attendance = qint64(att);
        e.geo = Geometry::point(v.at);
        const EventFeatures f = featuresOf(e, paris);
        const double eta =
            coef(QStringLiteral("intercept")) + coef(QStringLiteral("log_attendance")) * std::log1p(att) +
            coef(QStringLiteral("type:") + f.type) + coef(QStringLiteral("band:") + hourBandId(f.hourBand)) +
            (f.weekend ? coef(QStringLiteral("weekend")) : 0.0);
        const double mu = std::exp(eta);
        std::gamma_distribution<double> gamma(o.theta, mu / o.theta);
        std::poisson_distribution<int> poisson(gamma(rng));
        const int n = poisson(rng);
        h.events.push_back(e);
        h.trueMean.push_back(mu);
        h.drawn.push_back(n);
        for (int k = 0; k < n; ++k) {
            // Within 300 m of the venue (well inside the 500 m attribution radius), inside the window.
            const double r = 300.0 * std::sqrt(unit(rng)), a = 2 * std::numbers::pi * unit(rng);
            const qint64 t = e.start.msecs + qint64(unit(rng) * double(e.end.msecs - e.start.msecs));
            h.incidents.push_back({Timestamp{t}, offsetMetres(v.at, r * std::cos(a), r * std::sin(a))});
        }
    }
    if (o.backgroundPerWeek > 0) {
        const qint64 from = Timestamp::fromDateTime(QDateTime(firstDay, QTime(0, 0), paris)).msecs;
        const qint64 to = Timestamp::fromDateTime(QDateTime(lastDay.addDays(1), QTime(0, 0), paris)).msecs;
        const double weeks = double(to - from) / (7 * 86400'000.0);
        std::poisson_distribution<int> count(o.backgroundPerWeek * weeks);
        const int n = count(rng);
        for (int k = 0; k < n; ++k) {
            // Hour-of-week profile by rejection: evenings and weekends twice as likely as the small hours.
            qint64 t = 0;
            for (;;) {
                t = from + qint64(unit(rng) * double(to - from));
                const QDateTime local = QDateTime::fromMSecsSinceEpoch(t, paris);
                const int hr = local.time().hour();
                double weight = hr < 6 ? 0.35 : hr < 12 ? 0.6 : hr < 18 ? 0.8 : 1.0;
                if (local.date().dayOfWeek() >= 6)
                    weight = std::min(1.0, weight * 1.2);
                if (unit(rng) < weight)
                    break;
            }
            GeoPoint at;
            if (unit(rng) < 0.6) {
                const GeoPoint c = hotCentres()[size_t(rng() % hotCentres().size())];
                at = offsetMetres(c, 450.0 * gauss(rng), 450.0 * gauss(rng));
            } else {
                at = {5.33 + unit(rng) * 0.12, 43.24 + unit(rng) * 0.12};
            }
            h.incidents.push_back({Timestamp{t}, at});
        }
    }
    std::stable_sort(h.incidents.begin(), h.incidents.end(),
                     [](const IncidentPoint &a, const IncidentPoint &b) { return a.time < b.time; });
    return h;
}

std::vector<Entry> syntheticEntries(const SyntheticHistory &history)
{
    struct Timed
    {
        Timestamp at;
        Entry entry;
    };
    std::vector<Timed> all;
    for (const PlannedEvent &e : history.events) {
        Entry d;
        d.kind = QStringLiteral("event.plan");
        d.eventTime = Timestamp{e.start.msecs - 14 * 86400'000LL}; // planned two weeks ahead
        d.author = QStringLiteral("Calendrier synthétique");
        d.role = QStringLiteral("operator");
        d.agency = QStringLiteral("officials");
        d.geo = e.geo;
        d.data = QJsonObject{
            {QStringLiteral("event"), e.id},        {QStringLiteral("title"), e.title},
            {QStringLiteral("type"), e.type},       {QStringLiteral("start"), e.start.toIso()},
            {QStringLiteral("end"), e.end.toIso()}, {QStringLiteral("attendance"), double(e.attendance)},
            {QStringLiteral("venue"), e.venue},     {QStringLiteral("source"), QStringLiteral("synthetic")}};
        all.push_back({d.eventTime, std::move(d)});
    }
    int n = 0;
    for (const IncidentPoint &i : history.incidents) {
        Entry d;
        d.kind = QStringLiteral("incident.open");
        d.eventTime = i.time;
        d.author = QStringLiteral("CIC Police 13 (synthétique)");
        d.role = QStringLiteral("operator");
        d.agency = QStringLiteral("police");
        d.geo = Geometry::point(i.at);
        d.data = QJsonObject{
            {QStringLiteral("incident"), QStringLiteral("SYN-%1").arg(++n, 6, 10, QLatin1Char('0'))},
            {QStringLiteral("type"), QStringLiteral("public_order")},
            {QStringLiteral("severity"), 1}};
        // Closed 40 minutes later, so that the room's picture is not thousands of open incidents.
        Entry close = d;
        close.kind = QStringLiteral("incident.close");
        close.eventTime = Timestamp{i.time.msecs + 40 * 60'000};
        close.geo = {};
        close.data = QJsonObject{{QStringLiteral("incident"), d.data.value(QLatin1String("incident"))}};
        all.push_back({d.eventTime, std::move(d)});
        all.push_back({close.eventTime, std::move(close)});
    }
    std::stable_sort(all.begin(), all.end(), [](const Timed &a, const Timed &b) { return a.at < b.at; });
    std::vector<Entry> out;
    out.reserve(all.size());
    for (Timed &t : all)
        out.push_back(std::move(t.entry));
    return out;
}

} // namespace vigie::anticipation
