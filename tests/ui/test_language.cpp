// The console's languages: its own words, the core's messages it shows, and Qt's own (buttons, the file
// dialog), in French by default; a language it does not speak is said, not silently replaced.
#include "ui/labels.h"

#include "maps/import_osm_job.h"

#include "room/picture_manager.h"
#include "room/room.h"
#include "ui/models/log_model.h"

#include <QDialogButtonBox>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <thread>

using namespace vigie;

TEST(Language, QtsOwnWordsFollowTheConsolesLanguage)
{
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("fr")));
    {
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        EXPECT_EQ(buttons.button(QDialogButtonBox::Cancel)->text().toStdString(), "Annuler");
    }
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("en")));
    {
        QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
        EXPECT_EQ(buttons.button(QDialogButtonBox::Cancel)->text().toStdString(), "Cancel");
    }
    // A language the console does not speak: French, and the caller is told.
    EXPECT_FALSE(ui::useLanguage(QStringLiteral("de")));
    {
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        EXPECT_EQ(buttons.button(QDialogButtonBox::Cancel)->text().toStdString(), "Annuler");
    }
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("fr"))); // the language the other tests run in
}

// A need of the needs table as the dispatch dock says it: unit types as they are, a capability in words.
TEST(Language, ANeedIsSaidInTheConsolesLanguage)
{
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("fr")));
    EXPECT_EQ(ui::needLabel(QStringLiteral("command")).toStdString(), "moyen de commandement");
    EXPECT_EQ(ui::needLabel(QStringLiteral("VSAV")).toStdString(), "VSAV");
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("en")));
    EXPECT_EQ(ui::needLabel(QStringLiteral("command")).toStdString(), "command unit");
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("fr")));
}

TEST(Language, HelpPrintsWithoutADisplayAndAnUnknownLanguageIsSaid)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    QProcess help;
    help.setProcessEnvironment(env);
    help.start(QStringLiteral(VIGIE_GUI), {QStringLiteral("--help")});
    ASSERT_TRUE(help.waitForFinished(30000));
    EXPECT_EQ(help.exitCode(), 0) << help.readAllStandardError().toStdString();
    const QByteArray out = help.readAllStandardOutput();
    EXPECT_TRUE(out.contains("--room")) << out.toStdString();
    EXPECT_TRUE(out.contains("--desk")) << out.toStdString();
    // In French, Qt's words too.
    EXPECT_TRUE(out.contains("Afficher cette aide.")) << out.toStdString();
    EXPECT_FALSE(out.contains("Displays")) << out.toStdString();

    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    const QString room = dir.filePath(QStringLiteral("r.vigie"));
    ASSERT_TRUE(Room::create(room, QStringLiteral("Salle"), RoomMode::Live, clock));
    QProcess german;
    german.start(QStringLiteral(VIGIE_GUI),
                 {QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--room"), room,
                  QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("x.png"))});
    ASSERT_TRUE(german.waitForFinished(60000));
    EXPECT_EQ(german.exitCode(), 0);
    EXPECT_TRUE(german.readAllStandardError().contains("ne parle pas « de »"));
}

TEST(Language, TheLogsTimesCarryTheYear)
{
    // A room's log can span the new year, and an exercise replays a past one.
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}}; // 2026-07-14T19:00:00Z, 21:00 in Marseille
    auto room =
        Room::create(dir.filePath(QStringLiteral("r.vigie")), QStringLiteral("Salle"), RoomMode::Live, clock);
    ASSERT_TRUE(room);
    Entry note;
    note.kind = QStringLiteral("note");
    note.author = QStringLiteral("poste-samu");
    note.eventTime = clock.now();
    note.data = QJsonObject{{QStringLiteral("text"), QStringLiteral("point de situation")}};
    ASSERT_TRUE((*room)->append({note}));
    PictureManager manager((*room)->store(), clock, (*room)->path());
    ASSERT_TRUE(manager.load());
    ui::LogModel log(manager);
    ASSERT_EQ(log.rowCount(), 1);
    EXPECT_EQ(log.data(log.index(0, ui::LogModel::Time)).toString().toStdString(), "14/07/2026 21:00:00");
}

TEST(Language, TheOsmImportsDurationHasTheLanguagesDecimalSeparator)
{
    // "Fond de carte importé : 12 tuiles en 7,0 s": the summary is formatted on the import's worker thread,
    // with the separator of the console's language all the same.
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("fr")));
    EXPECT_EQ(maps::ImportOsmJob::summary(12, 7.0).toStdString(), "12 tuile(s) en 7,0 s");
    std::string onAWorker;
    std::thread worker([&onAWorker] { onAWorker = maps::ImportOsmJob::summary(1, 0.5).toStdString(); });
    worker.join();
    EXPECT_EQ(onAWorker, "1 tuile(s) en 0,5 s");
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("en")));
    EXPECT_EQ(maps::ImportOsmJob::summary(12, 7.0).toStdString(), "12 tiles in 7.0 s");
    EXPECT_EQ(maps::ImportOsmJob::summary(1, 7.04).toStdString(), "1 tile in 7.0 s");
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("fr")));
}
