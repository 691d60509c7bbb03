// report: the after-action report (RETEX) of a period of a room, or its point de situation at a time, as an
// A4 PDF (reports/report_builder.h) in the console's words (ui/report_wording.h).
#include "cli/cli.h"

#include "reports/report_builder.h"
#include "ui/report_wording.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>
#include <unistd.h>

namespace vigie::cli {

namespace {

/// Progress on stderr: one line per stage, or a line rewritten in place on a terminal.
reports::StageProgress stderrProgress()
{
    const bool terminal = ::isatty(STDERR_FILENO) != 0;
    auto last = std::make_shared<std::pair<int, int>>(-1, -1); // stage, tenth shown
    return [terminal, last](reports::ReportStage stage, double done) {
        const int tenth = int(done * 10);
        if (int(stage) == last->first && (!terminal || tenth == last->second))
            return;
        if (terminal && last->first >= 0 && int(stage) != last->first)
            std::fputc('\n', stderr);
        *last = {int(stage), tenth};
        std::fprintf(stderr, terminal ? "\rvigie-cli: report: %s %3d %%" : "vigie-cli: report: %s\n",
                     qPrintable(reports::stageLabel(stage)), int(done * 100));
        std::fflush(stderr);
    };
}

} // namespace

int runReport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Write the after-action report (retour d'expérience, RETEX) of a room — chronology, decisions and "
        "their authors, each incident's times (reported, first unit engaged, first on scene, closed), "
        "response times by service, charts, maps at chosen moments, an exercise's expected actions against "
        "what was done — or its point de situation at a time (SOIEC: situation, objectifs, moyens, "
        "exécution, "
        "commandement, with the map), as an A4 PDF in French. The path is printed once the file is "
        "written."));
    QCommandLineOption kind(QStringLiteral("kind"), QStringLiteral("retex (default) or situation"),
                            QStringLiteral("K"), QStringLiteral("retex"));
    QCommandLineOption from(QStringLiteral("from"),
                            QStringLiteral("retex: the period's start (default: the first event)"),
                            QStringLiteral("T"));
    QCommandLineOption to(QStringLiteral("to"),
                          QStringLiteral("retex: the period's end (default: the last event)"),
                          QStringLiteral("T"));
    QCommandLineOption at(QStringLiteral("at"),
                          QStringLiteral("situation: the time (default: the last event)"),
                          QStringLiteral("T"));
    QCommandLineOption mapAt(
        QStringLiteral("map-at"),
        QStringLiteral("retex: a map at this time (repeat it; default: the start, the busiest "
                       "moment and the end)"),
        QStringLiteral("T"));
    QCommandLineOption basemap(
        QStringLiteral("basemap"),
        QStringLiteral("an MBTiles basemap for the maps (default: the built-in background)"),
        QStringLiteral("FILE"));
    QCommandLineOption out(QStringLiteral("out"), QStringLiteral("the PDF to write"), QStringLiteral("FILE"));
    parser.addOptions({kind, from, to, at, mapAt, basemap, out});
    const QString usage = QStringLiteral(
        "usage: vigie-cli report ROOM [--kind retex|situation] [--from T] [--to T] [--map-at T]... [--at T] "
        "[--basemap FILE] --out FILE.pdf   (T: ISO 8601 with an offset)");
    int code = 0;
    if (!parse(parser, arguments, 1, usage, &code))
        return code == 0 ? 0 : 2;
    if (!parser.isSet(out) || parser.value(out).trimmed().isEmpty()) {
        fail(QStringLiteral("--out is required\n%1").arg(usage));
        return 2;
    }
    reports::ReportRequest request;
    const QString k = parser.value(kind);
    if (k == QLatin1String("retex")) {
        request.kind = reports::ReportKind::AfterAction;
    } else if (k == QLatin1String("situation")) {
        request.kind = reports::ReportKind::Situation;
    } else {
        fail(QStringLiteral("--kind \"%1\": expected retex or situation\n%2").arg(k, usage));
        return 2;
    }
    const bool retex = request.kind == reports::ReportKind::AfterAction;
    for (const QCommandLineOption *o : {&from, &to, &mapAt})
        if (!retex && parser.isSet(*o)) {
            fail(QStringLiteral("--%1 is for --kind retex; a situation takes --at\n%2")
                     .arg(o->names().constFirst(), usage));
            return 2;
        }
    if (retex && parser.isSet(at)) {
        fail(QStringLiteral("--at is for --kind situation; a retex takes --from and --to\n%1").arg(usage));
        return 2;
    }
    auto time = [&](const QCommandLineOption &o, std::optional<Timestamp> &slot) {
        if (!parser.isSet(o))
            return true;
        slot = parseTimeOption(o.names().constFirst(), parser.value(o));
        return slot.has_value();
    };
    if (!time(from, request.period.from) || !time(to, request.period.to) || !time(at, request.at))
        return 2;
    if (request.period.from && request.period.to && *request.period.to < *request.period.from) {
        fail(QStringLiteral("--to %1 is before --from %2").arg(parser.value(to), parser.value(from)));
        return 2;
    }
    for (const QString &value : parser.values(mapAt)) {
        const auto t = parseTimeOption(QStringLiteral("map-at"), value);
        if (!t)
            return 2;
        request.mapMoments.push_back(*t);
    }
    if (parser.isSet(basemap)) {
        request.basemap = parser.value(basemap);
        if (!QFileInfo(request.basemap).isReadable())
            return fail(
                QStringLiteral("--basemap %1: no such file, or it cannot be read").arg(request.basemap));
    }
    request.madeAt = QDateTime::currentDateTime();

    auto room = Room::open(parser.positionalArguments().constFirst(), clock());
    if (!room)
        return fail(room.error().message);
    QElapsedTimer timer;
    timer.start();
    const QString file = parser.value(out);
    auto pages =
        reports::makeReport((*room)->store(), file, request, ui::consoleReportWording(), stderrProgress());
    if (::isatty(STDERR_FILENO))
        std::fputc('\n', stderr);
    if (!pages)
        return fail(pages.error().message);
    std::fprintf(stderr, "vigie-cli: report: %d pages in %.1f s\n", *pages, double(timer.elapsed()) / 1000.0);
    printLine(file.toUtf8());
    return 0;
}

} // namespace vigie::cli
