// Replay in the console: opened at a past time, the map, the lists and the log show the picture of that
// time (the fold from scratch up to it), writing is refused, new entries of that past join it, and
// "Revenir au direct" brings the live picture and the writing actions back.
#include "ui/feeds_panel.h"
#include "ui/incidents_panel.h"
#include "ui/main_window.h"
#include "ui/models/incidents_model.h"
#include "ui/models/log_model.h"
#include "ui/replay_controls.h"
#include "ui/timeline_bar.h"

#include "maps/map_view.h"

#include "feeds/ingestor.h"
#include "room/direct_sink.h"
#include "room/picture_manager.h"
#include "room/replay_manager.h"
#include "room/room.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <map>
#include <set>

using namespace vigie;

namespace {

constexpr qint64 t0 = 1784055600000; // 2026-07-14T19:00:00Z, 21:00 in Marseille
constexpr qint64 minute = 60'000;

Entry draft(const QString &kind, qint64 at, QJsonObject data, std::optional<GeoPoint> where = {})
{
    Entry e;
    e.kind = kind;
    e.eventTime = Timestamp{at};
    e.author = QStringLiteral("CTA 13");
    e.role = QStringLiteral("operator");
    e.agency = QStringLiteral("fire");
    e.data = std::move(data);
    if (where)
        e.geo = Geometry::point(*where);
    return e;
}

Entry incident(const QString &kind, const QString &id, qint64 at)
{
    return draft(kind, at,
                 {{QStringLiteral("incident"), id},
                  {QStringLiteral("type"), QStringLiteral("fire")},
                  {QStringLiteral("title"), QStringLiteral("Feu %1").arg(id)},
                  {QStringLiteral("severity"), 3}},
                 GeoPoint{5.37 + id.size() * 0.001, 43.29});
}

Entry unit(const QString &id, const QString &status, qint64 at)
{
    return draft(QStringLiteral("unit.status"), at,
                 {{QStringLiteral("unit"), id},
                  {QStringLiteral("callsign"), id},
                  {QStringLiteral("type"), QStringLiteral("VSAV")},
                  {QStringLiteral("status"), status}},
                 GeoPoint{5.38, 43.30});
}

struct ReplayConsole : testing::Test
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{t0 + 120 * minute}};
    std::unique_ptr<Room> room;
    std::unique_ptr<DirectSink> sink;
    std::unique_ptr<PictureManager> manager;
    std::unique_ptr<ui::MainWindow> window;
    maps::MapView *map = nullptr;
    std::unique_ptr<ReplayManager> replay;
    ui::ReplayControls *controls = nullptr;

    void SetUp() override
    {
        auto created = Room::create(dir.filePath(QStringLiteral("replay.vigie")), QStringLiteral("Relecture"),
                                    RoomMode::Exercise, clock);
        ASSERT_TRUE(created);
        room = std::move(*created);
        // A: opened 21:10, closed 21:50. B: opened 21:30. VSAV-2 leaves at 21:40. The status at 21:20 of
        // VSAV-1 is written up late, after B's opening: the entry with the earlier time comes later.
        auto appended =
            room->append({unit(QStringLiteral("VSAV-1"), QStringLiteral("available"), t0),
                          unit(QStringLiteral("VSAV-2"), QStringLiteral("available"), t0),
                          incident(QStringLiteral("incident.open"), QStringLiteral("A"), t0 + 10 * minute),
                          incident(QStringLiteral("incident.open"), QStringLiteral("B"), t0 + 30 * minute),
                          unit(QStringLiteral("VSAV-1"), QStringLiteral("on_scene"), t0 + 20 * minute),
                          unit(QStringLiteral("VSAV-2"), QStringLiteral("en_route"), t0 + 40 * minute),
                          incident(QStringLiteral("incident.close"), QStringLiteral("A"), t0 + 50 * minute)});
        ASSERT_TRUE(appended) << appended.error().message.toStdString();
        sink = std::make_unique<DirectSink>(*room);
        manager = std::make_unique<PictureManager>(room->store(), room->clock(), room->path());
        manager->setWriter(sink.get());
        ASSERT_TRUE(manager->load());
        window = std::make_unique<ui::MainWindow>(*manager);
        map = new maps::MapView(manager.get());
        window->setCentralView(map);
        replay = std::make_unique<ReplayManager>(*manager);
        controls = new ui::ReplayControls(*window, *replay);
        window->resize(1600, 900);
        window->show();
    }
    void TearDown() override
    {
        replay.reset(); // its thread stops before the window and the manager go
        window.reset();
    }

    /// Waits until the replay shows the picture for the time asked, with the activity counted.
    [[nodiscard]] bool settled() const
    {
        return QTest::qWaitFor([this] { return !replay->busy() && !replay->activity().counts.empty(); },
                               10000);
    }
    /// The incident ids the map draws, once its batched refresh ran.
    [[nodiscard]] std::set<QString> mapIncidents() const
    {
        QTest::qWait(80); // the map repaints its layers at most every 33 ms
        std::set<QString> ids;
        for (const maps::MapObject &o : map->contents().objects)
            if (o.layer == maps::Layer::Incidents)
                ids.insert(o.id);
        return ids;
    }
    [[nodiscard]] QAction *action(const QString &text) const
    {
        for (QAction *a : window->findChildren<QAction *>())
            if (a->text() == text)
                return a;
        return nullptr;
    }
};

TEST_F(ReplayConsole, ShowsThePastRefusesWritingAndReturnsToLive)
{
    EXPECT_EQ(mapIncidents(), (std::set<QString>{QStringLiteral("B")})); // live: A is closed
    const qint64 liveSeq = room->store().lastSeq();

    // Ctrl+R opens the replay (at the end); then the slider goes to 21:35.
    QAction *toggle = controls->toggleAction();
    ASSERT_EQ(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    toggle->trigger();
    ASSERT_TRUE(replay->active());
    ASSERT_TRUE(settled());
    const Timestamp at{t0 + 35 * minute};
    replay->seek(at);
    ASSERT_TRUE(settled());
    ASSERT_TRUE(manager->replaying());
    EXPECT_EQ(replay->shownAt(), at);

    // The picture is the fold from scratch up to 21:35: A and B open, VSAV-1 on scene (its late status),
    // VSAV-2 still available.
    auto reference = foldFromScratch(room->store(), at);
    ASSERT_TRUE(reference);
    EXPECT_TRUE(manager->picture() == *reference);
    EXPECT_EQ(manager->picture().units.at(QStringLiteral("VSAV-1")).status, QStringLiteral("on_scene"));
    EXPECT_EQ(manager->picture().units.at(QStringLiteral("VSAV-2")).status, QStringLiteral("available"));
    EXPECT_EQ(mapIncidents(), (std::set<QString>{QStringLiteral("A"), QStringLiteral("B")}));
    // The list says how long ago at 21:35, not now: A opened at 21:10, B at 21:30.
    ui::IncidentsModel *incidents = window->incidentsPanel()->model();
    std::map<QString, QString> ages;
    for (int row = 0; row < incidents->rowCount(); ++row)
        ages[incidents->index(row, 0).data(ui::IncidentsModel::IdRole).toString()] =
            incidents->index(row, ui::IncidentsModel::Age).data().toString();
    EXPECT_EQ(ages, (std::map<QString, QString>{{QStringLiteral("A"), QStringLiteral("25 min")},
                                                {QStringLiteral("B"), QStringLiteral("5 min")}}));

    // The log: the entries of 21:35 and before, in seq order, the late status last.
    ui::LogModel *log = window->logModel();
    ASSERT_EQ(log->rowCount(), 5);
    for (int row = 0; row < log->rowCount(); ++row)
        EXPECT_LE(log->entryAt(row)->eventTime.msecs, at.msecs);
    EXPECT_EQ(log->entryAt(4)->seq, 5);

    // The console says so: the banner names the time, in the room's zone and French order.
    auto *banner = window->findChild<QLabel *>(QStringLiteral("ReplayBanner"));
    ASSERT_TRUE(banner);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().startsWith(QStringLiteral("RELECTURE — 14/07/2026 21:35:00")))
        << banner->text().toStdString();
    EXPECT_TRUE(controls->bar()->isVisible());

    // Writing is greyed and refused, whatever the path.
    QAction *note = action(QStringLiteral("&Note…"));
    ASSERT_TRUE(note);
    EXPECT_FALSE(note->isEnabled());
    EXPECT_FALSE(window->undoLastCorrection());
    EXPECT_TRUE(window->statusBar()->currentMessage().startsWith(QStringLiteral("Relecture")))
        << window->statusBar()->currentMessage().toStdString();
    std::optional<Result<std::vector<Entry>>> outcome;
    manager->append({draft(QStringLiteral("decision"), t0 + 36 * minute,
                           {{QStringLiteral("text"), QStringLiteral("x")}})},
                    [&outcome](const Result<std::vector<Entry>> &r) { outcome = r; });
    ASSERT_TRUE(outcome.has_value());
    EXPECT_FALSE(outcome->ok());
    EXPECT_EQ(room->store().lastSeq(), liveSeq);

    // Entries arrive meanwhile: one about 21:25 (written up late) joins the past shown; one of now does not,
    // neither on the map nor in the log.
    ASSERT_TRUE(
        room->append({incident(QStringLiteral("incident.open"), QStringLiteral("C"), t0 + 25 * minute),
                      incident(QStringLiteral("incident.open"), QStringLiteral("D"), t0 + 115 * minute)}));
    manager->poll();
    ASSERT_TRUE(QTest::qWaitFor(
        [this] { return manager->picture().incidents.count(QStringLiteral("C")) == 1; }, 10000));
    ASSERT_TRUE(settled());
    reference = foldFromScratch(room->store(), at);
    ASSERT_TRUE(reference);
    EXPECT_TRUE(manager->picture() == *reference);
    EXPECT_EQ(mapIncidents(),
              (std::set<QString>{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}));
    ASSERT_EQ(log->rowCount(), 6);
    EXPECT_EQ(log->entryAt(5)->data.value(QStringLiteral("incident")).toString(), QStringLiteral("C"));

    // "Revenir au direct": the live picture, its log, and writing again.
    controls->bar()->liveButton()->click();
    EXPECT_FALSE(manager->replaying());
    EXPECT_FALSE(replay->active());
    EXPECT_FALSE(banner->isVisible());
    EXPECT_TRUE(note->isEnabled());
    EXPECT_FALSE(toggle->isChecked());
    EXPECT_EQ(mapIncidents(),
              (std::set<QString>{QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")}));
    EXPECT_EQ(log->entryAt(log->rowCount() - 1)->seq, room->store().lastSeq());
    outcome.reset();
    manager->append({draft(QStringLiteral("note"), t0 + 116 * minute,
                           {{QStringLiteral("text"), QStringLiteral("retour")}})},
                    [&outcome](const Result<std::vector<Entry>> &r) { outcome = r; });
    ASSERT_TRUE(outcome.has_value());
    EXPECT_TRUE(outcome->ok());
}

TEST_F(ReplayConsole, KeysStepAndPlayInTheBar)
{
    replay->enter(Timestamp{t0 + 20 * minute});
    ASSERT_TRUE(settled());
    replay->seek(Timestamp{t0 + 20 * minute});
    ASSERT_TRUE(settled());
    controls->bar()->setFocus();
    QTest::keyClick(controls->bar(), Qt::Key_Right);
    EXPECT_EQ(replay->at().msecs, t0 + 20 * minute + 10'000);
    QTest::keyClick(controls->bar(), Qt::Key_Left, Qt::ShiftModifier);
    EXPECT_EQ(replay->at().msecs, t0 + 15 * minute + 10'000);
    QTest::keyClick(controls->bar(), Qt::Key_Space);
    EXPECT_TRUE(replay->playing());
    if (const QByteArray shots = qgetenv("VIGIE_SCREENSHOT_DIR"); !shots.isEmpty()) {
        QTest::qWait(400); // a few frames at ×60
        window->grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/replay-playing.png"));
    }
    QTest::keyClick(controls->bar(), Qt::Key_Space);
    EXPECT_FALSE(replay->playing());
    // The time labels are the room's, French order.
    EXPECT_EQ(ui::TimelineBar::roomTimeText(t0 + 73 * minute), QStringLiteral("14/07/2026 22:13"));
    ASSERT_TRUE(settled());
    auto reference = foldFromScratch(room->store(), replay->at());
    ASSERT_TRUE(reference);
    EXPECT_TRUE(manager->picture() == *reference);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

// A feed's pause is written to the log: its button is greyed while the console shows the past.
TEST_F(ReplayConsole, TheFeedPauseWaitsForTheLivePicture)
{
    const QByteArray sensors = R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"s1","geometry":{"type":"Point","coordinates":[5.3700,43.2950]},
         "properties":{"time":"2026-07-14T21:05:00+02:00","type":"gunshot","sensor":"acoustic-12"}}]})";
    const feeds::FeedRegistry registry;
    feeds::Ingestor ingestor(*room, registry);
    const feeds::FeedContext context{
        QStringLiteral("capteurs"), RoomMode::Exercise, QStringLiteral("police"), {}, {}};
    auto fed = ingestor.ingest(sensors, context, QStringLiteral("geojson"));
    ASSERT_TRUE(fed && fed->entries > 0);
    manager->poll();
    ui::FeedsPanel feedsPanel(*manager);
    feedsPanel.show();
    QApplication::processEvents();
    ASSERT_GT(feedsPanel.table()->rowCount(), 0);
    feedsPanel.table()->selectRow(0);
    auto *pause = feedsPanel.findChild<QPushButton *>(QStringLiteral("FeedsPause"));
    ASSERT_NE(pause, nullptr);
    EXPECT_TRUE(pause->isEnabled());
    replay->enter(Timestamp{t0 + 35 * minute});
    ASSERT_TRUE(settled());
    EXPECT_FALSE(pause->isEnabled());
    replay->leave();
    QApplication::processEvents();
    EXPECT_TRUE(pause->isEnabled());
}

// A room with no entry yet (an exercise about to begin): the replay stays at the time asked, never at the
// epoch, and follows the first entries as they come.
TEST(ReplayEmptyRoom, StaysAtTheTimeAskedAndFollowsTheFirstEntries)
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{t0 + 120 * minute}};
    auto created = Room::create(dir.filePath(QStringLiteral("vide.vigie")), QStringLiteral("Vide"),
                                RoomMode::Exercise, clock);
    ASSERT_TRUE(created);
    std::unique_ptr<Room> room = std::move(*created);
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::MainWindow window(manager);
    ReplayManager replay(manager);
    auto *controls = new ui::ReplayControls(window, replay);
    (void)controls;
    window.show();
    const Timestamp at{t0 + 35 * minute};
    replay.enter(at);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !replay.busy(); }, 10000));
    EXPECT_EQ(replay.at(), at);
    EXPECT_EQ(replay.shownAt(), at);
    EXPECT_FALSE(window.windowTitle().contains(QStringLiteral("1970"))) << window.windowTitle().toStdString();
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("14/07/2026")))
        << window.windowTitle().toStdString();

    // The first entries come: the span is counted again at once, and the time shown can reach them.
    ASSERT_TRUE(
        room->append({incident(QStringLiteral("incident.open"), QStringLiteral("A"), t0 + 10 * minute)}));
    manager.poll();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !replay.activity().counts.empty() && !replay.busy(); }, 10000));
    replay.seek(at);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !replay.busy(); }, 10000));
    EXPECT_EQ(manager.picture().incidents.count(QStringLiteral("A")), 1u);
    replay.leave();
}
