// Every error the console shows from the core reads in French in the French console and stays the core's
// English sentence in the English one: each kind is provoked through the real calls the console makes (a
// room file in a temporary folder, its writer's append, the jobs that reopen the room, a calendar import, the
// DPS grid, a PDF), and the text shown is checked in both languages. The French catalogue keeps a finished
// translation for every core error that translates. VIGIE_SHOW_ERRORS=1 prints each text in both languages.
#include "ui/error_words.h"
#include "ui/feeds_panel.h"
#include "ui/forecast_job.h"
#include "ui/labels.h"
#include "ui/log_search_job.h"
#include "ui/report_job.h"

#include "pg_cluster.h"

#include "allocation/suggestion.h"
#include "anticipation/dps.h"
#include "anticipation/event_history.h"
#include "anticipation/event_import.h"
#include "anticipation/hotspots.h"
#include "anticipation/staffing.h"
#include "fusion/corrections.h"
#include "log/entry_kinds.h"
#include "reports/dps_form.h"
#include "room/picture_manager.h"
#include "room/room.h"
#include "store/sqlite_db.h"
#include "store/sqlite_log_store.h"

#include <QApplication>
#include <QDebug>
#include <QEventLoop>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <functional>
#include <map>

using namespace vigie;

namespace {

/// English words no French error keeps. Kinds and data fields (note, data.text), quoted values (« … »: what
/// SQLite or the system said, a statement, a command) and paths are not words of the sentence.
const QRegularExpression english(QStringLiteral(
    "\\b(?:is|are|not|the|of|with|without|missing|required|expected|found|must|has|have|never|room|line|"
    "field|fields|time|no|nor|neither|or|and|at|to|got|out|range|empty|invalid|does|exist|refused|any|only|"
    "for|which|one|cannot|can|failed|written|nothing|was|were|write|read|reading|open|opened|entry|entries|"
    "batch|log|folder|shows|return|live|writer|its|it|this|that|newer|program|update|statement|prepare|"
    "create|give|check|people|whole|number|from|level|grid|takes|more|than|gathers|once|most|data|gathered|"
    "append|queue|desk|replica|shared|link|belong|unknown|incident|join|undo|split|force|picture|closed|"
    "history|past|event|events|cell|cells|too|few|weeks|learn|planned|kind|agency|be|an)\\b"));

QString words(QString text, const QString &dir)
{
    text.remove(dir);
    text.remove(QRegularExpression(QStringLiteral("«[^»]*»|[\\w-]+(?:[./][\\w-]+|\\[\\d+\\])+")));
    return text;
}

/// One kind of error: how the console meets it (in the language installed at the time of the call), and
/// the core's English sentence it shows in the English console.
struct Kind
{
    const char *name;
    std::function<QString()> shown;
    QRegularExpression englishSentence;
};

QRegularExpression sentence(const char *pattern)
{
    return QRegularExpression(QString::fromUtf8(pattern), QRegularExpression::DotMatchesEverythingOption);
}

void expectBothLanguages(const Kind &k, const QString &dir)
{
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("fr")));
    const QString french = k.shown();
    if (qEnvironmentVariableIsSet("VIGIE_SHOW_ERRORS"))
        qInfo().noquote() << k.name << "\n  FR:" << french;
    EXPECT_FALSE(french.isEmpty()) << k.name;
    const QString left = words(french, dir);
    if (const auto m = english.match(left); m.hasMatch())
        ADD_FAILURE() << k.name << ": English word \"" << m.captured().toStdString()
                      << "\" in: " << french.toStdString();
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("en")));
    const QString original = k.shown();
    if (qEnvironmentVariableIsSet("VIGIE_SHOW_ERRORS"))
        qInfo().noquote() << "  EN:" << original;
    EXPECT_TRUE(k.englishSentence.match(original).hasMatch())
        << k.name << ": not the core's sentence: " << original.toStdString();
    EXPECT_NE(french.toStdString(), original.toStdString()) << k.name;
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("fr"))); // the language the other tests run in
}

Entry draft(const QString &kind, QJsonObject data, const Clock &clock)
{
    Entry e;
    e.kind = kind;
    e.author = QStringLiteral("Officier de permanence");
    e.eventTime = clock.now();
    e.data = std::move(data);
    return e;
}

/// What the console shows when the room's writer answers `drafts` (MainWindow, the wall, the panels).
QString refusedWrite(Room &room, std::vector<Entry> drafts)
{
    auto r = room.append(std::move(drafts));
    return r ? QStringLiteral("(written)") : ui::errorText(r.error().message);
}

template <typename Job, typename Result> Result waitFor(Job *job, void (Job::*finished)(const Result &))
{
    Result out{};
    QEventLoop loop;
    QObject::connect(job, finished, &loop, [&](const Result &r) {
        out = r;
        loop.quit();
    });
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    return out;
}

QString reportError(const QString &roomFile, const QString &pdf)
{
    QString error = QStringLiteral("(no answer)");
    QEventLoop loop;
    auto *job = new ui::ReportJob(roomFile, {}, pdf);
    QObject::connect(job, &ui::ReportJob::finished, &loop, [&](const QString &, int, const QString &e) {
        error = e;
        loop.quit();
    });
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    return error;
}

class ErrorWords : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(ui::useLanguage(QStringLiteral("fr"))); // as the console starts
        ASSERT_TRUE(dir.isValid());
        path = dir.filePath(QStringLiteral("salle.vigie"));
        auto created = Room::create(path, QStringLiteral("Crue"), RoomMode::Live, clock);
        ASSERT_TRUE(created) << created.error().message.toStdString();
        room = std::move(*created);
    }

    QTemporaryDir dir;
    SimulatedClock clock{*Timestamp::parseIso(QStringLiteral("2026-11-14T09:30:00+01:00"))};
    QString path;
    std::unique_ptr<Room> room;
};

} // namespace

TEST_F(ErrorWords, AWriteTheRoomRefusesReadsInTheConsolesLanguage)
{
    const std::vector<Kind> kinds{
        {"a note without text",
         [&] {
             return refusedWrite(*room, {draft(kinds::note, {{QStringLiteral("text"), QString()}}, clock)});
         },
         sentence(R"(^entry 1 of the batch: note: data\.text is required \(non-empty string\)$)")},
        {"the second draft of a batch without its author",
         [&] {
             Entry anonymous = draft(kinds::note, {{QStringLiteral("text"), QStringLiteral("Digue")}}, clock);
             anonymous.author.clear();
             return refusedWrite(
                 *room, {draft(kinds::note, {{QStringLiteral("text"), QStringLiteral("Crue")}}, clock),
                         std::move(anonymous)});
         },
         sentence(R"(^entry 2 of the batch: missing field "author"$)")},
        {"an unknown agency",
         [&] {
             Entry e = draft(kinds::note, {{QStringLiteral("text"), QStringLiteral("Digue")}}, clock);
             e.agency = QStringLiteral("army");
             return refusedWrite(*room, {std::move(e)});
         },
         sentence(
             R"(^entry 1 of the batch: agency "army" is unknown \(expected fire, samu, police or officials\)$)")},
        {"an event with its end before its start",
         [&] {
             Entry e = draft(kinds::eventPlan,
                             {{QStringLiteral("event"), QStringLiteral("om")},
                              {QStringLiteral("title"), QStringLiteral("OM – Lens")},
                              {QStringLiteral("type"), QStringLiteral("match")},
                              {QStringLiteral("start"), QStringLiteral("2026-12-13T20:45:00+01:00")},
                              {QStringLiteral("end"), QStringLiteral("2026-12-13T18:00:00+01:00")}},
                             clock);
             e.geo = Geometry{Geometry::Type::Point, {GeoPoint{5.395, 43.27}}};
             return refusedWrite(*room, {std::move(e)});
         },
         sentence(R"(^entry 1 of the batch: event\.plan: data\.end is before data\.start$)")},
        {"exercise traffic in a live room",
         [&] {
             return refusedWrite(*room, {draft(kinds::exerciseClock,
                                               {{QStringLiteral("scenario"), QStringLiteral("crue")},
                                                {QStringLiteral("action"), QStringLiteral("start")},
                                                {QStringLiteral("speed"), 1},
                                                {QStringLiteral("exercise_ms"), 0}},
                                               clock)});
         },
         sentence(
             R"(^entry 1 of the batch: exercise\.clock entries belong to exercise rooms; .*salle\.vigie is a live room$)")},
    };
    for (const Kind &k : kinds)
        expectBothLanguages(k, dir.path());
}

TEST_F(ErrorWords, AWriteTheConsoleCannotMakeReadsInTheConsolesLanguage)
{
    PictureManager manager(room->store(), clock, path);
    ASSERT_TRUE(manager.load());
    auto answer = [&manager, this] {
        QString shown = QStringLiteral("(no answer)");
        manager.append({draft(kinds::note, {{QStringLiteral("text"), QStringLiteral("Digue")}}, clock)},
                       [&shown](const Result<std::vector<Entry>> &r) {
                           shown = r ? QStringLiteral("(written)") : ui::errorText(r.error().message);
                       });
        return shown;
    };
    expectBothLanguages({"a console without a writer", answer,
                         sentence(R"(salle\.vigie: this console has no writer; nothing was written$)")},
                        dir.path());
    manager.showReplay(std::make_shared<Picture>(manager.picture()), clock.now());
    expectBothLanguages(
        {"a write while replaying", answer,
         sentence(R"(salle\.vigie: this console shows the room as it was at \S+ \(replay\); nothing )"
                  R"(was written\. Return to live to write\.$)")},
        dir.path());
}

TEST_F(ErrorWords, AWriteTheRoomFileCannotTakeReadsInTheConsolesLanguage)
{
    // Another program holds the room file's write lock past the writer's patience (5 s).
    auto other = sql::Database::open(path, sql::Database::Mode::ReadWrite);
    ASSERT_TRUE(other);
    ASSERT_TRUE(other->exec("BEGIN IMMEDIATE"));
    const auto note = [this] {
        return refusedWrite(*room,
                            {draft(kinds::note, {{QStringLiteral("text"), QStringLiteral("Digue")}}, clock)});
    };
    expectBothLanguages({"a room file locked by another program", note,
                         sentence(R"(salle\.vigie: database is locked \(in: BEGIN IMMEDIATE\)$)")},
                        dir.path());
    ASSERT_TRUE(other->exec("ROLLBACK"));
    // A damaged room file: its quarantine is gone, and a calendar's refused rows go there with the events.
    ASSERT_TRUE(other->exec("DROP TABLE quarantine"));
    const auto import = [this] {
        auto r = room->append(
            {draft(kinds::note, {{QStringLiteral("text"), QStringLiteral("Digue")}}, clock)},
            {Refused{QStringLiteral("events:saison.csv"),
                     {Rejected{QStringLiteral("line 3"), QStringLiteral("title: empty"), "x"}}}});
        return r ? QStringLiteral("(written)") : ui::errorText(r.error().message);
    };
    expectBothLanguages(
        {"a damaged room file", import,
         sentence(R"(salle\.vigie: append failed, nothing was written: .*no such table: quarantine)")},
        dir.path());
}

TEST_F(ErrorWords, ARoomFileTheJobsCannotReopenReadsInTheConsolesLanguage)
{
    // The log search, the forecast and the report reopen the room's file on a worker.
    const QString gone = dir.filePath(QStringLiteral("déplacée.vigie"));
    const QString junk = dir.filePath(QStringLiteral("pas-une-salle.vigie"));
    {
        QFile f(junk);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
    }
    const QString newer = dir.filePath(QStringLiteral("future.vigie"));
    {
        auto created = Room::create(newer, QStringLiteral("Future"), RoomMode::Live, clock);
        ASSERT_TRUE(created);
    }
    {
        auto db = sql::Database::open(newer, sql::Database::Mode::ReadWrite);
        ASSERT_TRUE(db && db->exec("PRAGMA user_version = 999"));
    }
    const auto search = [](const QString &file) {
        return [file] {
            auto *job = new ui::LogSearchJob(file, {});
            const ui::LogSearchResult r = waitFor(job, &ui::LogSearchJob::finished);
            job->deleteLater();
            return r.error;
        };
    };
    const auto forecast = [](const QString &file) {
        return [file] {
            auto *job = new ui::ForecastJob({file, {}, anticipation::defaultCapacity});
            const ui::ForecastResult r = waitFor(job, &ui::ForecastJob::finished);
            job->deleteLater();
            return r.error;
        };
    };
    expectBothLanguages({"a log search in a room file moved away", search(gone),
                         sentence(R"(déplacée\.vigie does not exist; create it with `vigie-cli init .*`$)")},
                        dir.path());
    expectBothLanguages(
        {"a forecast from a file that is not a room", forecast(junk),
         sentence(R"(pas-une-salle\.vigie is not a Vigie room file: .*file is not a database)")},
        dir.path());
    expectBothLanguages(
        {"a report from a room of a newer program",
         [newer, this] { return reportError(newer, dir.filePath(QStringLiteral("r.pdf"))); },
         sentence(R"(future\.vigie: room file schema version 999 is newer than this program \(\d+\); )"
                  R"(update Vigie to open it$)")},
        dir.path());
}

TEST_F(ErrorWords, TheAnswersOfTheToolsReadInTheConsolesLanguage)
{
    const QString pdf = dir.filePath(QStringLiteral("absent/rapport.pdf"));
    const std::vector<Kind> kinds{
        {"a report into a folder that does not exist", [&] { return reportError(path, pdf); },
         sentence(R"(^cannot write the PDF .*rapport\.pdf: its folder does not exist$)")},
        {"a DPS form into a folder that does not exist",
         [&] {
             const auto written = reports::writeDpsPdf(pdf, reports::DpsForm{});
             return written ? QStringLiteral("(written)") : written.error().message;
         },
         sentence(R"(^cannot write the PDF .*rapport\.pdf: its folder does not exist$)")},
        {"a DPS public that is not a number of people",
         [] {
             return anticipation::assessDps({2.5, 0.25, 0.25, 0.25}).error().message;
         },
         sentence(R"(^P1 = 2\.5 is not a number of people: )")},
        {"a DPS public larger than any event",
         [] {
             return anticipation::assessDps({1e9, 0.25, 0.25, 0.25}).error().message;
         },
         sentence(R"(^P1 = 1000000000 is more people than any event gathers at once)")},
        {"a DPS factor off the grid",
         [] {
             return anticipation::assessDps({1000, 0.27, 0.25, 0.25}).error().message;
         },
         sentence(R"(^P2 = 0\.27 is not a level of the grid: it takes 0\.25, 0\.30, 0\.35 or 0\.40$)")},
        {"a calendar file that cannot be read",
         [&] {
             return anticipation::importEventsFile(dir.filePath(QStringLiteral("saison.csv")), {})
                 .error()
                 .message;
         },
         sentence(R"(saison\.csv: cannot be read \(No such file or directory\)$)")},
        {"a join with an incident no longer listed",
         [&] {
             return fusion::joinDraft(Picture{}, QStringLiteral("INC-4"), QStringLiteral("INC-2"),
                                      QStringLiteral("Officier"), clock.now())
                 .error()
                 .message;
         },
         sentence(R"(^no incident "INC-4" in the picture \(closed, or never opened\)$)")},
        {"an undo with nothing to undo",
         [&] {
             return fusion::undoDraft(room->store(), Picture{}, {}, QStringLiteral("Officier"), clock.now())
                 .error()
                 .message;
         },
         sentence(R"(^no join or split is in force: nothing to undo$)")},
        {"an answer to what is not a suggestion",
         [&] {
             Entry e = draft(kinds::note, {{QStringLiteral("text"), QStringLiteral("Digue")}}, clock);
             e.seq = 3;
             return allocation::acceptDrafts(e, QStringLiteral("Officier"), clock.now()).error().message;
         },
         sentence(R"(^entry 3 is a note, not a suggestion$)")},
        {"a forecast from a room without incidents",
         [&]() -> QString {
             auto *job = new ui::ForecastJob({path, QStringLiteral("om"), anticipation::defaultCapacity});
             const ui::ForecastResult r = waitFor(job, &ui::ForecastJob::finished);
             job->deleteLater();
             return r.hotspotsError + QStringLiteral(" | ") + r.backtestError + QStringLiteral(" | ") +
                    r.staffingError;
         },
         sentence(
             R"(^No incident with a place in the history: nothing to forecast from\. \| Too few incidents )"
             R"(for a back-test\. \| .+$)")},
    };
    for (const Kind &k : kinds)
        expectBothLanguages(k, dir.path());
}

// The Feeds dock of a damaged room says so in French; VIGIE_ERROR_SHOT=file.png keeps what it shows.
TEST_F(ErrorWords, TheFeedsDockOfADamagedRoomSaysItInFrench)
{
    room.reset();
    {
        auto other = sql::Database::open(path, sql::Database::Mode::ReadWrite);
        ASSERT_TRUE(other && other->exec("DROP TABLE quarantine"));
    }
    auto reopened = Room::open(path, clock);
    ASSERT_TRUE(reopened) << reopened.error().message.toStdString();
    PictureManager manager((*reopened)->store(), clock, path);
    ASSERT_TRUE(manager.load());
    ui::FeedsPanel panel(manager);
    panel.resize(900, 320);
    QString shown;
    for (QLabel *label : panel.findChildren<QLabel *>())
        if (label->text().contains(QStringLiteral("SQLite")))
            shown = label->text();
    EXPECT_TRUE(shown.contains(QStringLiteral("SQLite ne peut pas préparer la requête")))
        << shown.toStdString();
    EXPECT_FALSE(english.match(words(shown, dir.path())).hasMatch()) << shown.toStdString();
    if (const QString shot = qEnvironmentVariable("VIGIE_ERROR_SHOT"); !shot.isEmpty()) {
        panel.show();
        QApplication::processEvents();
        panel.grab().save(shot);
    }
}

// Each core error that translates has its French, finished, with the same placeholders.
// A shared room's errors come from its server's store: a room URL the console cannot use, a server it cannot
// reach, a room the server does not hold. The console shows them when it opens the room and in the desk's
// link status.
TEST_F(ErrorWords, ASharedRoomsErrorsReadInTheConsolesLanguage)
{
    const auto opening = [this](const QString &url) {
        return [url, this] {
            auto r = Room::open(url, clock);
            return r ? QStringLiteral("(opened)") : ui::errorText(r.error().message);
        };
    };
    expectBothLanguages(
        {"a room URL with a password",
         opening(QStringLiteral("postgresql://cic:secret@127.0.0.1/vigie?room=crue")),
         sentence(
             R"(^127\.0\.0\.1/vigie: the room URL carries a password; remove it and put it in ~/\.pgpass)")},
        dir.path());
    expectBothLanguages({"a room URL that names no room",
                         opening(QStringLiteral("postgresql://127.0.0.1/vigie")),
                         sentence(R"(the room URL names no room; add \?room=NAME \(write postgresql://)")},
                        dir.path());
    // Port 1 on the loopback: nothing listens there.
    expectBothLanguages(
        {"a server nothing answers at", opening(QStringLiteral("postgresql://127.0.0.1:1/vigie?room=crue")),
         sentence(R"(^cannot connect to the PostgreSQL server 127\.0\.0\.1:1/vigie \(.*\)\. Check that )"
                  R"(the server runs)")},
        dir.path());

    PgCluster cluster;
    if (const QString why = cluster.start(); !why.isEmpty())
        GTEST_SKIP() << "no PostgreSQL server for the rest: " << why.toStdString();
    expectBothLanguages({"a room the server does not hold",
                         opening(cluster.uri() + QStringLiteral("?room=absente")),
                         sentence(R"(has no room named "absente"; create it with `vigie-cli room create )")},
                        dir.path());
    auto created = Room::create(cluster.uri() + QStringLiteral("?room=crue"), QStringLiteral("Crue"),
                                RoomMode::Live, clock);
    ASSERT_TRUE(created) << created.error().message.toStdString();
    created->reset();
    expectBothLanguages({"a room created twice",
                         [&] {
                             auto r = Room::create(cluster.uri() + QStringLiteral("?room=crue"),
                                                   QStringLiteral("Crue"), RoomMode::Live, clock);
                             return r ? QStringLiteral("(created)") : ui::errorText(r.error().message);
                         },
                         sentence(R"(already has a room named "crue"; choose another name or open it$)")},
                        dir.path());
}

TEST(ErrorCatalogue, EveryCoreErrorThatTranslatesHasItsFrench)
{
    QFile ts(QStringLiteral(VIGIE_SOURCE_DIR "/ui/i18n/vigie_core_fr.ts"));
    ASSERT_TRUE(ts.open(QIODevice::ReadOnly));
    struct Translation
    {
        QString text;
        bool finished = false;
    };
    std::map<std::pair<QString, QString>, Translation> catalogue;
    QXmlStreamReader xml(&ts);
    QString context, source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            catalogue[{context, source}] = {xml.readElementText(), type.isEmpty()};
        }
    }
    ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();

    static const QRegularExpression call(
        QStringLiteral(R"re(QCoreApplication::translate\(\s*"([^"]+)",\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\))re"));
    static const QRegularExpression literal(QStringLiteral(R"re("((?:[^"\\]|\\.)*)")re"));
    static const QRegularExpression placeholder(QStringLiteral("%\\d"));
    int checked = 0;
    for (const char *file :
         {"core/store/sqlite_db.cpp", "core/store/sqlite_log_store.cpp", "core/store/schema.cpp",
          "core/room/picture_manager.cpp", "core/room/room.cpp", "core/room/desk_queue_p.h",
          "core/picture/picture_seeker.cpp", "core/anticipation/dps.cpp",
          "core/anticipation/event_import.cpp", "core/allocation/suggestion.cpp",
          "core/fusion/corrections.cpp", "reports/dps_form.cpp", "reports/report_document.cpp",
          "reports/report_builder.cpp", "core/store/pg_db.cpp", "core/store/pg_log_store.cpp",
          "core/store/pg_schema.cpp", "core/store/pg_url.cpp"}) {
        QFile f(QStringLiteral(VIGIE_SOURCE_DIR "/") + QLatin1String(file));
        ASSERT_TRUE(f.open(QIODevice::ReadOnly)) << file;
        const QString code = QString::fromUtf8(f.readAll());
        for (auto m = call.globalMatch(code); m.hasNext();) {
            const auto c = m.next();
            QString text;
            for (auto l = literal.globalMatch(c.captured(2)); l.hasNext();)
                text += l.next().captured(1);
            text.replace(QStringLiteral("\\\""), QStringLiteral("\""))
                .replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
            ++checked;
            const auto it = catalogue.find({c.captured(1), text});
            if (it == catalogue.end()) {
                ADD_FAILURE() << file << ": no French for [" << c.captured(1).toStdString() << "] "
                              << text.toStdString();
                continue;
            }
            EXPECT_TRUE(it->second.finished && !it->second.text.trimmed().isEmpty())
                << file << ": unfinished French for " << text.toStdString();
            QStringList wanted, given;
            for (auto p = placeholder.globalMatch(text); p.hasNext();)
                wanted << p.next().captured();
            for (auto p = placeholder.globalMatch(it->second.text); p.hasNext();)
                given << p.next().captured();
            wanted.sort();
            wanted.removeDuplicates();
            given.sort();
            given.removeDuplicates();
            EXPECT_EQ(wanted, given) << file << ": the French of " << text.toStdString()
                                     << " does not carry the same values";
        }
    }
    EXPECT_GE(checked, 60);
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
