// The room's reports as PDF files, offscreen: the pages they should have, "EXERCICE" on every page of an
// exercise room (read back with poppler's pdftotext when it is installed), charts and maps drawn, parts
// without data said so, and a console's dialog that makes the file on a worker.
#include "reports/report_builder.h"
#include "reports/report_figures.h"
#include "ui/report_dialog.h"
#include "ui/report_job.h"
#include "ui/report_wording.h"

#include "../core/test_util.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QUuid>

#include <gtest/gtest.h>

using namespace vigie;
using vigie::test::makeEntry;
using vigie::test::TempRoom;

namespace {

constexpr qint64 t0 = 1784055600000; // 2026-07-14T19:00:00Z, 21:00 in Marseille
constexpr qint64 minute = 60 * 1000;

/// A small evening: two incidents, units engaged and on scene, a decision and, in an exercise room, an inject
/// and its check (exercise entries belong to exercise rooms).
void fill(Room &room)
{
    const bool exercise = room.info().mode == RoomMode::Exercise;
    std::vector<Entry> e;
    auto open = [&](qint64 at, const QString &id, const QString &type, int severity, GeoPoint where) {
        e.push_back(
            makeEntry(QStringLiteral("incident.open"), at,
                      QJsonObject{{QStringLiteral("incident"), id},
                                  {QStringLiteral("title"), QString(QStringLiteral("Intervention ") + id)},
                                  {QStringLiteral("type"), type},
                                  {QStringLiteral("severity"), severity}},
                      Geometry::point(where), QStringLiteral("fire")));
    };
    auto status = [&](qint64 at, const QString &unit, const QString &agency, const QString &s,
                      const QString &inc) {
        e.push_back(makeEntry(QStringLiteral("unit.status"), at,
                              QJsonObject{{QStringLiteral("unit"), unit},
                                          {QStringLiteral("callsign"), unit},
                                          {QStringLiteral("status"), s},
                                          {QStringLiteral("incident"), inc}},
                              Geometry::point({5.37, 43.30}), agency));
    };
    open(t0, QStringLiteral("INC-1"), QStringLiteral("building_fire"), 4, {5.3745, 43.2951});
    status(t0 + 3 * minute, QStringLiteral("FPT Plombières"), QStringLiteral("fire"),
           QStringLiteral("en_route"), QStringLiteral("INC-1"));
    status(t0 + 11 * minute, QStringLiteral("FPT Plombières"), QStringLiteral("fire"),
           QStringLiteral("on_scene"), QStringLiteral("INC-1"));
    open(t0 + 20 * minute, QStringLiteral("INC-2"), QStringLiteral("injury"), 2, {5.39, 43.28});
    status(t0 + 24 * minute, QStringLiteral("SMUR 1"), QStringLiteral("samu"), QStringLiteral("on_scene"),
           QStringLiteral("INC-2"));
    Entry decision =
        makeEntry(QStringLiteral("decision"), t0 + 15 * minute,
                  QJsonObject{{QStringLiteral("text"), QStringLiteral("Objectif : évacuer l'îlot")}}, {},
                  QStringLiteral("officials"));
    decision.author = QStringLiteral("Directeur des opérations");
    e.push_back(decision);
    if (exercise) {
        e.push_back(makeEntry(
            QStringLiteral("exercise.inject"), t0 + minute,
            QJsonObject{{QStringLiteral("scenario"), QStringLiteral("feu-ilot")},
                        {QStringLiteral("inject"), QStringLiteral("I-1")},
                        {QStringLiteral("t_ms"), 60000},
                        {QStringLiteral("sender"), QStringLiteral("CTA-CODIS 13")},
                        {QStringLiteral("recipient"), QStringLiteral("fire")},
                        {QStringLiteral("channel"), QStringLiteral("phone")},
                        {QStringLiteral("format"), QStringLiteral("text")},
                        {QStringLiteral("text"), QStringLiteral("Des fumées sortent d'un immeuble.")},
                        {QStringLiteral("summary"), QStringLiteral("Fumées signalées")},
                        {QStringLiteral("ad_hoc"), false},
                        {QStringLiteral("expected"),
                         QJsonArray{QJsonObject{{QStringLiteral("action"), QStringLiteral("engage")},
                                                {QStringLiteral("text"), QStringLiteral("Engager un FPT")},
                                                {QStringLiteral("deadline_ms"), 360000}}}}}));
        e.push_back(makeEntry(
            QStringLiteral("exercise.check"), t0 + 4 * minute,
            QJsonObject{{QStringLiteral("scenario"), QStringLiteral("feu-ilot")},
                        {QStringLiteral("inject"), QStringLiteral("I-1")},
                        {QStringLiteral("action"), QStringLiteral("engage")},
                        {QStringLiteral("status"), QStringLiteral("done")},
                        {QStringLiteral("entry"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                        {QStringLiteral("deadline_ms"), 360000}}));
    }
    e.push_back(makeEntry(QStringLiteral("incident.close"), t0 + 50 * minute,
                          QJsonObject{{QStringLiteral("incident"), QStringLiteral("INC-1")}}, {},
                          QStringLiteral("fire")));
    ASSERT_TRUE(room.append(std::move(e)));
}

QString pdfText(const QString &file)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), file, QStringLiteral("-")});
    if (!p.waitForFinished(30000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

bool hasPoppler()
{
    return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty();
}

reports::ReportRequest request(reports::ReportKind kind)
{
    reports::ReportRequest r;
    r.kind = kind;
    r.madeAt = QDateTime(QDate(2026, 7, 15), QTime(9, 0));
    return r;
}

} // namespace

TEST(ReportPdf, AfterActionHasItsPagesAndTheExerciseMark)
{
    TempRoom t(RoomMode::Exercise);
    fill(*t.room);
    const QString file = t.dir.filePath(QStringLiteral("retex.pdf"));
    std::vector<double> seen(3, -1.0);
    auto pages = reports::makeReport(t.room->store(), file, request(reports::ReportKind::AfterAction),
                                     ui::consoleReportWording(), [&](reports::ReportStage s, double done) {
                                         EXPECT_GE(done, seen[std::size_t(s)]); // progress never goes back
                                         seen[std::size_t(s)] = done;
                                     });
    ASSERT_TRUE(pages) << pages.error().message.toStdString();
    // Cover, decisions, incidents, response times, activity, maps (three: two pages), exercise, chronology.
    EXPECT_EQ(*pages, 9);
    for (double s : seen)
        EXPECT_DOUBLE_EQ(s, 1.0);
    ASSERT_TRUE(QFile::exists(file));
    if (!hasPoppler())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed: the text was not read back";
    const QString text = pdfText(file);
    const QStringList perPage = text.split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    ASSERT_EQ(perPage.size(), 9);
    for (const QString &page : perPage)
        EXPECT_TRUE(page.contains(QStringLiteral("EXERCICE"))) << page.left(300).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Retour d'expérience (RETEX)")));
    EXPECT_TRUE(text.contains(QStringLiteral("page 9 / 9")));
    EXPECT_TRUE(text.contains(QStringLiteral("Directeur des opérations")));
    EXPECT_TRUE(text.contains(QStringLiteral("Engager un FPT")));
    EXPECT_TRUE(text.contains(QStringLiteral("par téléphone"))); // the channel in words
    EXPECT_FALSE(text.contains(QStringLiteral("phone,")));
    EXPECT_FALSE(text.contains(QStringLiteral("→ fire"))); // the recipient too
    EXPECT_TRUE(text.contains(QStringLiteral("Feu de bâtiment"))); // words, not codes
    EXPECT_FALSE(text.contains(QStringLiteral("building_fire")));
    EXPECT_FALSE(text.contains(QStringLiteral("on_scene")));
    EXPECT_FALSE(text.contains(QStringLiteral("exercise.inject")));
}

TEST(ReportPdf, SituationFollowsSoiecAndSaysWhatIsMissing)
{
    TempRoom t; // a live room: no EXERCICE
    fill(*t.room);
    const QString file = t.dir.filePath(QStringLiteral("situation.pdf"));
    auto r = request(reports::ReportKind::Situation);
    r.at = Timestamp{t0 + 30 * minute};
    auto pages = reports::makeReport(t.room->store(), file, r, ui::consoleReportWording());
    ASSERT_TRUE(pages) << pages.error().message.toStdString();
    EXPECT_EQ(*pages, 3); // the cover, then S, O, M, E and C following each other on two pages
    if (!hasPoppler())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const QString text = pdfText(file);
    EXPECT_FALSE(text.contains(QStringLiteral("EXERCICE")));
    for (const char *part :
         {"S — Situation", "O — Objectifs", "M — Moyens", "E — Exécution", "C — Commandement"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(part))) << part;
    EXPECT_TRUE(text.contains(QStringLiteral("Objectif : évacuer l'îlot")));
    // No hospital in this room: said, not left blank.
    EXPECT_TRUE(text.contains(QStringLiteral("Aucun état hospitalier")));
    EXPECT_TRUE(text.contains(QStringLiteral("sur les lieux")));
}

TEST(ReportPdf, AnEmptyPeriodSaysSoOnEveryPart)
{
    TempRoom t;
    fill(*t.room);
    auto r = request(reports::ReportKind::AfterAction);
    r.period.from = Timestamp{t0 - 10 * 3600 * 1000};
    r.period.to = Timestamp{t0 - 9 * 3600 * 1000};
    auto data = reports::gatherReport(t.room->store(), r);
    ASSERT_TRUE(data);
    const reports::ReportFigures figures = reports::drawFigures(*data, r, ui::consoleReportWording());
    EXPECT_TRUE(figures.responseTimes.isNull());
    EXPECT_TRUE(figures.incidentsOverTime.isNull());
    const reports::ReportText text = reports::reportText(*data, figures, r, ui::consoleReportWording());
    EXPECT_TRUE(text.html.contains(QStringLiteral("Aucune décision")));
    EXPECT_TRUE(text.html.contains(QStringLiteral("Aucune intervention n&#x27;a été signalée")) ||
                text.html.contains(QStringLiteral("Aucune intervention n'a été signalée")));
    EXPECT_TRUE(text.html.contains(QStringLiteral("Aucune carte")));
    const auto pages = reports::renderReportPages(text, reports::reportFrame(*data, r), 40);
    EXPECT_GE(pages.size(), 6u);
}

TEST(ReportPdf, MapSnapshotIsDrawnByTheMapRenderer)
{
    TempRoom t;
    fill(*t.room);
    auto picture = t.room->pictureAt(Timestamp{t0 + 30 * minute});
    ASSERT_TRUE(picture);
    const QImage map = reports::mapSnapshot(*picture, Timestamp{t0 + 30 * minute}, {}, QSize(800, 520), 1.0);
    ASSERT_EQ(map.size(), QSize(800, 520));
    // Not one flat colour: the background, the incidents' symbols.
    QSet<QRgb> colours;
    for (int y = 0; y < map.height(); y += 7)
        for (int x = 0; x < map.width(); x += 7)
            colours.insert(map.pixel(x, y));
    EXPECT_GT(colours.size(), 20);
}

TEST(ReportPdf, ConsoleJobWritesTheFileOnAWorker)
{
    TempRoom t(RoomMode::Exercise);
    fill(*t.room);
    const QString file = t.dir.filePath(QStringLiteral("job.pdf"));
    // The same report made in a row on this thread, to compare with.
    auto inARow = reports::makeReport(t.room->store(), t.dir.filePath(QStringLiteral("row.pdf")),
                                      request(reports::ReportKind::Situation), ui::consoleReportWording());
    ASSERT_TRUE(inARow);
    auto *job = new ui::ReportJob(t.path(), request(reports::ReportKind::Situation), file);
    QSignalSpy progress(job, &ui::ReportJob::progress);
    QSignalSpy finished(job, &ui::ReportJob::finished);
    ASSERT_TRUE(finished.wait(60000));
    const auto args = finished.takeFirst();
    EXPECT_EQ(args.at(2).toString(), QString());
    EXPECT_EQ(args.at(1).toInt(), *inARow);

    EXPECT_TRUE(QFile::exists(file));
    EXPECT_GE(progress.size(), 3);
    EXPECT_EQ(progress.last().at(0).toInt(), ui::ReportJob::progressMaximum);
}

TEST(ReportPdf, DialogBuildsTheRequest)
{
    ui::ReportDialog dialog(reports::ReportKind::AfterAction, QStringLiteral("Salle"), Timestamp{t0});
    const reports::ReportRequest whole = dialog.request();
    EXPECT_FALSE(whole.period.from); // "toute la salle" by default
    EXPECT_TRUE(dialog.file().endsWith(QStringLiteral("RETEX - Salle.pdf")));
    EXPECT_EQ(dialog.findChild<QLabel *>(QStringLiteral("ExerciseMark")), nullptr);
    ui::ReportDialog situation(reports::ReportKind::Situation, QStringLiteral("Salle"), Timestamp{t0}, true);
    ASSERT_TRUE(situation.request().at);
    EXPECT_EQ(situation.request().at->msecs, t0);
    const auto *mark = situation.findChild<QLabel *>(QStringLiteral("ExerciseMark"));
    ASSERT_NE(mark, nullptr); // an exercise room's dialog says so
    EXPECT_TRUE(mark->text().startsWith(QStringLiteral("EXERCICE")));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
