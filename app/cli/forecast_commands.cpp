// forecast: incidents to expect at a planned event (and the officers it needs), and where and when
// incidents are expected in the city; `forecast synth` writes a synthetic history to try them on.
#include "cli/cli.h"

#include "anticipation/hotspots.h"
#include "anticipation/staffing.h"
#include "anticipation/synthetic_events.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstdio>
#include <limits>

namespace vigie::cli {

namespace {

using namespace anticipation;

const QTimeZone &paris()
{
    static const QTimeZone zone("Europe/Paris");
    return zone;
}

std::optional<qint64> integerValue(const QString &name, const QString &value, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = value.toLongLong(&ok);
    if (!ok || v < min || v > max) {
        fail(QStringLiteral("--%1 \"%2\" is not an integer in %3–%4").arg(name, value).arg(min).arg(max));
        return std::nullopt;
    }
    return v;
}

void print(const QString &text)
{
    printLine(text.toUtf8());
}

QJsonArray ringJson(const std::vector<GeoPoint> &ring)
{
    QJsonArray a;
    for (const GeoPoint &p : ring)
        a.append(QJsonArray{p.lon, p.lat});
    return a;
}

Result<EventHistory> roomHistory(const QString &path)
{
    if (!path.startsWith(QLatin1String("postgresql://")) && !QFileInfo::exists(path))
        return Error{QStringLiteral("room %1 does not exist (create it with vigie-cli init, or fill it with "
                                    "vigie-cli forecast synth)")
                         .arg(path)};
    auto room = Room::open(path, clock());
    if (!room)
        return room.error();
    return readEventHistory((*room)->store());
}

int runSynth(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write a seeded synthetic history of planned events at Marseille venues (event.plan) with their "
        "incidents and a city-wide background (incident.open) into ROOM, created if it does not exist. "
        "The model it draws from: data/anticipation/README.md."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file or URL"));
    QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("random seed (default 1)"),
                            QStringLiteral("N"), QStringLiteral("1"));
    QCommandLineOption events(QStringLiteral("events"), QStringLiteral("events, one a day (default 200)"),
                              QStringLiteral("N"), QStringLiteral("200"));
    QCommandLineOption background(QStringLiteral("background"),
                                  QStringLiteral("incidents per week unrelated to events (default 150)"),
                                  QStringLiteral("N"), QStringLiteral("150"));
    QCommandLineOption end(QStringLiteral("end"),
                           QStringLiteral("the history ends the day before (default now)"),
                           QStringLiteral("ISO"));
    parser.addOptions({seed, events, background, end});
    int code = 0;
    if (!parse(parser, arguments, 1,
               QStringLiteral("usage: vigie-cli forecast synth ROOM [--seed N] [--events N] [--background N] "
                              "[--end ISO]"),
               &code))
        return code;
    SyntheticOptions o;
    const auto s =
        integerValue(QStringLiteral("seed"), parser.value(seed), 0, std::numeric_limits<qint64>::max());
    const auto n = integerValue(QStringLiteral("events"), parser.value(events), 1, 20000);
    const auto b = integerValue(QStringLiteral("background"), parser.value(background), 0, 100000);
    if (!s || !n || !b)
        return 1;
    o.seed = quint64(*s);
    o.events = int(*n);
    o.backgroundPerWeek = double(*b);
    o.end = clock().now();
    if (parser.isSet(end)) {
        const auto t = parseTimeOption(QStringLiteral("end"), parser.value(end));
        if (!t)
            return 1;
        o.end = *t;
    }
    const QString path = parser.positionalArguments().at(0);
    auto room = !path.startsWith(QLatin1String("postgresql://")) && !QFileInfo::exists(path)
                    ? Room::create(path, QStringLiteral("Marseille — historique synthétique"),
                                   RoomMode::Exercise, clock())
                    : Room::open(path, clock());
    if (!room)
        return fail(room.error().message);
    const SyntheticHistory h = generateSyntheticHistory(o);
    std::vector<Entry> drafts = syntheticEntries(h);
    const size_t total = drafts.size();
    for (size_t i = 0; i < drafts.size(); i += 5000) {
        std::vector<Entry> batch(
            std::make_move_iterator(drafts.begin() + qsizetype(i)),
            std::make_move_iterator(drafts.begin() + qsizetype(std::min(i + 5000, drafts.size()))));
        auto appended = (*room)->append(std::move(batch));
        if (!appended)
            return fail(QStringLiteral("%1 (after %2 of %3 entries)")
                            .arg(appended.error().message)
                            .arg(i)
                            .arg(total));
    }
    print(QStringLiteral("%1: %2 events (event.plan) and %3 incidents (incident.open) written, seed %4")
              .arg(path)
              .arg(h.events.size())
              .arg(h.incidents.size())
              .arg(o.seed));
    return 0;
}

QJsonObject staffingJson(const StaffingAnswer &a)
{
    QJsonArray coefficients, learned;
    for (const Coefficient &c : a.model.coefficients)
        coefficients.append(QJsonObject{{QStringLiteral("name"), c.name},
                                        {QStringLiteral("estimate"), c.estimate},
                                        {QStringLiteral("std_error"), c.stdError}});
    for (const LearnedEvent &e : a.model.learned)
        learned.append(QJsonObject{{QStringLiteral("event"), e.id},
                                   {QStringLiteral("title"), e.title},
                                   {QStringLiteral("attendance"), e.attendance},
                                   {QStringLiteral("observed"), e.observed},
                                   {QStringLiteral("fitted"), e.fitted}});
    const Prediction &p = a.prediction;
    return QJsonObject{{QStringLiteral("event"), a.eventId},
                       {QStringLiteral("title"), a.title},
                       {QStringLiteral("type"), a.event.type},
                       {QStringLiteral("attendance"), a.event.attendance},
                       {QStringLiteral("start"), a.start.toIso()},
                       {QStringLiteral("hour_band"), hourBandId(a.event.hourBand)},
                       {QStringLiteral("weekend"), a.event.weekend},
                       {QStringLiteral("expected"), p.expected},
                       {QStringLiteral("interval_80"), QJsonArray{p.lower80, p.upper80}},
                       {QStringLiteral("interval_95"), QJsonArray{p.lower95, p.upper95}},
                       {QStringLiteral("capacity"), a.capacity},
                       {QStringLiteral("officers"), a.officers},
                       {QStringLiteral("model"), a.model.family == Family::Poisson
                                                     ? QStringLiteral("poisson")
                                                     : QStringLiteral("negative_binomial")},
                       {QStringLiteral("theta"), a.model.theta},
                       {QStringLiteral("overdispersion"),
                        QJsonObject{{QStringLiteral("alpha"), a.model.dispersion.alpha},
                                    {QStringLiteral("std_error"), a.model.dispersion.stdError},
                                    {QStringLiteral("z"), a.model.dispersion.z}}},
                       {QStringLiteral("coefficients"), coefficients},
                       {QStringLiteral("learned_from"), learned}};
}

int runStaffing(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Incidents to expect at a planned event, with 80 % and 95 % predictive intervals, and the officers "
        "needed: 2 × ceil(upper 95 % bound / capacity), capacity = incidents one pair of officers handles "
        "during the event. Learns from the room's past events (event.plan) and the incidents opened within "
        "500 m of them from an hour before to an hour after (core/anticipation/staffing.h)."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file or URL"));
    QCommandLineOption event(QStringLiteral("event"), QStringLiteral("a planned event of the room"),
                             QStringLiteral("ID"));
    QCommandLineOption type(QStringLiteral("type"), QStringLiteral("type of a hypothetical event"),
                            QStringLiteral("T"));
    QCommandLineOption attendance(QStringLiteral("attendance"), QStringLiteral("its attendance"),
                                  QStringLiteral("N"));
    QCommandLineOption start(QStringLiteral("start"), QStringLiteral("its start (ISO-8601 with offset)"),
                             QStringLiteral("ISO"));
    QCommandLineOption risk(QStringLiteral("risk"), QStringLiteral("its risk class, if the history has them"),
                            QStringLiteral("R"));
    QCommandLineOption capacity(QStringLiteral("capacity"),
                                QStringLiteral("incidents one pair of officers handles (default 4)"),
                                QStringLiteral("K"), QString::number(defaultCapacity));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print JSON"));
    parser.addOptions({event, type, attendance, start, risk, capacity, json});
    int code = 0;
    const QString usage = QStringLiteral("usage: vigie-cli forecast staffing ROOM (--event ID | --type T "
                                         "--attendance N --start ISO [--risk R]) [--capacity K] [--json]");
    if (!parse(parser, arguments, 1, usage, &code))
        return code;
    const auto cap = integerValue(QStringLiteral("capacity"), parser.value(capacity), 1, 10000);
    if (!cap)
        return 1;
    const bool hypothetical = parser.isSet(type) || parser.isSet(attendance) || parser.isSet(start);
    if (parser.isSet(event) == hypothetical)
        return fail(QStringLiteral("give either --event ID or --type, --attendance and --start\n") + usage);
    std::optional<qint64> att;
    std::optional<Timestamp> at;
    qint64 riskClass = -1;
    if (hypothetical) {
        if (!parser.isSet(type) || !parser.isSet(attendance) || !parser.isSet(start))
            return fail(QStringLiteral("a hypothetical event needs --type, --attendance and --start"));
        if (!eventTypes().contains(parser.value(type)))
            return fail(QStringLiteral("--type \"%1\" is not one of %2")
                            .arg(parser.value(type), eventTypes().join(QLatin1String(", "))));
        att = integerValue(QStringLiteral("attendance"), parser.value(attendance), 0, 10'000'000);
        if (!att)
            return 1;
        at = parseTimeOption(QStringLiteral("start"), parser.value(start));
        if (!at)
            return 1;
        if (parser.isSet(risk)) {
            const auto r = integerValue(QStringLiteral("risk"), parser.value(risk), 0, 10);
            if (!r)
                return 1;
            riskClass = *r;
        }
    }
    auto history = roomHistory(parser.positionalArguments().at(0));
    if (!history)
        return fail(history.error().message);
    for (const QString &problem : history->problems)
        std::fprintf(stderr, "vigie-cli: skipped: %s\n", qPrintable(problem));
    auto a = hypothetical
                 ? staffingFor(*history, parser.value(type), *att, *at, int(riskClass), int(*cap), paris())
                 : staffingForEvent(*history, parser.value(event), int(*cap), paris());
    if (!a)
        return fail(a.error().message);
    if (parser.isSet(json)) {
        printLine(QJsonDocument(staffingJson(*a)).toJson(QJsonDocument::Compact));
        return 0;
    }
    const Prediction &p = a->prediction;
    print(
        QStringLiteral("%1 (%2, %3 people, %4 band%5)")
            .arg(a->title.isEmpty() ? QStringLiteral("hypothetical event") : a->title, a->event.type)
            .arg(qint64(a->event.attendance))
            .arg(hourBandId(a->event.hourBand), a->event.weekend ? QStringLiteral(", weekend") : QString()));
    print(QStringLiteral("expected incidents: %1  (80 %: %2–%3, 95 %: %4–%5)")
              .arg(p.expected, 0, 'f', 1)
              .arg(p.lower80)
              .arg(p.upper80)
              .arg(p.lower95)
              .arg(p.upper95));
    print(QStringLiteral("officers: %1  (2 × ceil(%2 / capacity %3))")
              .arg(a->officers)
              .arg(p.upper95)
              .arg(a->capacity));
    print(QStringLiteral("model: %1 (overdispersion z = %2%3), %4 past events")
              .arg(a->model.family == Family::Poisson ? QStringLiteral("Poisson")
                                                      : QStringLiteral("negative binomial"))
              .arg(a->model.dispersion.z, 0, 'f', 2)
              .arg(a->model.family == Family::Poisson
                       ? QString()
                       : QStringLiteral(", θ = %1").arg(a->model.theta, 0, 'f', 2))
              .arg(a->model.learned.size()));
    print(QStringLiteral("coefficients (estimate ± standard error):"));
    for (const Coefficient &c : a->model.coefficients)
        print(QStringLiteral("  %1 %2 ± %3")
                  .arg(c.name, -22)
                  .arg(c.estimate, 8, 'f', 3)
                  .arg(c.stdError, 0, 'f', 3));
    print(QStringLiteral("learned from (event, attendance, observed incidents, title):"));
    for (const LearnedEvent &e : a->model.learned)
        print(QStringLiteral("  %1  %2  %3  %4")
                  .arg(e.id)
                  .arg(e.attendance, 7)
                  .arg(e.observed, 4)
                  .arg(e.title));
    return 0;
}

QJsonValue paiJson(double v)
{
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

int runHotspots(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Expected incidents per week by grid cell and band of the day: a Gaussian kernel density in space "
        "(half a cell) times the hour-of-week profile, learned from the room's incident.open entries or from "
        "a "
        "fire-call CSV. Cells with fewer than 5 past incidents are hidden. --backtest scores the last weeks "
        "with the Predictive Accuracy Index against last month's counts (core/anticipation/hotspots.h)."));
    parser.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room file or URL (or --csv)"));
    QCommandLineOption csv(QStringLiteral("csv"),
                           QStringLiteral("incidents from a CSV (SF fire-call layout)"),
                           QStringLiteral("FILE"));
    QCommandLineOption cell(QStringLiteral("cell"), QStringLiteral("cell size in metres (default 500)"),
                            QStringLiteral("M"), QStringLiteral("500"));
    QCommandLineOption bandwidth(QStringLiteral("bandwidth"),
                                 QStringLiteral("kernel bandwidth in metres (default: half the cell)"),
                                 QStringLiteral("M"), QStringLiteral("0"));
    QCommandLineOption backtest(QStringLiteral("backtest"), QStringLiteral("score held-out weeks (PAI)"));
    QCommandLineOption weeks(QStringLiteral("test-weeks"), QStringLiteral("held-out last weeks (default 12)"),
                             QStringLiteral("N"), QStringLiteral("12"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("print JSON"));
    parser.addOptions({csv, cell, bandwidth, backtest, weeks, json});
    int code = 0;
    const QString usage = QStringLiteral("usage: vigie-cli forecast hotspots (ROOM | --csv FILE) [--cell M] "
                                         "[--backtest [--test-weeks N]] [--json]");
    if (!parseOptions(parser, arguments, usage, &code))
        return code;
    if (parser.positionalArguments().size() != (parser.isSet(csv) ? 0 : 1))
        return fail(QStringLiteral("give a room or --csv FILE, not both\n") + usage);
    HotspotOptions o;
    const auto m = integerValue(QStringLiteral("cell"), parser.value(cell), 50, 10000);
    const auto w = integerValue(QStringLiteral("test-weeks"), parser.value(weeks), 1, 520);
    const auto bw = integerValue(QStringLiteral("bandwidth"), parser.value(bandwidth), 0, 10000);
    if (!m || !w || !bw)
        return 1;
    o.cellMeters = double(*m);
    o.bandwidthMeters = double(*bw);
    o.testWeeks = int(*w);
    std::vector<IncidentPoint> incidents;
    if (parser.isSet(csv)) {
        auto read = readIncidentCsv(parser.value(csv));
        if (!read)
            return fail(read.error().message);
        incidents = std::move(*read);
    } else {
        o.zone = paris();
        auto history = roomHistory(parser.positionalArguments().at(0));
        if (!history)
            return fail(history.error().message);
        incidents = std::move(history->incidents);
    }
    auto f = forecastHotspots(incidents, o);
    if (!f)
        return fail(f.error().message);
    std::optional<Backtest> bt;
    if (parser.isSet(backtest)) {
        auto b = backtestHotspots(incidents, o);
        if (!b)
            return fail(b.error().message);
        bt = std::move(*b);
    }
    if (parser.isSet(json)) {
        QJsonArray cells, bands, weekRows;
        for (const HotspotCell &c : f->cells) {
            QJsonArray byBand;
            for (double v : c.byBand)
                byBand.append(v);
            cells.append(QJsonObject{{QStringLiteral("cell"), c.cell},
                                     {QStringLiteral("centre"), QJsonArray{c.centre.lon, c.centre.lat}},
                                     {QStringLiteral("ring"), ringJson(c.ring)},
                                     {QStringLiteral("observed"), c.observed},
                                     {QStringLiteral("per_week"), c.perWeek},
                                     {QStringLiteral("by_band"), byBand}});
        }
        for (const BandForecast &b : f->bands)
            bands.append(QJsonObject{
                {QStringLiteral("band"), QStringLiteral("%1-%2h").arg(b.band * 4).arg(b.band * 4 + 4)},
                {QStringLiteral("expected"), b.expected},
                {QStringLiteral("interval_80"), QJsonArray{b.lower80, b.upper80}},
                {QStringLiteral("interval_95"), QJsonArray{b.lower95, b.upper95}}});
        QJsonObject out{
            {QStringLiteral("incidents"), f->incidents},
            {QStringLiteral("weeks"), f->weeks},
            {QStringLiteral("cell_m"), o.cellMeters},
            {QStringLiteral("bandwidth_m"), o.bandwidthMeters > 0 ? o.bandwidthMeters : o.cellMeters / 2},
            {QStringLiteral("hidden_cells"), f->hiddenCells},
            {QStringLiteral("cells"), cells},
            {QStringLiteral("bands"), bands}};
        if (bt) {
            for (const WeekScore &s : bt->weeks)
                weekRows.append(QJsonObject{{QStringLiteral("week"), s.weekStart.toIso()},
                                            {QStringLiteral("incidents"), s.incidents},
                                            {QStringLiteral("model_pai"), paiJson(s.modelPai)},
                                            {QStringLiteral("baseline_pai"), paiJson(s.baselinePai)}});
            out.insert(QStringLiteral("backtest"),
                       QJsonObject{{QStringLiteral("flagged_cells"), bt->flaggedCells},
                                   {QStringLiteral("total_cells"), bt->totalCells},
                                   {QStringLiteral("mean_model_pai"), bt->meanModelPai},
                                   {QStringLiteral("mean_baseline_pai"), bt->meanBaselinePai},
                                   {QStringLiteral("weeks"), weekRows}});
        }
        printLine(QJsonDocument(out).toJson(QJsonDocument::Compact));
        return 0;
    }
    print(QStringLiteral(
              "%1 incidents over %2 weeks, cells of %3 m: %4 shown, %5 hidden (fewer than %6 incidents)")
              .arg(f->incidents)
              .arg(f->weeks, 0, 'f', 1)
              .arg(o.cellMeters)
              .arg(f->cells.size())
              .arg(f->hiddenCells)
              .arg(o.minCount));
    print(QStringLiteral("per week, by band of the day (expected, 80 %, 95 %):"));
    for (const BandForecast &b : f->bands)
        print(QStringLiteral("  %1–%2 h  %3  %4–%5  %6–%7")
                  .arg(b.band * 4, 2)
                  .arg(b.band * 4 + 4, 2)
                  .arg(b.expected, 7, 'f', 1)
                  .arg(b.lower80)
                  .arg(b.upper80)
                  .arg(b.lower95)
                  .arg(b.upper95));
    print(QStringLiteral("top cells (centre lon, lat; past incidents; expected per week):"));
    for (size_t i = 0; i < std::min<size_t>(10, f->cells.size()); ++i) {
        const HotspotCell &c = f->cells[i];
        print(QStringLiteral("  %1, %2  %3  %4")
                  .arg(c.centre.lon, 0, 'f', 5)
                  .arg(c.centre.lat, 0, 'f', 5)
                  .arg(c.observed, 5)
                  .arg(c.perWeek, 0, 'f', 2));
    }
    if (bt) {
        print(QStringLiteral("back-test: %1 of %2 cells flagged; PAI per week (model / last month's counts):")
                  .arg(bt->flaggedCells)
                  .arg(bt->totalCells));
        for (const WeekScore &s : bt->weeks)
            print(std::isnan(s.modelPai)
                      ? QStringLiteral("  %1  no incident").arg(s.weekStart.toIso().left(10))
                      : QStringLiteral("  %1  %2 incidents  %3 / %4")
                            .arg(s.weekStart.toIso().left(10))
                            .arg(s.incidents, 4)
                            .arg(s.modelPai, 0, 'f', 2)
                            .arg(s.baselinePai, 0, 'f', 2));
        print(QStringLiteral("mean PAI: model %1, baseline %2")
                  .arg(bt->meanModelPai, 0, 'f', 2)
                  .arg(bt->meanBaselinePai, 0, 'f', 2));
    }
    return 0;
}

} // namespace

int runForecast(const QStringList &arguments)
{
    const QString usage = QStringLiteral(
        "usage: vigie-cli forecast synth ROOM [--seed N] [--events N]\n"
        "       vigie-cli forecast staffing ROOM (--event ID | --type T --attendance N --start ISO) "
        "[--capacity K] [--json]\n"
        "       vigie-cli forecast hotspots (ROOM | --csv FILE) [--cell M] [--backtest] [--json]");
    const QString sub = arguments.value(1);
    QStringList rest{arguments.value(0) + QLatin1Char(' ') + sub};
    rest += arguments.mid(2);
    if (sub == QLatin1String("synth"))
        return runSynth(rest);
    if (sub == QLatin1String("staffing"))
        return runStaffing(rest);
    if (sub == QLatin1String("hotspots"))
        return runHotspots(rest);
    if (sub.isEmpty() || sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        print(usage);
        return sub.isEmpty() ? 1 : 0;
    }
    return fail(QStringLiteral("unknown forecast command \"%1\"\n").arg(sub) + usage);
}

} // namespace vigie::cli
