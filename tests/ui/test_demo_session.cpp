// The demo opens fresh each time: what a session writes (notes, proposals) is not there at the next start,
// and the window says so.
#include "ui/main_window.h"

#include "demo/demo_session.h"
#include "log/entry_kinds.h"
#include "room/picture_manager.h"
#include "room/room.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace vigie;

namespace {

qint64 notesWith(const Room &room, const QString &text)
{
    EntryQuery q;
    q.kind = QString(kinds::note);
    qint64 n = 0;
    auto r = room.store().read(q, [&](const Entry &e) {
        n += e.data.value(QLatin1String("text")).toString() == text;
        return true;
    });
    EXPECT_TRUE(r.ok());
    return n;
}

QStringList roomFilesUnder(const QString &dir)
{
    QStringList found;
    QDirIterator it(dir, {QStringLiteral("*.vigie*")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    return found;
}

/// The console started as a user starts it, on the default demo (no --room), with `args`.
struct ConsoleRun
{
    int exitCode = -1;
    QString err;
    QStringList texts; ///< with --texts: "where<TAB>text" lines
};

ConsoleRun runConsole(const QTemporaryDir &home, QStringList args, bool texts)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    const QString out = home.filePath(QStringLiteral("texts.txt"));
    QFile::remove(out);
    if (texts)
        args << QStringLiteral("--texts") << out;
    QProcess console;
    console.setProcessEnvironment(env);
    console.start(QStringLiteral(VIGIE_GUI), args);
    ConsoleRun run;
    if (!console.waitForFinished(120000))
        return run;
    run.exitCode = console.exitCode();
    run.err = QString::fromUtf8(console.readAllStandardError());
    if (QFile file(out); texts && file.open(QIODevice::ReadOnly))
        run.texts = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    return run;
}

QString textOf(const QStringList &lines, const QString &where)
{
    for (const QString &l : lines)
        if (l.startsWith(where + u'\t'))
            return l.section(u'\t', 1);
    return {};
}

} // namespace

TEST(DemoStart, TheWallAndTheSharedScreenShowTheDemosExercisePlaying)
{
    // Started with no --room, the console plays the demo's exercise from T+40: the wall (read-only) and the
    // shared screen show it too, not an empty room nor a refusal.
    QTemporaryDir home;
    for (const char *mode : {"--shared-screen", "--wall"}) {
        SCOPED_TRACE(mode);
        const ConsoleRun words = runConsole(home, {QLatin1String(mode)}, true);
        ASSERT_EQ(words.exitCode, 0) << words.err.toStdString();
        EXPECT_TRUE(textOf(words.texts, QStringLiteral("QLabel WallBannerText (tooltip)"))
                        .contains(QStringLiteral("3 interventions en cours")))
            << words.texts.join(u'\n').toStdString();
        // The stimuli played so far, the latest first; not the trainer's clock (the players read it).
        const QString ticker = textOf(words.texts, QStringLiteral("QLabel WallTicker (text)"));
        EXPECT_TRUE(ticker.contains(QStringLiteral("Stimulus I016 (T+00:38:00)"))) << ticker.toStdString();
        EXPECT_FALSE(ticker.contains(QStringLiteral("Saut de l'horloge"))) << ticker.toStdString();

        const QString shot = home.filePath(QStringLiteral("shot.png"));
        const ConsoleRun picture = runConsole(home,
                                              {QLatin1String(mode), QStringLiteral("--screenshot"), shot,
                                               QStringLiteral("--size"), QStringLiteral("1920x1080")},
                                              false);
        ASSERT_EQ(picture.exitCode, 0) << picture.err.toStdString();
        EXPECT_EQ(QImage(shot).size(), QSize(1920, 1080));
    }
}

TEST(DemoStart, AnIncidentOfTheDemoIsSelectedOnceTheDemoIsAtTPlus40)
{
    // INC-OM-01 opens at T+21 in the demo's scenario: there once the first forty minutes are played.
    QTemporaryDir home;
    const ConsoleRun run =
        runConsole(home, {QStringLiteral("--select-incident"), QStringLiteral("INC-OM-01")}, true);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(textOf(run.texts, QStringLiteral("QLabel IncidentsCount (text)")),
              QStringLiteral("3 interventions"));
    const ConsoleRun wrong =
        runConsole(home, {QStringLiteral("--select-incident"), QStringLiteral("INC-NONE")}, true);
    EXPECT_EQ(wrong.exitCode, 1);
    EXPECT_TRUE(wrong.err.contains(QStringLiteral("INC-NONE"))) << wrong.err.toStdString();
}

TEST(DemoSession, ANoteWrittenInOneSessionIsNotThereInTheNext)
{
    QTemporaryDir parent;
    SystemClock clock;
    const QString note = QStringLiteral("note de la première séance");
    QString firstPath;
    {
        auto session = DemoSession::start(clock, parent.path());
        ASSERT_TRUE(session) << session.error().message.toStdString();
        firstPath = (*session)->path();
        auto room = Room::open(firstPath, clock);
        ASSERT_TRUE(room);
        Entry e;
        e.kind = QString(kinds::note);
        e.author = QStringLiteral("poste");
        e.eventTime = clock.now();
        e.data = QJsonObject{{QStringLiteral("text"), note}};
        ASSERT_TRUE((*room)->append({e}));
        EXPECT_EQ(notesWith(**room, note), 1);
        EXPECT_EQ((*room)->info().name, DemoSession::roomName());
        EXPECT_EQ((*room)->info().mode, RoomMode::Exercise);
    }
    EXPECT_FALSE(QFileInfo::exists(firstPath)) << "the session's room goes with it";
    EXPECT_TRUE(roomFilesUnder(parent.path()).isEmpty())
        << roomFilesUnder(parent.path()).join(u' ').toStdString();

    auto second = DemoSession::start(clock, parent.path());
    ASSERT_TRUE(second);
    auto room = Room::open((*second)->path(), clock);
    ASSERT_TRUE(room);
    EXPECT_EQ(notesWith(**room, note), 0);
    EXPECT_GT((*room)->store().lastSeq(), 100) << "the whole demo, again";
}

TEST(DemoSession, TheWindowSaysTheDemosChangesAreNotKept)
{
    QTemporaryDir parent;
    SystemClock clock;
    auto session = DemoSession::start(clock, parent.path());
    ASSERT_TRUE(session);
    auto room = Room::open((*session)->path(), clock);
    ASSERT_TRUE(room);
    PictureManager manager((*room)->store(), clock, (*room)->path());
    ASSERT_TRUE(manager.load());
    ui::MainWindow window(manager);
    auto *banner = window.findChild<QLabel *>(QStringLiteral("ModeBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_FALSE(banner->text().contains(QStringLiteral("pas gardés")));
    window.markDemo();
    EXPECT_TRUE(banner->text().contains(QStringLiteral("démo — les changements ne sont pas gardés")))
        << banner->text().toStdString();
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("les changements ne sont pas gardés")))
        << window.windowTitle().toStdString();
}

TEST(DemoSession, TheConsolesProposalsInTheDemoLeaveNoRoomBehind)
{
    // The console itself, twice, as a new user runs it: --propose writes suggestions into the demo room; no
    // room file is left in the data folder nor the temporary folder afterwards.
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("TMPDIR"), home.filePath(QStringLiteral("tmp")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    QDir().mkpath(home.filePath(QStringLiteral("tmp")));
    for (int run = 0; run < 2; ++run) {
        QProcess console;
        console.setProcessEnvironment(env);
        console.start(QStringLiteral(VIGIE_GUI), {QStringLiteral("--propose"), QStringLiteral("--screenshot"),
                                                  home.filePath(QStringLiteral("shot.png"))});
        ASSERT_TRUE(console.waitForFinished(120000));
        EXPECT_EQ(console.exitCode(), 0) << console.readAllStandardError().toStdString();
        EXPECT_TRUE(roomFilesUnder(home.path()).isEmpty())
            << "run " << run << ": " << roomFilesUnder(home.path()).join(u' ').toStdString();
    }
}
