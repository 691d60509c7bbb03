#pragma once
// A fixed, realistic workload for the log benchmarks: what a busy evening of the crisis cell writes.
// Mostly unit positions (GPS fixes of the fleet), then unit statuses, notes, incident traffic and
// decisions; ~200 bytes per stored entry. Deterministic (fixed seed) so runs compare.
#include "log/entry.h"
#include "store/sqlite_log_store.h"

#include <QTemporaryDir>

#include <random>
#include <vector>

namespace vigie::bench {

inline constexpr qint64 startMs = 1784055600000; // 2026-07-14T19:00:00Z

/// `count` drafts with event times ~50 ms apart (1% reported up to a minute late).
inline std::vector<Entry> makeDrafts(std::size_t count, unsigned seed = 42)
{
    static const char *agencies[] = {"fire", "samu", "police"};
    static const char *types[] = {"VSAV", "FPT", "EPA", "CCF", "SMUR", "PS"};
    static const char *statuses[] = {"available", "en_route", "on_scene", "returning", "unavailable"};
    static const char *notes[] = {
        "Rassemblement signalé devant l'entrée sud, flux piéton dense vers le rond-point",
        "Le PC de site demande un point de situation toutes les 15 minutes",
        "Circulation coupée boulevard Michelet entre Rabatau et Ganay",
        "Renfort police municipale arrivé sur le Prado, 6 agents",
    };
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> lon(5.30, 5.48), lat(43.21, 43.37), unit01(0.0, 1.0);
    std::vector<Entry> out;
    out.reserve(count);
    qint64 t = startMs;
    for (std::size_t i = 0; i < count; ++i) {
        t += 1 + qint64(rng() % 100);
        Entry e;
        e.eventTime = Timestamp{unit01(rng) < 0.01 ? t - qint64(rng() % 60000) : t};
        e.recordTime = Timestamp{t + 200};
        const char *agency = agencies[rng() % 3];
        e.agency = QLatin1String(agency);
        e.author = QStringLiteral("desk-%1-%2").arg(QLatin1String(agency)).arg(rng() % 4);
        e.role = QStringLiteral("operator");
        const int unit = int(rng() % 400);
        const QString unitId = QStringLiteral("%1-%2").arg(QLatin1String(types[unit % 6])).arg(unit);
        const double r = unit01(rng);
        if (r < 0.70) {
            e.kind = QStringLiteral("unit.position");
            e.geo = Geometry::point({lon(rng), lat(rng)});
            e.data = {{QStringLiteral("unit"), unitId},
                      {QStringLiteral("speed_kmh"), int(rng() % 90)},
                      {QStringLiteral("heading"), int(rng() % 360)}};
        } else if (r < 0.85) {
            e.kind = QStringLiteral("unit.status");
            e.data = {{QStringLiteral("unit"), unitId},
                      {QStringLiteral("status"), QLatin1String(statuses[rng() % 5])},
                      {QStringLiteral("incident"), QStringLiteral("INC-%1").arg(rng() % 60)}};
        } else if (r < 0.93) {
            e.kind = QStringLiteral("note");
            e.data = {{QStringLiteral("text"), QString::fromUtf8(notes[rng() % 4])}};
        } else if (r < 0.98) {
            const int incident = int(rng() % 60);
            const int what = int(rng() % 10);
            e.kind = what < 3
                         ? QStringLiteral("incident.open")
                         : (what < 9 ? QStringLiteral("incident.update") : QStringLiteral("incident.close"));
            e.geo = Geometry::point({lon(rng), lat(rng)});
            e.data = {
                {QStringLiteral("incident"), QStringLiteral("INC-%1").arg(incident)},
                {QStringLiteral("type"), QStringLiteral("malaise")},
                {QStringLiteral("severity"), int(1 + rng() % 5)},
                {QStringLiteral("casualties"), QJsonObject{{QStringLiteral("red"), int(rng() % 3)},
                                                           {QStringLiteral("yellow"), int(rng() % 5)}}}};
        } else {
            e.kind = QStringLiteral("decision");
            e.data = {
                {QStringLiteral("text"), QStringLiteral("Engager un second VSAV sur INC-%1").arg(rng() % 60)},
                {QStringLiteral("incident"), QStringLiteral("INC-%1").arg(rng() % 60)}};
        }
        out.push_back(std::move(e));
    }
    return out;
}

/// A fresh room store in its own temporary folder.
struct TempStore
{
    QTemporaryDir dir;
    std::unique_ptr<SqliteLogStore> store;
    explicit TempStore(const QString &base = {})
        : dir(base.isEmpty() ? QDir::tempPath() + QStringLiteral("/vigie-bench-XXXXXX") : base)
    {
        auto created = SqliteLogStore::create(
            dir.filePath(QStringLiteral("bench.vigie")),
            {QStringLiteral("bench-room"), QStringLiteral("bench"), RoomMode::Live, Timestamp{startMs}});
        if (!created)
            qFatal("%s", qPrintable(created.error().message));
        store = std::move(*created);
    }
    [[nodiscard]] QString path() const { return dir.filePath(QStringLiteral("bench.vigie")); }
};

} // namespace vigie::bench
