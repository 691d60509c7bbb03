// The "Événements prévus" dock: the calendar sorted by start with its types in French words, the clash
// check run off the GUI thread and its count per event, the map's shapes red for events in a clash.
#include "ui/events_panel.h"

#include "ui/dps_dialog.h"

#include "anticipation/event_import.h"
#include "room/picture_manager.h"
#include "room/room.h"
#include "room/room_writer.h"

#include "import_wait.h"

#include <QApplication>
#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>

using namespace vigie;
using vigie::test::waitForImport;

TEST(EventsPanel, ListsTheCalendarAndItsClashes)
{
    QTemporaryDir dir;
    // The panel's periods start now: the clock sits before the season.
    SimulatedClock clock{*Timestamp::parseIso(QStringLiteral("2026-12-01T09:00:00+01:00"))};
    auto room = Room::create(dir.filePath(QStringLiteral("r.vigie")), QStringLiteral("Saison"),
                             RoomMode::Live, clock);
    ASSERT_TRUE(room);
    const QByteArray csv =
        "id;titre;type;début;fin;affluence;lon;lat\n"
        "om;OM – Lens;match;2026-12-13T20:45:00+01:00;2026-12-13T22:45:00+01:00;64500;5.395049;43.269554\n"
        "hand;Handball;concert;2026-12-13T18:00:00+01:00;2026-12-13T20:30:00+01:00;5500;5.4035;43.264\n"
        "dome;Concert au "
        "Dôme;concert;2026-12-05T20:00:00+01:00;2026-12-05T23:00:00+01:00;8000;5.404474;43.315315\n";
    const auto imported = anticipation::importCsv(csv, QStringLiteral("s.csv"), {});
    ASSERT_TRUE(imported.problems.empty());
    auto plan = anticipation::planImport(imported.events, {}, QStringLiteral("t"), clock.now());
    ASSERT_TRUE((*room)->append(std::move(plan.drafts)));

    PictureManager manager((*room)->store(), clock, (*room)->path());
    ASSERT_TRUE(manager.load());
    std::vector<maps::MapPlannedEvent> shapes;
    ui::EventsPanel panel(manager, (*room)->anonymiser(), nullptr);
    QObject::connect(&panel, &ui::EventsPanel::shapesChanged, &panel,
                     [&shapes](const std::vector<maps::MapPlannedEvent> &s) { shapes = s; });
    if (panel.checking()) {
        QEventLoop wait;
        QObject::connect(&panel, &ui::EventsPanel::clashesChecked, &wait, &QEventLoop::quit);
        QTimer::singleShot(30000, &wait, &QEventLoop::quit);
        wait.exec();
    }
    ASSERT_EQ(panel.clashes().size(), 1u);
    QTableWidget *table = panel.table();
    ASSERT_EQ(table->rowCount(), 3);
    EXPECT_EQ(table->item(0, 2)->text(), QStringLiteral("Concert au Dôme")); // by start
    EXPECT_EQ(table->item(1, 2)->text(), QStringLiteral("Handball"));
    EXPECT_EQ(table->item(2, 3)->text(), QStringLiteral("match"));
    EXPECT_EQ(table->item(0, 6)->text(), QString());           // no clash
    EXPECT_EQ(table->item(1, 6)->text(), QStringLiteral("1")); // one each
    EXPECT_EQ(table->item(2, 6)->text(), QStringLiteral("1"));
    ASSERT_EQ(panel.clashList()->topLevelItemCount(), 1);
    EXPECT_TRUE(panel.clashList()->topLevelItem(0)->text(2).contains(QStringLiteral("Handball")));
    ASSERT_EQ(shapes.size(), 3u);
    EXPECT_FALSE(shapes[0].clash);
    EXPECT_TRUE(shapes[1].clash && shapes[2].clash); // in a clash: drawn last, on top

    // The match's first-aid cover, sized from the calendar: its public is the grid's P1.
    EXPECT_EQ(panel.sizeFirstAidCover(), nullptr); // nothing selected
    table->selectRow(2);
    ui::DpsDialog *dps = panel.sizeFirstAidCover();
    ASSERT_NE(dps, nullptr);
    dps->setFactors(0.25, 0.25, 0.25);
    ASSERT_TRUE(dps->assessment().ok());
    EXPECT_EQ(dps->form().event.name, QStringLiteral("OM – Lens"));
    EXPECT_EQ(dps->form().event.date, QDate(2026, 12, 13));
    EXPECT_EQ(dps->assessment()->dpsClass, anticipation::DpsClass::Ge) << dps->assessment()->ris;
    EXPECT_DOUBLE_EQ(dps->assessment()->ris, 48.375); // 0.75 × 64,500 / 1000
    dps->close();
}

namespace {

/// The time of the season, noting the threads it is read from (the writer's Room stamps record times with
/// it: the threads that stamp are the threads that write).
class ThreadNotingClock : public Clock
{
public:
    [[nodiscard]] Timestamp now() const override
    {
        std::lock_guard lock(m_mutex);
        m_threads.insert(QThread::currentThread());
        return *Timestamp::parseIso(QStringLiteral("2026-12-01T09:00:00+01:00"));
    }
    [[nodiscard]] std::set<const QThread *> threads() const
    {
        std::lock_guard lock(m_mutex);
        return m_threads;
    }

private:
    mutable std::mutex m_mutex;
    mutable std::set<const QThread *> m_threads;
};

/// The console's writer, counting what goes through it.
class CountingSink : public EntrySink
{
public:
    explicit CountingSink(EntrySink &to) : m_to(to) {}
    using EntrySink::append;
    void append(std::vector<Entry> drafts, std::vector<Refused> refused, QObject *context, Done done) override
    {
        ++batches;
        entries += int(drafts.size());
        for (const Refused &r : refused)
            rejected += int(r.items.size());
        m_to.append(std::move(drafts), std::move(refused), context, std::move(done));
    }
    int batches = 0, entries = 0, rejected = 0;

private:
    EntrySink &m_to;
};

} // namespace

// The import writes as a note or a decision does: through the console's one writer (here a room file's
// writer thread), never through a room of its own; while the console replays the past it writes nothing.
TEST(EventsPanel, ImportsThroughTheConsolesWriterAndNotWhileReplaying)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.vigie"));
    SimulatedClock clock{*Timestamp::parseIso(QStringLiteral("2026-12-01T09:00:00+01:00"))};
    ASSERT_TRUE(Room::create(path, QStringLiteral("Saison"), RoomMode::Live, clock));
    auto room = Room::open(path, clock, SnapshotKeeping::ByCaller);
    ASSERT_TRUE(room);
    ThreadNotingClock writerClock;
    auto writer = RoomWriter::start(path, writerClock);
    ASSERT_TRUE(writer) << writer.error().message.toStdString();
    CountingSink sink(**writer);
    PictureManager manager((*room)->store(), clock, path);
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    const QString csv = dir.filePath(QStringLiteral("saison.csv"));
    {
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(
            "id;titre;type;début;fin;affluence;lon;lat\n"
            "om;OM – "
            "Lens;match;2026-12-13T20:45:00+01:00;2026-12-13T22:45:00+01:00;64500;5.395049;43.269554\n"
            "hand;Handball;concert;2026-12-13T18:00:00+01:00;2026-12-13T20:30:00+01:00;5500;5.4035;43.264\n"
            "bad;Sans date;match;demain;;100;5.4;43.3\n");
    }
    ui::EventsPanel panel(manager, (*room)->anonymiser(), nullptr);

    manager.showReplay(std::make_shared<Picture>(manager.livePicture()), clock.now());
    const QString refused = waitForImport(panel, csv);
    EXPECT_TRUE(refused.contains(QStringLiteral("replay"))) << refused.toStdString();
    (*writer)->waitForIdle();
    EXPECT_EQ(sink.batches, 0);
    auto none = (*room)->store().read(EntryQuery{});
    ASSERT_TRUE(none);
    EXPECT_TRUE(none->empty());
    manager.showLive();

    const QString summary = waitForImport(panel, csv);
    EXPECT_TRUE(summary.contains(QStringLiteral("2 nouveau(x)"))) << summary.toStdString();
    EXPECT_TRUE(summary.contains(QStringLiteral("1 refusé(s)"))) << summary.toStdString();
    EXPECT_EQ(sink.batches, 1);
    EXPECT_EQ(sink.entries, 2);
    EXPECT_EQ(sink.rejected, 1);
    // Stamped, hence written, on the writer's thread and nowhere else; folded by the console.
    EXPECT_EQ(writerClock.threads(), (std::set<const QThread *>{(*writer)->writerThread()}));
    auto stored = (*room)->store().read(EntryQuery{});
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->size(), 2u);
    EXPECT_EQ(manager.picture().lastSeq, 2);
    auto quarantined = (*room)->store().quarantined();
    ASSERT_TRUE(quarantined);
    ASSERT_EQ(quarantined->size(), 1u);
    EXPECT_EQ(quarantined->front().source, QStringLiteral("events:saison.csv"));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
