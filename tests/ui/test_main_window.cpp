#include "ui/feeds_panel.h"
#include "ui/labels.h"
#include "ui/main_window.h"
#include "ui/models/incidents_model.h"
#include "ui/models/log_model.h"
#include "ui/models/units_model.h"
#include "ui/suggestions_panel.h"

#include "allocation/suggestion.h"
#include "demo/demo_room.h"
#include "feeds/ingestor.h"
#include "fusion/corrections.h"
#include "room/direct_sink.h"
#include "room/picture_manager.h"
#include "room/room.h"
#include "room/room_writer.h"
#include "store/sqlite_db.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QGroupBox>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QMainWindow>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QThread>
#include <QTranslator>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <atomic>
#include <limits>

using namespace vigie;

namespace {

struct DemoFixture : testing::Test
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    std::unique_ptr<Room> room;
    void SetUp() override
    {
        auto created = Room::create(dir.filePath(QStringLiteral("demo.vigie")), QStringLiteral("Démo"),
                                    RoomMode::Exercise, clock);
        ASSERT_TRUE(created);
        room = std::move(*created);
        ASSERT_TRUE(writeDemoRoom(*room));
    }
};

} // namespace

TEST_F(DemoFixture, ModelsPassTheModelTester)
{
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::UnitsModel units(manager);
    ui::IncidentsModel incidents(manager);
    ui::LogModel log(manager, 50);
    QAbstractItemModelTester t1(&units, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t2(&incidents, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester t3(&log, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_GT(units.rowCount(), 100);
    EXPECT_EQ(log.rowCount(), 50);
    // A unit's station by the name a desk uses (the whole name in its tooltip) and its capabilities in
    // words, not the fleet file's codes.
    int staff = -1, plombieres = -1;
    for (int row = 0; row < units.rowCount(); ++row) {
        const QString id = units.index(row, 0).data(ui::UnitsModel::IdRole).toString();
        if (id == QLatin1String("VLC-EMAJ-1"))
            staff = row;
        if (units.index(row, ui::UnitsModel::Station).data(Qt::ToolTipRole).toString() ==
            QStringLiteral("Centre d'incendie et de secours de Plombières"))
            plombieres = row;
    }
    ASSERT_GE(staff, 0);
    EXPECT_EQ(units.index(staff, ui::UnitsModel::Station).data().toString(),
              QStringLiteral("Caserne de Strasbourg"));
    EXPECT_EQ(units.index(staff, ui::UnitsModel::Station).data(Qt::ToolTipRole).toString(),
              QStringLiteral("Caserne de Strasbourg – État-major du BMPM et COSSIM"));
    ASSERT_GE(plombieres, 0);
    EXPECT_EQ(units.index(plombieres, ui::UnitsModel::Station).data().toString(),
              QStringLiteral("CIS Plombières"));
    EXPECT_EQ(units.index(staff, ui::UnitsModel::Callsign).data(Qt::ToolTipRole).toString(),
              QStringLiteral("VLC-EMAJ-1 — commandement"));

    // A live append shows up in every model after the next poll, with no user action.
    Entry e;
    e.kind = QStringLiteral("incident.open");
    e.eventTime = clock.now();
    e.author = QStringLiteral("test");
    e.agency = QStringLiteral("police");
    e.data = QJsonObject{{QStringLiteral("incident"), QStringLiteral("LIVE-1")},
                         {QStringLiteral("title"), QStringLiteral("Rixe")}};
    const int before = incidents.rowCount();
    ASSERT_TRUE(room->append({e}));
    EXPECT_EQ(manager.poll(), 1);
    EXPECT_EQ(incidents.rowCount(), before + 1);
    EXPECT_EQ(log.rowCount(), 50);
    EXPECT_EQ(log.data(log.index(49, ui::LogModel::Summary)).toString(), QStringLiteral("LIVE-1 Rixe"));
}

TEST_F(DemoFixture, MainWindowShowsTheExerciseBannerAndDocks)
{
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::MainWindow window(manager);
    window.resize(1280, 800);
    window.show();
    QApplication::processEvents();
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("EXERCICE")));
    auto *units = window.findChild<QTableView *>(QStringLiteral("UnitsView"));
    ASSERT_NE(units, nullptr);
    EXPECT_GT(units->model()->rowCount(), 100);
    // A unit's status reads whole beside its callsign, in the dock's width.
    const int status = units->columnViewportPosition(ui::UnitsModel::Status);
    EXPECT_GT(status, 0);
    EXPECT_LE(status + units->columnWidth(ui::UnitsModel::Status), units->viewport()->width())
        << units->viewport()->width();
    const QImage shot = window.grab().toImage();
    EXPECT_EQ(shot.width(), 1280);
    // The exercise banner is drawn in the exercise colour.
    bool hasBanner = false;
    for (int x = 0; x < shot.width() && !hasBanner; x += 7)
        for (int y = 0; y < 200 && !hasBanner; y += 3)
            hasBanner = shot.pixelColor(x, y) == QColor(0xE6, 0x9F, 0x00);
    EXPECT_TRUE(hasBanner);
}

namespace {

/// Breaks the JSON of entry `seq`'s data, as a flipped byte would: its hash no longer matches.
void flipData(const QString &path, qint64 seq)
{
    auto db = sql::Database::open(path, sql::Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec(QByteArrayLiteral("UPDATE entries SET data = CAST(replace(CAST(data AS TEXT), '\"', "
                                           "'\"\"') AS BLOB) WHERE seq = ") +
                         QByteArray::number(seq)));
}

bool hasColour(const QImage &shot, const QColor &colour)
{
    for (int x = 0; x < shot.width(); x += 7)
        for (int y = 0; y < 250; y += 3)
            if (shot.pixelColor(x, y) == colour)
                return true;
    return false;
}

} // namespace

// A panel's keys bring it in front: the main courante behind another bottom panel's tab is raised by
// Ctrl+2, not closed; in front, the same keys close it, and bring it back.
TEST_F(DemoFixture, APanelsKeysBringItInFrontOfItsTabs)
{
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::MainWindow window(manager);
    auto *log = window.findChild<QDockWidget *>(QStringLiteral("LogDock"));
    ASSERT_NE(log, nullptr);
    auto *other = window.addPanel(QStringLiteral("OtherDock"), QStringLiteral("Autre"), new QLabel(&window),
                                  Qt::BottomDockWidgetArea);
    window.tabifyDockWidget(log, other);
    window.resize(1280, 800);
    window.show();
    other->raise();
    QApplication::processEvents();
    ASSERT_TRUE(log->visibleRegion().isEmpty()); // behind the other tab

    QAction *keys = nullptr;
    for (QAction *a : window.findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_2))
            keys = a;
    ASSERT_NE(keys, nullptr);
    EXPECT_TRUE(keys->isChecked());
    keys->trigger();
    QApplication::processEvents();
    EXPECT_FALSE(log->isHidden());
    EXPECT_FALSE(log->visibleRegion().isEmpty()); // in front now
    EXPECT_TRUE(keys->isChecked());

    keys->trigger(); // in front: closed
    QApplication::processEvents();
    EXPECT_TRUE(log->isHidden());
    EXPECT_FALSE(keys->isChecked());
    keys->trigger(); // and back, in front
    QApplication::processEvents();
    EXPECT_FALSE(log->isHidden());
    EXPECT_FALSE(log->visibleRegion().isEmpty());
    EXPECT_TRUE(keys->isChecked());

    log->close(); // its own close button: the menu's entry follows
    EXPECT_FALSE(keys->isChecked());
}

TEST_F(DemoFixture, ADamagedLogIsSaidInARedBannerAndNothingPastItIsFolded)
{
    const qint64 last = room->store().lastSeq();
    const qint64 bad = last - 80;
    flipData(room->path(), bad);
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ASSERT_TRUE(manager.damage().has_value());
    EXPECT_EQ(manager.picture().lastSeq, bad - 1);
    ui::MainWindow window(manager);
    window.resize(1280, 800);
    window.show();
    QApplication::processEvents();
    auto *banner = window.findChild<QLabel *>(QStringLiteral("DamageBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QStringLiteral("JOURNAL ENDOMMAGÉ à l'entrée n° %1").arg(bad)))
        << banner->text().toStdString();
    EXPECT_TRUE(banner->text().contains(QStringLiteral("vigie-cli verify"))) << banner->text().toStdString();
    EXPECT_TRUE(hasColour(window.grab().toImage(), QColor(0xB0, 0x00, 0x20)));
    // The status bar counts what the picture holds, not every row of the file.
    bool counted = false;
    for (auto *label : window.statusBar()->findChildren<QLabel *>())
        counted |=
            label->text().contains(QStringLiteral("entrées vérifiées : %1 sur %2").arg(bad - 1).arg(last));
    EXPECT_TRUE(counted);
    auto *log = window.findChild<QTableView *>(QStringLiteral("LogView"));
    ASSERT_NE(log, nullptr);
    EXPECT_EQ(log->model()->rowCount(), bad - 1);
}

TEST_F(DemoFixture, DamageInEntriesAppendedLaterStopsTheLiveFold)
{
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::MainWindow window(manager);
    window.show();
    QApplication::processEvents();
    auto *banner = window.findChild<QLabel *>(QStringLiteral("DamageBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_FALSE(banner->isVisible());
    Entry e;
    e.kind = QStringLiteral("note");
    e.eventTime = clock.now();
    e.author = QStringLiteral("test");
    e.data = QJsonObject{{QStringLiteral("text"), QStringLiteral("a")}};
    auto appended = room->append({e, e, e});
    ASSERT_TRUE(appended);
    const qint64 bad = appended->at(1).seq;
    flipData(room->path(), bad);
    QSignalSpy damaged(&manager, &PictureManager::damageFound);
    EXPECT_EQ(manager.poll(), 1);
    EXPECT_EQ(damaged.count(), 1);
    EXPECT_EQ(manager.picture().lastSeq, bad - 1);
    EXPECT_EQ(manager.poll(), 0);
    QApplication::processEvents();
    EXPECT_TRUE(banner->isVisible());
}

namespace {

std::vector<Entry> entriesOfKind(const Room &room, const QString &kind)
{
    EntryQuery q;
    q.kind = kind;
    auto read = room.store().read(q);
    EXPECT_TRUE(read);
    return read ? *read : std::vector<Entry>{};
}

/// The fire brigade's CTA opens a vehicle fire at the Vieux-Port, severity 2.
Entry vehicleFire(Timestamp at)
{
    Entry open;
    open.kind = QStringLiteral("incident.open");
    open.eventTime = at;
    open.author = QStringLiteral("CTA-CODIS 13");
    open.agency = QStringLiteral("fire");
    open.geo = Geometry::point({5.3745, 43.2955});
    open.data = QJsonObject{{QStringLiteral("incident"), QStringLiteral("cap:F-1")},
                            {QStringLiteral("title"), QStringLiteral("Feu de véhicule quai du Port")},
                            {QStringLiteral("type"), QStringLiteral("vehicle_fire")},
                            {QStringLiteral("severity"), 2}};
    return open;
}

/// A building fire opened now at the Vieux-Port: the demo's own incidents are served by the units engaged
/// on them, and this one needs several.
Entry newBuildingFire(const Room &room)
{
    Entry fire;
    fire.kind = QStringLiteral("incident.open");
    fire.eventTime = room.clock().now();
    fire.author = QStringLiteral("test");
    fire.agency = QStringLiteral("fire");
    fire.data = QJsonObject{{QStringLiteral("incident"), QStringLiteral("INC-NEW")},
                            {QStringLiteral("title"), QStringLiteral("Feu d'appartement")},
                            {QStringLiteral("type"), QStringLiteral("building_fire")}};
    fire.geo = Geometry::point({5.3745, 43.2955});
    return fire;
}

ui::SuggestionsPanel::Context straightLineContext()
{
    ui::SuggestionsPanel::Context context;
    auto needs = allocation::defaultNeedsTable();
    EXPECT_TRUE(needs);
    if (needs)
        context.needs = *needs;
    if (auto stations = cityPlaces(QStringLiteral("fire_stations")))
        for (const Place &p : *stations)
            context.sectors.push_back({p.id, p.name, p.position, 1.0});
    return context;
}

} // namespace

namespace {

/// An injury opened `minutesAgo` before the room's clock, around the Vieux-Port.
Entry injury(const Room &room, int k, int minutesAgo)
{
    Entry e;
    e.kind = QStringLiteral("incident.open");
    e.eventTime = Timestamp{room.clock().now().msecs - qint64(minutesAgo) * 60000};
    e.author = QStringLiteral("test");
    e.agency = QStringLiteral("fire");
    e.data = QJsonObject{
        {QStringLiteral("incident"), QStringLiteral("INC-SURGE-%1").arg(k, 2, 10, QLatin1Char('0'))},
        {QStringLiteral("title"), QStringLiteral("Chute dans la rue")},
        {QStringLiteral("type"), QStringLiteral("injury")}};
    e.geo = Geometry::point({5.37 + 0.001 * (k % 10), 43.29 + 0.001 * (k / 10)});
    return e;
}

} // namespace

// On a surge day the dock shows what waits, ranked, in a préfet's words (no type codes), with the
// reinforcement that would shorten the waits most; on an ordinary day the section stays hidden.
TEST_F(DemoFixture, SuggestionsPanelShowsTheBacklogOnlyWhenSomethingWaits)
{
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::SuggestionsPanel panel(manager, straightLineContext());
    panel.show();
    auto *box = panel.findChild<QWidget *>(QStringLiteral("BacklogBox"));
    ASSERT_NE(box, nullptr);
    QSignalSpy finished(&panel, &ui::SuggestionsPanel::proposalFinished);
    panel.propose();
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(panel.current().backlog.empty());
    EXPECT_FALSE(box->isVisible()) << "nothing waits in the demo room";

    // More injuries than the fleet has VSAVs.
    std::vector<Entry> surge;
    for (int k = 0; k < 45; ++k)
        surge.push_back(injury(*room, k, 60 - k));
    ASSERT_TRUE(room->append(surge));
    manager.poll();
    panel.propose();
    ASSERT_TRUE(finished.wait(60000));
    const allocation::Backlog &backlog = panel.current().backlog;
    ASSERT_FALSE(backlog.empty());
    EXPECT_TRUE(box->isVisible());
    EXPECT_EQ(panel.backlogTree()->topLevelItemCount(), int(backlog.waiting.size()));
    // Ranked: the injury opened first waits first among equal priorities.
    const QTreeWidgetItem *first = panel.backlogTree()->topLevelItem(0);
    EXPECT_EQ(first->text(0), QStringLiteral("1"));
    // Named by its title, as in the Incidents list; its nature in the console's words in the tooltip.
    EXPECT_EQ(first->text(1), backlog.waiting.front().title);
    EXPECT_TRUE(first->toolTip(1).contains(QStringLiteral("Blessé"))) << first->toolTip(1).toStdString();
    for (int row = 0; row < panel.backlogTree()->topLevelItemCount(); ++row)
        for (int c = 0; c < panel.backlogTree()->columnCount(); ++c)
            EXPECT_FALSE(panel.backlogTree()->topLevelItem(row)->text(c).contains(QStringLiteral("injury")));
    auto *title = qobject_cast<QGroupBox *>(box);
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->title(), QStringLiteral("En attente (%1)").arg(backlog.waiting.size()));
    auto *advice = panel.findChild<QLabel *>(QStringLiteral("ReinforcementAdvice"));
    ASSERT_NE(advice, nullptr);
    EXPECT_TRUE(advice->text().startsWith(QStringLiteral("<b>Une colonne de")))
        << advice->text().toStdString();
    EXPECT_TRUE(advice->text().contains(QStringLiteral("VSAV engagé"))) << advice->text().toStdString();
    EXPECT_TRUE(advice->text().contains(QStringLiteral("VSAV"))) << advice->text().toStdString();
    // The shortfalls are said once, in the section, not again as raw messages.
    auto *messages = panel.findChild<QLabel *>(QStringLiteral("SuggestionsMessages"));
    ASSERT_NE(messages, nullptr);
    EXPECT_FALSE(messages->text().contains(QStringLiteral("tous proposés ailleurs")))
        << messages->text().toStdString();
}

// Below the map the dock shares the width with the log's tabs, which leave it too little for its columns:
// proposals arriving give it half the window's width.
TEST_F(DemoFixture, SuggestionsDockTakesHalfTheWidthWhenProposalsArrive)
{
    ASSERT_TRUE(room->append({newBuildingFire(*room)}));
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    QMainWindow window;
    window.setCentralWidget(new QWidget);
    auto *log = new QDockWidget(QStringLiteral("Main courante"));
    log->setObjectName(QStringLiteral("LogDock"));
    log->setWidget(new QWidget);
    auto *dock = new QDockWidget(QStringLiteral("Propositions"));
    auto *panel = new ui::SuggestionsPanel(manager, straightLineContext());
    dock->setWidget(panel);
    window.addDockWidget(Qt::BottomDockWidgetArea, log);
    window.splitDockWidget(log, dock, Qt::Horizontal);
    window.resize(1920, 1080);
    window.show();
    QApplication::processEvents();
    window.resizeDocks({log, dock}, {1400, 500}, Qt::Horizontal); // as the console lays them out
    QApplication::processEvents();
    ASSERT_LT(dock->width(), window.width() / 3) << panel->minimumSizeHint().width();
    QSignalSpy finished(panel, &ui::SuggestionsPanel::proposalFinished);
    panel->propose();
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_FALSE(panel->current().items.empty());
    QApplication::processEvents();
    EXPECT_GE(dock->width(), window.width() / 2 - 10) << dock->width() << " of " << window.width();
}

TEST_F(DemoFixture, SuggestionsPanelRecordsProposalsAndEachDecision)
{
    ASSERT_TRUE(room->append({newBuildingFire(*room)}));
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::SuggestionsPanel panel(manager, straightLineContext());
    // Without roads the panel says the ETAs are approximate, in the words the issue asks for.
    auto *method = panel.findChild<QLabel *>(QStringLiteral("SuggestionsMethod"));
    ASSERT_NE(method, nullptr);
    EXPECT_TRUE(method->text().contains(QStringLiteral("pas de réseau routier importé")));

    QSignalSpy finished(&panel, &ui::SuggestionsPanel::proposalFinished);
    QSignalSpy routes(&panel, &ui::SuggestionsPanel::routesChanged);
    panel.propose();
    ASSERT_TRUE(finished.wait(60000));
    const auto &set = panel.current();
    ASSERT_GE(set.items.size(), 2u) << panel.statusText().toStdString();
    EXPECT_EQ(panel.tree()->topLevelItemCount(), int(set.items.size()));
    // Each dispatch names its incident as the Incidents list does, by its title, not by a feed's id.
    for (int row = 0; row < panel.tree()->topLevelItemCount(); ++row) {
        if (set.items[std::size_t(row)].moveUp)
            continue;
        const Incident &incident = manager.picture().incidents.at(set.items[std::size_t(row)].incident);
        ASSERT_FALSE(incident.title.isEmpty());
        EXPECT_EQ(panel.tree()->topLevelItem(row)->text(1), incident.title);
    }
    // Said once, in the coloured band above, not again among the messages.
    auto *messages = panel.findChild<QLabel *>(QStringLiteral("SuggestionsMessages"));
    ASSERT_NE(messages, nullptr);
    EXPECT_FALSE(messages->text().contains(QStringLiteral("pas de réseau routier importé")))
        << messages->text().toStdString();
    EXPECT_EQ(routes.count(), 1);
    // Every suggestion is on record before anyone decides, and each has a straight route to draw.
    EXPECT_EQ(entriesOfKind(*room, QStringLiteral("suggestion")).size(), set.items.size());
    ASSERT_EQ(panel.routes().size(), set.items.size());
    for (const auto &r : panel.routes()) {
        EXPECT_FALSE(r.byRoad);
        EXPECT_EQ(r.polyline.size(), 2u);
    }

    // Accepting puts the unit en route to the incident, through the log.
    const auto first = set.items[0];
    ASSERT_TRUE(panel.accept(0));
    const Unit &unit = manager.picture().units.at(first.unit);
    EXPECT_EQ(unit.status, QStringLiteral("en_route"));
    EXPECT_EQ(unit.incident, first.incident);
    const auto accepts = entriesOfKind(*room, QStringLiteral("suggestion.accept"));
    ASSERT_EQ(accepts.size(), 1u);
    EXPECT_EQ(accepts[0].data.value(QStringLiteral("unit")).toString(), first.unit);
    EXPECT_TRUE(panel.routes()[0].decided);
    // A decision is taken once.
    EXPECT_FALSE(panel.accept(0));
    EXPECT_FALSE(panel.reject(0, QStringLiteral("trop tard")));
    EXPECT_EQ(entriesOfKind(*room, QStringLiteral("suggestion.accept")).size(), 1u);

    // Rejecting keeps the reason and leaves the unit as it was.
    const auto second = set.items[1];
    const QString statusBefore = manager.picture().units.at(second.unit).status;
    ASSERT_TRUE(panel.reject(1, QStringLiteral("moyen gardé pour le match")));
    const auto rejects = entriesOfKind(*room, QStringLiteral("suggestion.reject"));
    ASSERT_EQ(rejects.size(), 1u);
    EXPECT_EQ(rejects[0].data.value(QStringLiteral("reason")).toString(),
              QStringLiteral("moyen gardé pour le match"));
    EXPECT_EQ(manager.picture().units.at(second.unit).status, statusBefore);
    EXPECT_EQ(panel.tree()->topLevelItem(1)->text(6), QStringLiteral("rejetée"));
}

// F5 again with nothing changed records nothing new, at this desk or another; after a rejection, the unit
// turned down is not proposed again for that incident, and only the proposals that changed are recorded.
// Coverage is said in words.
TEST_F(DemoFixture, ProposingAgainRecordsOnlyWhatChanged)
{
    ASSERT_TRUE(room->append({newBuildingFire(*room)}));
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::SuggestionsPanel panel(manager, straightLineContext());
    QSignalSpy finished(&panel, &ui::SuggestionsPanel::proposalFinished);
    panel.propose();
    ASSERT_TRUE(finished.wait(60000));
    const std::size_t first = panel.current().items.size();
    ASSERT_GE(first, 2u) << panel.statusText().toStdString();
    ASSERT_EQ(entriesOfKind(*room, QStringLiteral("suggestion")).size(), first);
    for (int row = 0; row < panel.tree()->topLevelItemCount(); ++row) {
        const QString coverage = panel.tree()->topLevelItem(row)->text(5);
        EXPECT_TRUE(coverage == QStringLiteral("gardée") || coverage.contains(QStringLiteral("secteur")))
            << coverage.toStdString();
    }

    panel.propose();
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(panel.current().items.size(), first);
    EXPECT_EQ(entriesOfKind(*room, QStringLiteral("suggestion")).size(), first) << "nothing changed";
    EXPECT_TRUE(panel.statusText().contains(QStringLiteral("inchangée"))) << panel.statusText().toStdString();
    {
        // Another desk, or this one after a restart, proposing the same: the room's proposals stand.
        PictureManager other(room->store(), room->clock(), room->path());
        other.setWriter(&sink);
        ASSERT_TRUE(other.load());
        ui::SuggestionsPanel second(other, straightLineContext());
        QSignalSpy done(&second, &ui::SuggestionsPanel::proposalFinished);
        second.propose();
        ASSERT_TRUE(done.wait(60000));
        EXPECT_EQ(second.current().items.size(), first);
        EXPECT_EQ(entriesOfKind(*room, QStringLiteral("suggestion")).size(), first)
            << "another desk made the same proposals";
        EXPECT_TRUE(second.statusText().contains(QStringLiteral("inchangée")))
            << second.statusText().toStdString();
    }

    const auto turnedDown = panel.current().items[0];
    ASSERT_TRUE(panel.reject(0, QStringLiteral("moyen gardé en réserve")));
    panel.propose();
    ASSERT_TRUE(finished.wait(60000));
    for (const auto &s : panel.current().items)
        EXPECT_FALSE(s.unit == turnedDown.unit && s.incident == turnedDown.incident);
    // The proposals that stayed the same kept their entries; only those that changed were recorded.
    const auto recorded = entriesOfKind(*room, QStringLiteral("suggestion"));
    EXPECT_GT(recorded.size(), first);
    EXPECT_LT(recorded.size(), first + panel.current().items.size());
}

// Another desk decided the suggestion first (its accept is chained before this desk's): this desk's accept
// is shown as not taken, and the unit stays where the first accept sent it.
TEST_F(DemoFixture, SuggestionsPanelShowsADecisionThatLostAsNotTaken)
{
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::SuggestionsPanel panel(manager, straightLineContext());
    QSignalSpy finished(&panel, &ui::SuggestionsPanel::proposalFinished);
    panel.propose();
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_GE(panel.current().items.size(), 1u) << panel.statusText().toStdString();
    const auto recorded = entriesOfKind(*room, QStringLiteral("suggestion"));
    ASSERT_FALSE(recorded.empty());
    auto first = allocation::acceptDrafts(recorded.front(), QStringLiteral("poste-codis"), clock.now());
    ASSERT_TRUE(first);
    ASSERT_TRUE(room->append(*first));

    ASSERT_TRUE(panel.accept(0));
    QTreeWidgetItem *row = panel.tree()->topLevelItem(0);
    EXPECT_EQ(row->text(6), QStringLiteral("non prise en compte"));
    EXPECT_TRUE(row->toolTip(6).startsWith(QStringLiteral("poste-codis l'avait fait avant vous")))
        << row->toolTip(6).toStdString();
    EXPECT_EQ(row->background(0).color(), ui::LogModel::conflictBackground());
    ASSERT_EQ(manager.picture().conflicts.size(), 1u);
    EXPECT_EQ(manager.picture().units.at(panel.current().items[0].unit).statusBy.author,
              QStringLiteral("poste-codis"));
    EXPECT_FALSE(panel.accept(0));
}

TEST_F(DemoFixture, SuggestionsPanelExplainsAnEmptyFleet)
{
    // Every unit unavailable: no proposal, no entry, and a message that says why.
    std::vector<Entry> busy;
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    for (const auto &[id, u] : manager.picture().units) {
        Entry e;
        e.kind = QStringLiteral("unit.status");
        e.eventTime = clock.now();
        e.author = QStringLiteral("test");
        e.agency = u.agency;
        e.data = QJsonObject{{QStringLiteral("unit"), id},
                             {QStringLiteral("status"), QStringLiteral("unavailable")}};
        busy.push_back(e);
    }
    ASSERT_TRUE(room->append(busy));
    manager.poll();
    ui::SuggestionsPanel panel(manager, straightLineContext());
    QSignalSpy finished(&panel, &ui::SuggestionsPanel::proposalFinished);
    panel.propose();
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_TRUE(panel.current().items.empty());
    EXPECT_EQ(panel.tree()->topLevelItemCount(), 0);
    EXPECT_TRUE(entriesOfKind(*room, QStringLiteral("suggestion")).empty());
    auto *messages = panel.findChild<QLabel *>(QStringLiteral("SuggestionsMessages"));
    ASSERT_NE(messages, nullptr);
    // In the console's French, as every line the panel shows.
    EXPECT_TRUE(messages->text().contains(QStringLiteral("aucun moyen disponible n’a de position")))
        << messages->text().toStdString();
    EXPECT_FALSE(messages->text().contains(QStringLiteral("missing"))) << messages->text().toStdString();
}

TEST_F(DemoFixture, FeedsPanelShowsRepeatsAndStaleness)
{
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    std::vector<FeedArrival> arrivals;
    for (const char *key : {"cap:A1", "cap:A2", "cap:A2"}) {
        FeedArrival a;
        a.key = QString::fromLatin1(key);
        a.source = QStringLiteral("vigie/police/cap");
        Entry e;
        e.kind = QStringLiteral("note");
        e.eventTime = clock.now();
        e.author = QStringLiteral("passerelle");
        // As the ingestor marks a feed message's entries.
        e.data = QJsonObject{{QStringLiteral("text"), a.key},
                             {QStringLiteral("feed_source"), a.source},
                             {QStringLiteral("feed_key"), a.key}};
        a.drafts.push_back(e);
        arrivals.push_back(a);
    }
    ASSERT_TRUE(room->appendFeed(arrivals));
    ASSERT_TRUE(room->quarantine(QStringLiteral("vigie/police/cap"),
                                 {{QStringLiteral("document"),
                                   QStringLiteral("cap: line 1, column 7: malformed XML: the document ends "
                                                  "inside <alert> (truncated?)"),
                                   "<alert"}}));
    manager.poll();
    ui::FeedsPanel panel(manager);
    QTableWidget *table = panel.table();
    ASSERT_EQ(table->rowCount(), 1);
    auto cell = [table](int column) {
        return table->item(0, column)->text();
    };
    EXPECT_EQ(cell(ui::FeedsPanel::Source), QStringLiteral("vigie/police/cap"));
    EXPECT_EQ(cell(ui::FeedsPanel::Messages), QStringLiteral("2"));
    EXPECT_EQ(cell(ui::FeedsPanel::Repeats), QStringLiteral("1"));
    EXPECT_EQ(cell(ui::FeedsPanel::Refused), QStringLiteral("1"));
    EXPECT_EQ(cell(ui::FeedsPanel::Staleness), QStringLiteral("à jour"));

    // Forty minutes of silence: the feed reads as old, in words and in colour.
    clock.advance(40 * 60 * 1000);
    panel.refresh();
    EXPECT_EQ(cell(ui::FeedsPanel::Staleness), QStringLiteral("ancien (40 min)"));
    EXPECT_EQ(table->item(0, ui::FeedsPanel::Staleness)->background().color(), QColor(0xD5, 0x5E, 0x00));
    // Selecting the feed shows its refused input with the reason, in the console's words.
    table->selectRow(0);
    auto *refused = panel.findChild<QTextBrowser *>(QStringLiteral("FeedsRefused"));
    ASSERT_NE(refused, nullptr);
    EXPECT_TRUE(refused->toPlainText().contains(
        QStringLiteral("CAP : ligne 1, colonne 7 : XML mal formé : le document se termine à l'intérieur de "
                       "<alert> (tronqué ?)")))
        << refused->toPlainText().toStdString();
    EXPECT_EQ(ui::FeedsPanel::stalenessText(3 * 3600), QStringLiteral("muet depuis 3 h"));

    // An exercise's stimulus is one message, not a stream: its silence is not counted as a failing feed.
    FeedArrival played;
    played.key = QStringLiteral("exercice:om-velodrome/I001");
    played.source = QStringLiteral("exercice:om-velodrome/I001");
    Entry inject;
    inject.kind = QStringLiteral("note");
    inject.eventTime = clock.now();
    inject.author = QStringLiteral("PC sécurité du stade");
    inject.data = QJsonObject{{QStringLiteral("text"), QStringLiteral("Bousculade virage Ganay")},
                              {QStringLiteral("feed_source"), played.source},
                              {QStringLiteral("feed_key"), played.key}};
    played.drafts.push_back(inject);
    ASSERT_TRUE(room->appendFeed({played}));
    manager.poll();
    clock.advance(40 * 60 * 1000);
    panel.refresh();
    ASSERT_EQ(table->rowCount(), 2);
    for (int r = 0; r < 2; ++r)
        if (table->item(r, ui::FeedsPanel::Source)->data(Qt::UserRole).toString() == played.source) {
            EXPECT_EQ(table->item(r, ui::FeedsPanel::Staleness)->text(), QStringLiteral("stimulus joué"));
            EXPECT_EQ(table->item(r, ui::FeedsPanel::Source)->text(),
                      QStringLiteral("exercice om-velodrome, stimulus I001"));
        }
    auto *summary = panel.findChild<QLabel *>(QStringLiteral("FeedsSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->text().startsWith(QStringLiteral("2 flux · 0 en pause · 1 sans message")))
        << summary->text().toStdString();
}

// The dock follows the entries the manager folds and the quarantine rows after the last one it read, through
// the store it was given: it never opens the room file again (here moved away while the console runs, as a
// shared room's replica would not have its file's bookkeeping either).
TEST_F(DemoFixture, FeedsPanelUpdatesFromFoldedEntriesWithoutOpeningTheFile)
{
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    auto message = [this](const QString &key) {
        Entry e;
        e.kind = QStringLiteral("note");
        e.eventTime = clock.now();
        e.author = QStringLiteral("passerelle");
        e.data = QJsonObject{{QStringLiteral("text"), key},
                             {QStringLiteral("feed_source"), QStringLiteral("vigie/samu/emsi")},
                             {QStringLiteral("feed_key"), key}};
        return FeedArrival{key, QStringLiteral("vigie/samu/emsi"), {e, e}};
    };
    ASSERT_TRUE(room->appendFeed({message(QStringLiteral("E1"))}));
    manager.poll();
    ui::FeedsPanel panel(manager);
    QTableWidget *table = panel.table();
    ASSERT_EQ(table->rowCount(), 1);
    auto cell = [table](int column) {
        return table->item(0, column)->text();
    };
    EXPECT_EQ(cell(ui::FeedsPanel::Messages), QStringLiteral("1")) << "two entries, one message";

    ASSERT_TRUE(QFile::rename(room->path(), room->path() + QStringLiteral(".moved")));
    clock.advance(1000);
    ASSERT_TRUE(room->appendFeed({message(QStringLiteral("E2")), message(QStringLiteral("E3"))},
                                 {{QStringLiteral("vigie/samu/emsi"),
                                   {{QStringLiteral("byte 0"), QStringLiteral("JSON tronqué"), "{"}}}}));
    EXPECT_EQ(manager.poll(), 4);
    panel.refresh();
    ASSERT_EQ(table->rowCount(), 1);
    EXPECT_EQ(cell(ui::FeedsPanel::Messages), QStringLiteral("3"));
    EXPECT_EQ(cell(ui::FeedsPanel::Refused), QStringLiteral("1"));
    EXPECT_EQ(cell(ui::FeedsPanel::Rate), QLocale().toString(3.0 / 5.0, 'f', 1));
    auto *summary = panel.findChild<QLabel *>(QStringLiteral("FeedsSummary"));
    ASSERT_NE(summary, nullptr);
    EXPECT_TRUE(summary->text().startsWith(QStringLiteral("1 flux"))) << summary->text().toStdString();
}

TEST_F(DemoFixture, FeedsPanelPausesAndResumesTheSelectedFeed)
{
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    const feeds::FeedRegistry registry;
    feeds::Ingestor ingestor(*room, registry);
    feeds::FeedContext context{QStringLiteral("vigie/fire/cap"), room->info().mode, {}, {}, {}};
    context.sourceLabel = QStringLiteral("mqtt:vigie/fire/cap");
    const auto alert = [&](int n) {
        return QStringLiteral(
                   "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>F%1</identifier>"
                   "<sender>cta@bmpm.fr</sender><sent>2026-07-14T21:05:00+02:00</sent><status>%2</status>"
                   "<msgType>Alert</msgType><scope>Public</scope><info><category>Fire</category>"
                   "<event>Feu</event><urgency>Immediate</urgency><severity>Severe</severity>"
                   "<certainty>Observed</certainty><area><areaDesc>x</areaDesc>"
                   "<circle>43.29,5.37 0.1</circle></area></info></alert>")
            .arg(n)
            .arg(room->info().mode == RoomMode::Live ? QStringLiteral("Actual") : QStringLiteral("Exercise"))
            .toUtf8();
    };
    auto first = ingestor.ingest(alert(1), context);
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    ASSERT_EQ(first->stored, 1) << first->reasons.join(u'\n').toStdString();
    manager.poll();
    ui::FeedsPanel panel(manager);
    QTableWidget *table = panel.table();
    int row = -1;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, ui::FeedsPanel::Source)->text() == context.sourceLabel)
            row = r;
    ASSERT_GE(row, 0);
    EXPECT_FALSE(panel.pauseButton()->isEnabled()) << "nothing selected";
    table->selectRow(row);
    ASSERT_TRUE(panel.pauseButton()->isEnabled());
    EXPECT_EQ(panel.pauseButton()->text(), QStringLiteral("Mettre en pause"));

    panel.pauseButton()->click();
    const auto controls = entriesOfKind(*room, QStringLiteral("feed.control"));
    ASSERT_EQ(controls.size(), 1u);
    EXPECT_EQ(controls[0].data.value(QLatin1String("feed")).toString(), context.sourceLabel);
    EXPECT_EQ(controls[0].data.value(QLatin1String("action")).toString(), QStringLiteral("pause"));
    EXPECT_EQ(controls[0].author, ui::deskAuthor());
    EXPECT_EQ(panel.pauseButton()->text(), QStringLiteral("Reprendre le flux"));
    int pausedRow = -1;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, ui::FeedsPanel::Source)->text() == context.sourceLabel)
            pausedRow = r;
    ASSERT_GE(pausedRow, 0);
    EXPECT_TRUE(
        table->item(pausedRow, ui::FeedsPanel::Staleness)->text().startsWith(QStringLiteral("en pause")));

    auto held = ingestor.ingest(alert(2), context);
    ASSERT_TRUE(held.ok());
    EXPECT_EQ(held->held, 1);
    EXPECT_EQ(held->stored, 0);

    panel.pauseButton()->click();
    EXPECT_EQ(entriesOfKind(*room, QStringLiteral("feed.control")).size(), 2u);
    EXPECT_EQ(panel.pauseButton()->text(), QStringLiteral("Mettre en pause"));
    auto resumed = ingestor.ingest(alert(3), context);
    ASSERT_TRUE(resumed.ok());
    EXPECT_EQ(resumed->stored, 1);
}

TEST(Console, EnglishTranslationIsEmbedded)
{
    QTranslator english;
    ASSERT_TRUE(english.load(QStringLiteral(":/i18n/vigie_en.qm")));
    EXPECT_EQ(english.translate("vigie::ui::MainWindow", "Main courante"), QStringLiteral("Logbook"));
    EXPECT_EQ(english.translate("vigie::ui::Labels", "sur les lieux"), QStringLiteral("on scene"));
    // The map's words and the OSM import's, each in the context its code translates in.
    EXPECT_EQ(english.translate("QObject", "Importer une carte OSM"), QStringLiteral("Import an OSM map"));
    EXPECT_EQ(english.translate("vigie::maps::EntryDetails", "Main courante : %n entrée(s)", nullptr, 3),
              QStringLiteral("Logbook: %n entries"));
    EXPECT_EQ(english.translate("vigie::maps::ImportOsmJob", "%n tuile(s) en %1 s", nullptr, 1),
              QStringLiteral("%n tile in %1 s"));
}

TEST(Console, CoreMessagesAreShownInTheConsolesLanguage)
{
    // The core writes in English; the console installs the French catalogue for the messages it shows.
    Picture picture;
    Unit unit;
    unit.id = QStringLiteral("u1");
    unit.callsign = QStringLiteral("VSAV Nord 1");
    picture.units.emplace(unit.id, unit); // available, no position
    auto messages = [&picture] {
        return allocation::suggest(picture, nullptr, {}, allocation::NeedsTable{}).messages.join(u'\n');
    };
    ui::useLanguage(QStringLiteral("fr"));
    EXPECT_EQ(
        messages().toStdString(),
        "le moyen u1 (VSAV Nord 1) est disponible mais sans position connue : il n’est pas proposé ; "
        "envoyer une entrée unit.position\naucune intervention en cours n’a de position : rien à proposer");
    ui::useLanguage(QStringLiteral("en"));
    EXPECT_EQ(
        messages().toStdString(),
        "unit u1 (VSAV Nord 1) is available but has no known position: not proposed; send a unit.position "
        "entry\nno open incident with a position: nothing to suggest");
    ui::useLanguage(QStringLiteral("fr")); // back to the language the other tests run in
}

// A source's close of a fused incident that others still report says so, in both languages; a plain close
// reads as before.
TEST(Console, APartialCloseOfAFusedIncidentIsWordedAsSuch)
{
    Entry close;
    close.kind = QStringLiteral("incident.close");
    close.data = QJsonObject{{QStringLiteral("incident"), QStringLiteral("cap:F-1")},
                             {QStringLiteral("source_incident"), QStringLiteral("cap:S-9")},
                             {QStringLiteral("open_sources"), 2}};
    ui::useLanguage(QStringLiteral("fr"));
    EXPECT_EQ(ui::LogModel::summary(close).toStdString(),
              "alerte CAP F-1 : alerte CAP S-9 clôt son signalement, 2 autre(s) source(s) encore ouverte(s)");
    ui::useLanguage(QStringLiteral("en"));
    EXPECT_EQ(ui::LogModel::summary(close).toStdString(),
              "CAP alert F-1: CAP alert S-9 closes its report, 2 other sources still open");
    close.data.insert(QStringLiteral("open_sources"), 1);
    EXPECT_EQ(ui::LogModel::summary(close).toStdString(),
              "CAP alert F-1: CAP alert S-9 closes its report, 1 other source still open");
    ui::useLanguage(QStringLiteral("fr"));
    close.data.remove(QStringLiteral("open_sources"));
    close.data.insert(QStringLiteral("reason"), QStringLiteral("fin"));
    EXPECT_EQ(ui::LogModel::summary(close), QStringLiteral("alerte CAP F-1 : fin"));
    // A desk's close says why in its text; a desk's change of severity says it.
    close.data.remove(QStringLiteral("reason"));
    close.data.insert(QStringLiteral("text"), QStringLiteral("Feu éteint."));
    EXPECT_EQ(ui::LogModel::summary(close), QStringLiteral("alerte CAP F-1 : Feu éteint."));
    Entry severity;
    severity.kind = QStringLiteral("incident.update");
    severity.data =
        QJsonObject{{QStringLiteral("incident"), QStringLiteral("cap:F-1")}, {QStringLiteral("severity"), 4}};
    EXPECT_EQ(ui::LogModel::summary(severity), QStringLiteral("alerte CAP F-1 : gravité 4 sur 5"));
    ui::useLanguage(QStringLiteral("en"));
    EXPECT_EQ(ui::LogModel::summary(severity), QStringLiteral("CAP alert F-1: severity 4 of 5"));
    EXPECT_EQ(ui::LogModel::summary(close), QStringLiteral("CAP alert F-1: Feu éteint."));
    ui::useLanguage(QStringLiteral("fr"));
}

// In the log table, such a close reads as a report closed, not as the incident's close.
TEST(Console, ThePartialCloseRowSaysAReportClosed)
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    auto created =
        Room::create(dir.filePath(QStringLiteral("r.vigie")), QStringLiteral("Salle"), RoomMode::Live, clock);
    ASSERT_TRUE(created);
    Room &room = **created;
    auto close = [](qint64 minute, QJsonObject data) {
        Entry e;
        e.kind = QStringLiteral("incident.close");
        e.eventTime = Timestamp{1784055600000 + minute * 60000};
        e.author = QStringLiteral("feed");
        e.agency = QStringLiteral("samu");
        e.data = std::move(data);
        return e;
    };
    ASSERT_TRUE(room.append({close(1, {{QStringLiteral("incident"), QStringLiteral("cap:F-1")},
                                       {QStringLiteral("source_incident"), QStringLiteral("cap:S-9")},
                                       {QStringLiteral("open_sources"), 1}}),
                             close(2, {{QStringLiteral("incident"), QStringLiteral("cap:F-1")}})}));
    DirectSink sink(room);
    PictureManager manager(room.store(), room.clock(), room.path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::LogModel log(manager, 50);
    ASSERT_EQ(log.rowCount(), 2);
    ui::useLanguage(QStringLiteral("fr"));
    EXPECT_EQ(log.data(log.index(0, ui::LogModel::Kind)).toString(),
              QStringLiteral("Clôture d'un signalement"));
    EXPECT_EQ(log.data(log.index(1, ui::LogModel::Kind)).toString(),
              QStringLiteral("Clôture d'intervention"));
    ui::useLanguage(QStringLiteral("en"));
    EXPECT_EQ(log.data(log.index(0, ui::LogModel::Kind)).toString(), QStringLiteral("Report closed"));
    ui::useLanguage(QStringLiteral("fr"));
}

TEST(Console, FusionDecisionsAreWordedInTheConsolesLanguage)
{
    Entry merge;
    merge.kind = QStringLiteral("fusion.merge");
    merge.data =
        QJsonObject{{QStringLiteral("incident"), QStringLiteral("fusion:1b2e")},
                    {QStringLiteral("into"), QStringLiteral("cap:F-1")},
                    {QStringLiteral("confidence"), 0.724},
                    {QStringLiteral("reason"), QStringLiteral("3 reports within 180 m and 6 min: …")},
                    {QStringLiteral("reports"), 3},
                    {QStringLiteral("extent_m"), 180},
                    {QStringLiteral("span_s"), 372},
                    {QStringLiteral("nearest_m"), 52},
                    {QStringLiteral("nearest_gap_s"), 45},
                    {QStringLiteral("types"), QJsonArray{QStringLiteral("vehicle_fire")}},
                    {QStringLiteral("sources"),
                     QJsonArray{QStringLiteral("cap/fire"), QStringLiteral("geojson/police")}}};
    ui::useLanguage(QStringLiteral("fr"));
    EXPECT_EQ(
        ui::LogModel::summary(merge).toStdString(),
        "3 signalements sur 180 m et 6 min → alerte CAP F-1 : feu de véhicule (cap/fire, geojson/police) ; "
        "le plus proche à 52 m, 45 s d'écart ; confiance 0,72");
    EXPECT_EQ(ui::kindLabel(merge.kind), QStringLiteral("Fusion de signalements"));
    ui::useLanguage(QStringLiteral("en"));
    EXPECT_EQ(
        ui::LogModel::summary(merge).toStdString(),
        "3 reports within 180 m and 6 min → CAP alert F-1: vehicle fire (cap/fire, geojson/police); nearest "
        "52 m, 45 s apart; confidence 0.72");
    EXPECT_EQ(ui::kindLabel(merge.kind), QStringLiteral("Reports merged"));
    ui::useLanguage(QStringLiteral("fr"));
    // A merge written before the numbers were kept shows its reason as written.
    for (const char *key :
         {"reports", "extent_m", "span_s", "nearest_m", "nearest_gap_s", "types", "sources"})
        merge.data.remove(QLatin1String(key));
    EXPECT_EQ(ui::LogModel::summary(merge), QStringLiteral("3 reports within 180 m and 6 min: …"));
    Entry join;
    join.kind = QStringLiteral("fusion.join");
    join.data = QJsonObject{{QStringLiteral("incident"), QStringLiteral("emsi:E-7")},
                            {QStringLiteral("into"), QStringLiteral("cap:F-1")}};
    EXPECT_EQ(ui::LogModel::summary(join),
              QStringLiteral("Intervention EMSI E-7 réunie dans alerte CAP F-1"));
    join.data.insert(QStringLiteral("into_title"), QStringLiteral("Feu de véhicule"));
    EXPECT_EQ(ui::LogModel::summary(join),
              QStringLiteral("Intervention EMSI E-7 réunie dans alerte CAP F-1 (Feu de véhicule)"));
    Entry split;
    split.kind = QStringLiteral("fusion.split");
    split.data = QJsonObject{{QStringLiteral("incident"), QStringLiteral("emsi:E-7")},
                             {QStringLiteral("from"), QStringLiteral("cap:F-1")},
                             {QStringLiteral("reports"), QJsonArray{4, 9}}};
    EXPECT_EQ(ui::LogModel::summary(split),
              QStringLiteral("2 signalements de EMSI E-7 séparés de alerte CAP F-1"));
    Entry undo;
    undo.kind = QStringLiteral("fusion.undo");
    undo.data = QJsonObject{{QStringLiteral("undone_kind"), QStringLiteral("fusion.split")},
                            {QStringLiteral("incident"), QStringLiteral("emsi:E-7")},
                            {QStringLiteral("from"), QStringLiteral("cap:F-1")}};
    EXPECT_EQ(ui::LogModel::summary(undo),
              QStringLiteral("Séparation annulée : EMSI E-7 revient dans alerte CAP F-1"));
    ui::useLanguage(QStringLiteral("en"));
    EXPECT_EQ(ui::LogModel::summary(join),
              QStringLiteral("Incident EMSI E-7 joined into CAP alert F-1 (Feu de véhicule)"));
    EXPECT_EQ(ui::LogModel::summary(split), QStringLiteral("2 reports of EMSI E-7 split from CAP alert F-1"));
    EXPECT_EQ(ui::LogModel::summary(undo), QStringLiteral("Split undone: EMSI E-7 is back in CAP alert F-1"));
    EXPECT_EQ(ui::kindLabel(join.kind), QStringLiteral("Incidents joined"));
    ui::useLanguage(QStringLiteral("fr"));
    EXPECT_EQ(ui::incidentTypeLabel(QStringLiteral("hazmat")),
              QStringLiteral("Risque chimique ou matières dangereuses"));
}

// A desk joins two incidents from the table, undoes it, and splits a merged source out: each a log entry, the
// table following at once.
TEST(Console, DeskJoinsSplitsAndUndoesFromTheIncidentsTable)
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    auto created = Room::create(dir.filePath(QStringLiteral("r.vigie")), QStringLiteral("Salle"),
                                RoomMode::Exercise, clock);
    ASSERT_TRUE(created);
    Room &room = **created;
    auto report = [](const char *incident, qint64 minute, const char *title, const char *source = nullptr) {
        Entry e;
        e.kind = QStringLiteral("incident.open");
        e.eventTime = Timestamp{1784055600000 + minute * 60000};
        e.author = QStringLiteral("feed");
        e.data = QJsonObject{{QStringLiteral("incident"), QLatin1String(incident)},
                             {QStringLiteral("title"), QString::fromUtf8(title)},
                             {QStringLiteral("type"), QStringLiteral("vehicle_fire")}};
        if (source) {
            e.kind = QStringLiteral("incident.update");
            e.data.insert(QStringLiteral("source_incident"), QLatin1String(source));
        }
        e.geo = Geometry::point({5.3745, 43.2955});
        return e;
    };
    ASSERT_TRUE(room.append({report("cap:F-1", 0, "Feu de véhicule quai du Port"),
                             report("cap:F-1", 1, "Véhicule en feu", "emsi:E-7"),
                             report("geojson:cam-9", 2, "Fumée caméra 9")}));
    DirectSink sink(room);
    PictureManager manager(room.store(), room.clock(), room.path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::useLanguage(QStringLiteral("fr"));
    ui::MainWindow window(manager);
    auto *view = window.findChild<QTableView *>(QStringLiteral("IncidentsView"));
    ASSERT_NE(view, nullptr);
    auto shortcutAction = [view](const QKeySequence &key) -> QAction * {
        for (QAction *a : view->actions())
            if (a->shortcut() == key)
                return a;
        return nullptr;
    };
    ASSERT_NE(shortcutAction(QKeySequence(Qt::CTRL | Qt::Key_J)), nullptr);
    ASSERT_NE(shortcutAction(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J)), nullptr);
    QAction *undo = shortcutAction(QKeySequence(Qt::CTRL | Qt::Key_Z));
    ASSERT_NE(undo, nullptr);

    // One selected: nothing to join, nothing written.
    view->selectRow(0);
    const qint64 before = manager.picture().lastSeq;
    EXPECT_FALSE(window.joinSelectedIncidents());
    EXPECT_EQ(manager.picture().lastSeq, before);

    // A unit on its way to the camera's incident.
    Entry sent;
    sent.kind = QStringLiteral("unit.status");
    sent.eventTime = Timestamp{1784055600000 + 3 * 60000};
    sent.author = QStringLiteral("CTA-CODIS 13");
    sent.agency = QStringLiteral("fire");
    sent.data = QJsonObject{{QStringLiteral("unit"), QStringLiteral("FPT-1")},
                            {QStringLiteral("status"), QStringLiteral("en_route")},
                            {QStringLiteral("incident"), QStringLiteral("geojson:cam-9")}};
    ASSERT_TRUE(room.append({sent}));
    manager.poll();

    view->selectAll();
    ASSERT_EQ(window.selectedIncidents().size(), 2);
    ASSERT_TRUE(window.joinSelectedIncidents());
    // The unit now shows the incident it works on, and the one it was sent to.
    auto *units = window.findChild<QTableView *>(QStringLiteral("UnitsView"));
    ASSERT_NE(units, nullptr);
    ASSERT_EQ(units->model()->rowCount(), 1);
    EXPECT_EQ(units->model()->index(0, ui::UnitsModel::Incident).data().toString(),
              QStringLiteral("Véhicule en feu"));
    EXPECT_EQ(units->model()->index(0, ui::UnitsModel::Incident).data(Qt::ToolTipRole).toString(),
              QStringLiteral("GeoJSON cam-9 (réunie à alerte CAP F-1)"));
    ASSERT_EQ(manager.picture().incidents.size(), 1u);
    EXPECT_EQ(manager.picture().incidents.begin()->first, QStringLiteral("cap:F-1")); // opened first
    EXPECT_EQ(view->model()->index(0, ui::IncidentsModel::Title).data().toString(),
              QStringLiteral("Véhicule en feu (+1 réunie)"));
    EXPECT_EQ(window.statusBar()->currentMessage(),
              QStringLiteral("« Fumée caméra 9 » réunie dans « Véhicule en feu » — Ctrl+Z pour annuler"));
    const auto joins = entriesOfKind(room, QStringLiteral("fusion.join"));
    ASSERT_EQ(joins.size(), 1u);
    EXPECT_EQ(joins[0].role, QStringLiteral("desk"));

    undo->trigger();
    EXPECT_EQ(manager.picture().incidents.size(), 2u);
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("Réunion annulée")));

    ASSERT_TRUE(window.splitIncidentSource(QStringLiteral("cap:F-1"), QStringLiteral("emsi:E-7")));
    ASSERT_EQ(manager.picture().incidents.size(), 3u);
    EXPECT_EQ(manager.picture().incidents.at(QStringLiteral("emsi:E-7")).title,
              QStringLiteral("Véhicule en feu"));
    // Nothing more merged into F-1: refused, with the reason in the status bar.
    EXPECT_FALSE(window.splitIncidentSource(QStringLiteral("cap:F-1")));
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("Aucune autre source")));
    undo->trigger();
    EXPECT_EQ(manager.picture().incidents.size(), 2u);
    EXPECT_FALSE(window.undoLastCorrection());
    EXPECT_EQ(entriesOfKind(room, QStringLiteral("fusion.undo")).size(), 2u);
    // The core's refusals reach the desk in its language.
    auto refused = fusion::joinDraft(manager.picture(), QStringLiteral("cap:F-1"), QStringLiteral("cap:F-9"),
                                     QStringLiteral("poste"), clock.now());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().message,
              QStringLiteral("aucune intervention « cap:F-9 » dans la situation (close, ou jamais ouverte)"));
}

// A desk's everyday moves on one incident from the table: a note about it (preselected), its severity
// (Ctrl+G) and its close (Ctrl+Shift+K), each an entry of the incident's own in the log.
TEST(Console, DeskSetsTheSeverityOfAnIncidentAndClosesIt)
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    auto created = Room::create(dir.filePath(QStringLiteral("r.vigie")), QStringLiteral("Salle"),
                                RoomMode::Exercise, clock);
    ASSERT_TRUE(created);
    Room &room = **created;
    Entry open = vehicleFire(clock.now());
    Entry other = open;
    other.data.insert(QStringLiteral("incident"), QStringLiteral("cap:F-2"));
    other.data.insert(QStringLiteral("title"), QStringLiteral("Fumée caméra 9"));
    ASSERT_TRUE(room.append({open, other}));
    DirectSink sink(room);
    PictureManager manager(room.store(), room.clock(), room.path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::useLanguage(QStringLiteral("fr"));
    ui::MainWindow window(manager);
    auto *view = window.findChild<QTableView *>(QStringLiteral("IncidentsView"));
    ASSERT_NE(view, nullptr);
    QStringList shortcuts;
    for (QAction *a : view->actions())
        shortcuts << a->shortcut().toString();
    EXPECT_TRUE(shortcuts.contains(QStringLiteral("Ctrl+G"))) << shortcuts.join(u' ').toStdString();
    EXPECT_TRUE(shortcuts.contains(QStringLiteral("Ctrl+Shift+K"))) << shortcuts.join(u' ').toStdString();

    // Nothing selected: a note is about no incident in particular. One selected: about that one.
    EXPECT_TRUE(window.noteIncident().isEmpty());
    int row = -1;
    for (int r = 0; r < view->model()->rowCount(); ++r)
        if (view->model()->index(r, 0).data(ui::IncidentsModel::IdRole).toString() ==
            QLatin1String("cap:F-1"))
            row = r;
    ASSERT_GE(row, 0);
    view->selectRow(row);
    EXPECT_EQ(window.noteIncident(), QStringLiteral("cap:F-1"));

    ASSERT_TRUE(window.setIncidentSeverity(QStringLiteral("cap:F-1"), 4));
    EXPECT_EQ(manager.picture().incidents.at(QStringLiteral("cap:F-1")).severity, 4);
    EXPECT_EQ(
        window.statusBar()->currentMessage(),
        QStringLiteral("« Feu de véhicule quai du Port » : gravité 4 sur 5 (inscrit à la main courante)."));
    const auto updates = entriesOfKind(room, QStringLiteral("incident.update"));
    ASSERT_EQ(updates.size(), 1u);
    EXPECT_EQ(updates[0].role, QStringLiteral("desk"));
    EXPECT_EQ(updates[0].agency, QStringLiteral("fire")) << "the incident's service when the desk has none";
    EXPECT_EQ(updates[0].data.value(QLatin1String("severity")).toInt(), 4);

    ASSERT_TRUE(
        window.closeIncident(QStringLiteral("cap:F-1"), QStringLiteral("Feu éteint, fin d'intervention.")));
    EXPECT_FALSE(manager.picture().incidents.contains(QStringLiteral("cap:F-1")));
    EXPECT_TRUE(manager.picture().incidents.contains(QStringLiteral("cap:F-2")));
    const auto closes = entriesOfKind(room, QStringLiteral("incident.close"));
    ASSERT_EQ(closes.size(), 1u);
    EXPECT_EQ(closes[0].data.value(QLatin1String("text")).toString(),
              QStringLiteral("Feu éteint, fin d'intervention."));
    // Closed already: nothing more is written, and the desk is told.
    EXPECT_FALSE(window.closeIncident(QStringLiteral("cap:F-1"), QStringLiteral("encore")));
    EXPECT_EQ(entriesOfKind(room, QStringLiteral("incident.close")).size(), 1u);
    EXPECT_EQ(window.statusBar()->currentMessage(),
              QStringLiteral("Cette intervention n'est plus en cours."));
}

// What a liaison hears on the radio, written from the Units list: engaged on the selected incident, on
// scene, free again; in the unit's service's name, by the desk.
TEST(Console, ADeskWritesAUnitsStatusFromTheUnitsList)
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    auto created = Room::create(dir.filePath(QStringLiteral("r.vigie")), QStringLiteral("Salle"),
                                RoomMode::Exercise, clock);
    ASSERT_TRUE(created);
    Room &room = **created;
    Entry open = vehicleFire(clock.now());
    Entry unit;
    unit.kind = QStringLiteral("unit.status");
    unit.eventTime = clock.now();
    unit.author = QStringLiteral("CTA-CODIS 13");
    unit.agency = QStringLiteral("fire");
    unit.data = QJsonObject{{QStringLiteral("unit"), QStringLiteral("FPT-PLOM-1")},
                            {QStringLiteral("callsign"), QStringLiteral("FPT Plombières 1")},
                            {QStringLiteral("type"), QStringLiteral("FPT")},
                            {QStringLiteral("status"), QStringLiteral("available")}};
    ASSERT_TRUE(room.append({open, unit}));
    DirectSink sink(room);
    PictureManager manager(room.store(), room.clock(), room.path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::useLanguage(QStringLiteral("fr"));
    ui::setDeskAgency(QStringLiteral("samu")); // a SAMU liaison relays the fire brigade's radio
    ui::MainWindow window(manager);
    auto *units = window.findChild<QTableView *>(QStringLiteral("UnitsView"));
    auto *incidents = window.findChild<QTableView *>(QStringLiteral("IncidentsView"));
    ASSERT_TRUE(units && incidents);
    auto action = [&](const char *status) {
        return window.findChild<QAction *>(QStringLiteral("UnitStatus_") + QLatin1String(status));
    };
    ASSERT_NE(action("en_route"), nullptr);
    EXPECT_TRUE(units->actions().contains(action("on_scene"))); // on the list's own menu
    EXPECT_EQ(units->contextMenuPolicy(), Qt::ActionsContextMenu);

    // No unit selected: nothing is written, and the desk is told.
    action("on_scene")->trigger();
    EXPECT_EQ(entriesOfKind(room, QStringLiteral("unit.status")).size(), 1u);
    EXPECT_EQ(window.statusBar()->currentMessage(),
              QStringLiteral("Sélectionnez un moyen dans la liste des moyens."));

    units->selectRow(0);
    incidents->selectRow(0);
    action("en_route")->trigger();
    const Unit *fpt = &manager.picture().units.at(QStringLiteral("FPT-PLOM-1"));
    EXPECT_EQ(fpt->status, QStringLiteral("en_route"));
    EXPECT_EQ(fpt->incident, QStringLiteral("cap:F-1"));
    EXPECT_EQ(window.statusBar()->currentMessage(),
              QStringLiteral(
                  "« FPT Plombières 1 » : en route → « Feu de véhicule quai du Port » (inscrit à la main "
                  "courante)."));
    auto written = entriesOfKind(room, QStringLiteral("unit.status"));
    ASSERT_EQ(written.size(), 2u);
    EXPECT_EQ(written[1].role, QStringLiteral("desk"));
    EXPECT_EQ(written[1].agency, QStringLiteral("fire")) << "a unit's status is in its service's name";

    incidents->clearSelection(); // on scene where it was sent
    action("on_scene")->trigger();
    fpt = &manager.picture().units.at(QStringLiteral("FPT-PLOM-1"));
    EXPECT_EQ(fpt->status, QStringLiteral("on_scene"));
    EXPECT_EQ(fpt->incident, QStringLiteral("cap:F-1"));
    action("en_route")->trigger(); // engaged on nothing: refused
    EXPECT_EQ(entriesOfKind(room, QStringLiteral("unit.status")).size(), 3u);
    EXPECT_EQ(window.statusBar()->currentMessage(), QStringLiteral("Sélectionnez une intervention."));
    action("available")->trigger();
    fpt = &manager.picture().units.at(QStringLiteral("FPT-PLOM-1"));
    EXPECT_EQ(fpt->status, QStringLiteral("available"));
    EXPECT_TRUE(fpt->incident.isEmpty());
    ui::setDeskAgency({});
}

TEST(Console, HospitalStatusIsWordedInTheConsolesLanguage)
{
    Entry e;
    e.kind = QStringLiteral("hospital.status");
    e.data = QJsonObject{{QStringLiteral("hospital"), QStringLiteral("aphm-timone")},
                         {QStringLiteral("ed_status"), QStringLiteral("saturated")}};
    ui::useLanguage(QStringLiteral("fr"));
    EXPECT_EQ(ui::LogModel::summary(e), QStringLiteral("aphm-timone : urgences saturées"));
    ui::useLanguage(QStringLiteral("en"));
    EXPECT_EQ(ui::LogModel::summary(e), QStringLiteral("aphm-timone: emergency department saturated"));
    ui::useLanguage(QStringLiteral("fr"));
    e.data.insert(QStringLiteral("ed_status"), QStringLiteral("unknown_state")); // shown as it came
    EXPECT_EQ(ui::LogModel::summary(e), QStringLiteral("aphm-timone : urgences unknown_state"));
}

TEST(Console, ScreenshotCommandWritesAPng)
{
    QTemporaryDir dir;
    const QString room = dir.filePath(QStringLiteral("demo.vigie"));
    QProcess demo;
    demo.start(QStringLiteral(VIGIE_CLI), {QStringLiteral("demo"), room});
    ASSERT_TRUE(demo.waitForFinished(60000));
    ASSERT_EQ(demo.exitCode(), 0) << demo.readAllStandardError().toStdString();
    const QString png = dir.filePath(QStringLiteral("shot.png"));
    QProcess gui;
    gui.start(QStringLiteral(VIGIE_GUI), {QStringLiteral("--room"), room, QStringLiteral("--screenshot"), png,
                                          QStringLiteral("--size"), QStringLiteral("1024x700")});
    ASSERT_TRUE(gui.waitForFinished(60000));
    ASSERT_EQ(gui.exitCode(), 0) << gui.readAllStandardError().toStdString();
    QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1024, 700));
}

namespace {
/// The wall clock, remembering the thread that last read it: Room::append reads it as it stamps a batch.
class ThreadRecordingClock final : public Clock
{
public:
    Timestamp now() const override
    {
        lastThread.store(QThread::currentThread());
        return m_wall.now();
    }
    mutable std::atomic<QThread *> lastThread{nullptr};

private:
    SystemClock m_wall;
};
} // namespace

// The console writes a desk's entries on the room writer's thread, never on the GUI thread, and hears back on
// its own thread once they are stored and folded.
TEST(Console, DeskEntriesAreWrittenOffTheGuiThread)
{
    QTemporaryDir dir;
    ThreadRecordingClock clock;
    const QString path = dir.filePath(QStringLiteral("r.vigie"));
    auto created = Room::create(path, QStringLiteral("Salle"), RoomMode::Exercise, clock);
    ASSERT_TRUE(created);
    auto writer = RoomWriter::start(path, clock);
    ASSERT_TRUE(writer) << writer.error().message.toStdString();
    PictureManager manager((*created)->store(), clock, path);
    ASSERT_TRUE(manager.load());
    manager.setWriter(writer->get());

    Entry note;
    note.kind = QStringLiteral("note");
    note.author = QStringLiteral("poste");
    note.eventTime = Timestamp{1784055600000};
    note.data = QJsonObject{{QStringLiteral("text"), QStringLiteral("Point de situation")}};
    clock.lastThread = nullptr;
    std::optional<Result<std::vector<Entry>>> answer;
    QThread *answeredOn = nullptr;
    manager.append({note}, [&](const Result<std::vector<Entry>> &stored) {
        answer = stored;
        answeredOn = QThread::currentThread();
    });
    EXPECT_FALSE(answer.has_value()) << "the answer comes later, from the writer";
    ASSERT_TRUE(QTest::qWaitFor([&] { return answer.has_value(); }, 5000));
    ASSERT_TRUE(answer->ok()) << answer->error().message.toStdString();
    EXPECT_EQ(answeredOn, QThread::currentThread());
    EXPECT_EQ(clock.lastThread.load(), writer->get()->writerThread());
    EXPECT_NE(clock.lastThread.load(), QThread::currentThread());
    EXPECT_EQ(manager.picture().lastSeq, (*answer)->back().seq) << "folded before the answer";

    // A refused draft comes back as a refusal, on the GUI thread too.
    Entry bad = note;
    bad.data = {};
    answer.reset();
    manager.append({bad}, [&](const Result<std::vector<Entry>> &stored) { answer = stored; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return answer.has_value(); }, 5000));
    EXPECT_FALSE(answer->ok());
}

// The console folds the log once: its writer's Room keeps no fold of its own, and the snapshots it stores are
// the manager's picture, handed over every SnapshotPolicy-many entries and serialised on the writer's thread.
TEST(Console, SnapshotsAreTheManagersPictureStoredByTheWriter)
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    const QString path = dir.filePath(QStringLiteral("r.vigie"));
    auto created = Room::create(path, QStringLiteral("Salle"), RoomMode::Exercise, clock);
    ASSERT_TRUE(created);
    const LogStore &store = (*created)->store();
    auto writer = RoomWriter::start(path, clock);
    ASSERT_TRUE(writer) << writer.error().message.toStdString();
    auto lastSnapshot = [&store] {
        auto seq = store.lastSnapshotSeq();
        return seq ? *seq : -1;
    };
    auto notes = [&clock](int count) {
        std::vector<Entry> drafts;
        for (int i = 0; i < count; ++i) {
            Entry e;
            e.kind = QStringLiteral("note");
            e.author = QStringLiteral("poste");
            e.eventTime = clock.now();
            e.data = QJsonObject{{QStringLiteral("text"), QStringLiteral("Point %1").arg(i)}};
            drafts.push_back(std::move(e));
        }
        return drafts;
    };
    // Appended through the writer alone: no snapshot, even past SnapshotKeeper's 4096 entries (it has no
    // picture to store).
    std::optional<Result<std::vector<Entry>>> answer;
    for (int batch = 0; batch < 4; ++batch)
        writer->get()->append(notes(1025), nullptr, {});
    writer->get()->waitForIdle();
    EXPECT_EQ(lastSnapshot(), 0) << "the writer's Room folded the log itself";

    PictureManager manager(store, clock, path);
    manager.setWriter(writer->get());
    manager.setSnapshotPolicy(SnapshotPolicy(16, 0));
    ASSERT_TRUE(manager.load());
    ASSERT_EQ(manager.picture().lastSeq, 4100);
    manager.append(notes(1), [&](const Result<std::vector<Entry>> &stored) { answer = stored; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return answer.has_value(); }, 5000));
    ASSERT_TRUE(answer->ok()) << answer->error().message.toStdString();
    writer->get()->waitForIdle(); // the snapshot is queued on the writer after the append's answer
    EXPECT_EQ(lastSnapshot(), 4101);

    // Entries another process appends are folded, and the next snapshot falls due from the last one.
    ASSERT_TRUE((*created)->append(notes(10)));
    EXPECT_EQ(manager.poll(), 10);
    writer->get()->waitForIdle();
    EXPECT_EQ(lastSnapshot(), 4101) << "not due before 16 entries";
    ASSERT_TRUE((*created)->append(notes(6)));
    EXPECT_EQ(manager.poll(), 6);
    writer->get()->waitForIdle();
    EXPECT_EQ(lastSnapshot(), 4117);

    // The snapshot is the manager's picture, and a fresh load starts from it and reaches the same picture
    // as a fold from scratch.
    auto snapshot = store.snapshotFor(Timestamp{std::numeric_limits<qint64>::max()});
    ASSERT_TRUE(snapshot && snapshot->has_value());
    auto restored = deserialisePicture((*snapshot)->picture);
    ASSERT_TRUE(restored);
    EXPECT_TRUE(*restored == manager.picture());
    auto opened = Room::open(path, clock);
    ASSERT_TRUE(opened);
    PictureManager fresh((*opened)->store(), clock, path);
    ASSERT_TRUE(fresh.load());
    auto scratch = foldFromScratch((*opened)->store());
    ASSERT_TRUE(scratch);
    EXPECT_TRUE(fresh.picture() == *scratch);
}

int main(int argc, char **argv)
{
    // Test discovery runs this without ctest's environment: never try to reach a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ui::useLanguage(QStringLiteral("fr")); // as the console starts
    testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
