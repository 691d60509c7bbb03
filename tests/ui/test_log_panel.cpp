// The main courante's filter bar: text, service, nature; Ctrl+F in the log, Ctrl+Shift+F anywhere.
#include "ui/labels.h"
#include "ui/log_panel.h"
#include "ui/main_window.h"
#include "ui/models/log_model.h"

#include "demo/demo_room.h"
#include "log/entry_kinds.h"
#include "room/direct_sink.h"
#include "room/picture_manager.h"
#include "room/room.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace vigie;

namespace {

struct LogPanelTest : testing::Test
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

    /// The rows of the model that `keep` accepts, counted apart from the proxy.
    static int countWhere(const ui::LogModel &log, const std::function<bool(const Entry &)> &keep)
    {
        int n = 0;
        for (int row = 0; row < log.rowCount(); ++row)
            n += keep(*log.entryAt(row));
        return n;
    }

    static void select(QComboBox *combo, const QString &data)
    {
        const int at = combo->findData(data);
        ASSERT_GE(at, 0) << data.toStdString();
        combo->setCurrentIndex(at);
    }
};

} // namespace

TEST_F(LogPanelTest, NarrowsTheLogByTextServiceAndNature)
{
    PictureManager manager(room->store(), room->clock(), room->path());
    ASSERT_TRUE(manager.load());
    ui::LogModel log(manager);
    ui::LogPanel panel(&log);
    QAbstractItemModelTester tester(panel.filter(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int all = log.rowCount();
    ASSERT_GT(all, 100);
    EXPECT_EQ(panel.filter()->rowCount(), all);

    // By service.
    select(panel.agencyChoice(), QStringLiteral("samu"));
    const int samu = countWhere(log, [](const Entry &e) { return e.agency == QLatin1String("samu"); });
    ASSERT_GT(samu, 0);
    ASSERT_LT(samu, all);
    EXPECT_EQ(panel.filter()->rowCount(), samu);
    for (int row = 0; row < panel.filter()->rowCount(); ++row)
        EXPECT_EQ(panel.filter()->index(row, ui::LogModel::Agency).data().toString(),
                  ui::agencyLabel(QStringLiteral("samu")));

    // And by nature: both hold.
    ASSERT_GE(panel.kindChoice()->findData(QString(kinds::unitStatus)), 0) << "natures come from the log";
    EXPECT_EQ(panel.kindChoice()->itemText(panel.kindChoice()->findData(QString(kinds::unitStatus))),
              QStringLiteral("Statut d'unité"));
    select(panel.kindChoice(), kinds::unitStatus);
    const int samuStatus = countWhere(
        log, [](const Entry &e) { return e.agency == QLatin1String("samu") && e.kind == kinds::unitStatus; });
    ASSERT_GT(samuStatus, 0);
    ASSERT_LT(samuStatus, samu);
    EXPECT_EQ(panel.filter()->rowCount(), samuStatus);
    EXPECT_NE(
        panel.findChild<QLabel *>(QStringLiteral("LogCount"))->text().indexOf(QString::number(samuStatus)),
        -1);

    // By text, with every service and nature: case and accents do not matter, every word must appear.
    select(panel.agencyChoice(), QString());
    select(panel.kindChoice(), QString());
    EXPECT_EQ(panel.filter()->rowCount(), all);
    panel.searchField()->setText(QStringLiteral("DECISION"));
    panel.applyText();
    const int decisions = countWhere(log, [](const Entry &e) {
        return ui::LogFilter::searchable(e).contains(QStringLiteral("decision"));
    });
    ASSERT_GT(decisions, 0);
    ASSERT_LT(decisions, all);
    EXPECT_EQ(panel.filter()->rowCount(), decisions);
    for (int row = 0; row < panel.filter()->rowCount(); ++row) {
        const QString line = panel.filter()->index(row, ui::LogModel::Kind).data().toString() + u' ' +
                             panel.filter()->index(row, ui::LogModel::Summary).data().toString() + u' ' +
                             panel.filter()->index(row, ui::LogModel::Author).data().toString();
        EXPECT_TRUE(line.contains(QStringLiteral("écision"), Qt::CaseInsensitive) ||
                    line.contains(QStringLiteral("ecision"), Qt::CaseInsensitive))
            << line.toStdString();
    }
    panel.searchField()->setText(QStringLiteral("décision zzzz-absent"));
    panel.applyText();
    EXPECT_EQ(panel.filter()->rowCount(), 0);
    panel.searchField()->clear();
    panel.applyText();
    EXPECT_EQ(panel.filter()->rowCount(), all);
}

TEST_F(LogPanelTest, AnEntryWrittenLaterIsFilteredAsItArrives)
{
    DirectSink sink(*room);
    PictureManager manager(room->store(), room->clock(), room->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::LogModel log(manager);
    ui::LogPanel panel(&log);
    panel.searchField()->setText(QStringLiteral("tramway"));
    panel.applyText();
    const int before = panel.filter()->rowCount();
    Entry note;
    note.kind = QString(kinds::note);
    note.author = QStringLiteral("poste-police");
    note.agency = QStringLiteral("police");
    note.eventTime = clock.now();
    note.data = QJsonObject{{QStringLiteral("text"), QStringLiteral("Ligne de Tramway T2 coupée")}};
    Entry other = note;
    other.data = QJsonObject{{QStringLiteral("text"), QStringLiteral("Rien à signaler")}};
    manager.append({note, other});
    manager.poll();
    EXPECT_EQ(panel.filter()->rowCount(), before + 1);
}

TEST_F(LogPanelTest, CtrlFPutsTheCursorInTheSearchAndCtrlShiftFFindsTheLogFromAnywhere)
{
    PictureManager manager(room->store(), room->clock(), room->path());
    ASSERT_TRUE(manager.load());
    ui::MainWindow window(manager);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    ui::LogPanel *panel = window.logPanel();
    ASSERT_NE(panel, nullptr);
    EXPECT_EQ(window.findChild<QDockWidget *>(QStringLiteral("LogDock"))->widget(), panel);

    panel->view()->setFocus();
    ASSERT_TRUE(panel->view()->hasFocus());
    QTest::keyClick(panel->view(), Qt::Key_F, Qt::ControlModifier);
    EXPECT_TRUE(panel->searchField()->hasFocus());
    // Escape empties the search.
    QTest::keyClicks(panel->searchField(), QStringLiteral("samu"));
    QTest::keyClick(panel->searchField(), Qt::Key_Escape);
    EXPECT_TRUE(panel->searchField()->text().isEmpty());

    auto *units = window.findChild<QTableView *>(QStringLiteral("UnitsView"));
    ASSERT_NE(units, nullptr);
    units->setFocus();
    ASSERT_FALSE(panel->searchField()->hasFocus());
    QTest::keyClick(units, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_TRUE(panel->searchField()->hasFocus());
}

TEST(LogPanelScale, TwentyThousandEntriesFilterInAFewMilliseconds)
{
    // The log model holds the latest 20,000 entries (a room of a million opens with those); typing in the
    // search must not freeze the window.
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    auto room = Room::create(dir.filePath(QStringLiteral("big.vigie")), QStringLiteral("Grande salle"),
                             RoomMode::Live, clock);
    ASSERT_TRUE(room);
    std::vector<Entry> drafts;
    const char *agencies[] = {"fire", "samu", "police", "officials"};
    for (int i = 0; i < 20000; ++i) {
        Entry e;
        e.kind = QString(i % 3 ? kinds::note : kinds::unitStatus);
        e.author = QStringLiteral("poste-%1").arg(i % 7);
        e.agency = QLatin1String(agencies[i % 4]);
        e.eventTime = Timestamp{clock.now().msecs + i * 1000};
        e.data =
            i % 3 ? QJsonObject{{QStringLiteral("text"), QStringLiteral("point de situation n° %1").arg(i)}}
                  : QJsonObject{{QStringLiteral("unit"), QStringLiteral("VSAV-%1").arg(i % 50)},
                                {QStringLiteral("status"), QStringLiteral("on_scene")}};
        drafts.push_back(std::move(e));
    }
    ASSERT_TRUE((*room)->append(std::move(drafts)));
    PictureManager manager((*room)->store(), clock, (*room)->path());
    ASSERT_TRUE(manager.load());
    ui::LogModel log(manager);
    ASSERT_EQ(log.rowCount(), 20000);
    ui::LogPanel panel(&log);
    // The texts are prepared in slices while the window is idle (each slice short: the window stays live).
    QElapsedTimer idle;
    idle.start();
    int slices = 0;
    while (!panel.filter()->prepare(0) && idle.elapsed() < 10000) {
        QCoreApplication::processEvents();
        ++slices;
    }
    ASSERT_TRUE(panel.filter()->prepare(0));
    EXPECT_GE(slices, 20000 / 500 - 1);
    panel.searchField()->setText(QStringLiteral("situation 1999"));
    QElapsedTimer first;
    first.start();
    panel.applyText();
    const qint64 firstMs = first.elapsed();
    int expected = 0; // notes whose text or seq holds 1999 (n° 1999, 19990…, seq 1999…)
    for (int row = 0; row < log.rowCount(); ++row) {
        const QString text = ui::LogFilter::searchable(*log.entryAt(row));
        expected += text.contains(QStringLiteral("situation")) && text.contains(QStringLiteral("1999"));
    }
    ASSERT_GT(expected, 5);
    EXPECT_EQ(panel.filter()->rowCount(), expected);
    panel.searchField()->setText(QStringLiteral("situation 1998"));
    QElapsedTimer again;
    again.start();
    panel.applyText();
    const qint64 againMs = again.elapsed();
    EXPECT_GT(panel.filter()->rowCount(), 0);
    std::printf("filter over 20,000 prepared entries: %lld ms, then %lld ms\n",
                static_cast<long long>(firstMs), static_cast<long long>(againMs));
    // Generous bounds for a loaded test machine; the figures measured are printed above.
    EXPECT_LT(firstMs, 250);
    EXPECT_LT(againMs, 250);
}

TEST(LogPanelWholeLog, FindsEntriesOlderThanTheLoadedOnesWithoutWaitingForThem)
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    const QString path = dir.filePath(QStringLiteral("long.vigie"));
    auto room = Room::create(path, QStringLiteral("Longue salle"), RoomMode::Live, clock);
    ASSERT_TRUE(room);
    std::vector<Entry> drafts;
    for (int i = 0; i < 8000; ++i) {
        Entry e;
        e.kind = QString(kinds::note);
        e.author = QStringLiteral("poste-%1").arg(i % 7);
        e.agency = i % 2 ? QStringLiteral("police") : QStringLiteral("samu");
        e.eventTime = Timestamp{clock.now().msecs + i * 1000};
        e.data = QJsonObject{{QStringLiteral("text"), i % 100 == 0 ? QStringLiteral("Éboulement n° %1").arg(i)
                                                                   : QStringLiteral("RAS n° %1").arg(i)}};
        drafts.push_back(std::move(e));
    }
    ASSERT_TRUE((*room)->append(std::move(drafts)));
    PictureManager manager((*room)->store(), clock, path);
    ASSERT_TRUE(manager.load());
    ui::LogModel log(manager, 5000); // entries 3001…8000 loaded
    ui::LogPanel panel(&log);
    panel.setRoomFile(path);
    ASSERT_TRUE(panel.wholeLogButton()->isVisibleTo(&panel));
    EXPECT_FALSE(panel.wholeLogButton()->isEnabled()) << "nothing to search for yet";

    panel.searchField()->setText(QStringLiteral("eboulement"));
    panel.applyText();
    EXPECT_EQ(panel.filter()->rowCount(), 50); // those loaded
    ASSERT_TRUE(panel.wholeLogButton()->isEnabled());
    QSignalSpy done(&panel, &ui::LogPanel::searchFinished);
    panel.wholeLogButton()->click();
    // The search runs on a worker: the click returns at once, the table still shows the live log.
    EXPECT_FALSE(panel.showsResults());
    EXPECT_EQ(panel.wholeLogButton()->text(), QStringLiteral("Arrêter"));
    ASSERT_TRUE(done.wait(30000));
    ASSERT_TRUE(panel.showsResults());
    QAbstractItemModel *shown = panel.view()->model();
    ASSERT_EQ(shown->rowCount(), 80);
    EXPECT_EQ(shown->index(0, ui::LogModel::Seq).data().toLongLong(), 1) << "the oldest, not loaded";
    for (int row = 0; row < shown->rowCount(); ++row)
        EXPECT_TRUE(shown->index(row, ui::LogModel::Summary)
                        .data()
                        .toString()
                        .startsWith(QStringLiteral("Éboulement")));
    EXPECT_TRUE(panel.findChild<QLabel *>(QStringLiteral("LogCount"))
                    ->text()
                    .startsWith(QStringLiteral("80 trouvées")))
        << panel.findChild<QLabel *>(QStringLiteral("LogCount"))->text().toStdString();

    // With a service as well: the search goes again; changing a condition brings the live log back.
    const int police = panel.agencyChoice()->findData(QStringLiteral("police"));
    panel.agencyChoice()->setCurrentIndex(police);
    EXPECT_FALSE(panel.showsResults());
    EXPECT_EQ(panel.view()->model(), panel.filter());
    EXPECT_EQ(panel.filter()->rowCount(), 0) << "the Éboulement notes are the SAMU's (even i)";
    panel.wholeLogButton()->click();
    ASSERT_TRUE(done.wait(30000));
    EXPECT_EQ(panel.view()->model()->rowCount(), 0);

    // Stopped before it ends: nothing shown, nothing left running.
    panel.agencyChoice()->setCurrentIndex(0);
    panel.wholeLogButton()->click();
    panel.showLive();
    EXPECT_FALSE(panel.showsResults());
    EXPECT_EQ(panel.wholeLogButton()->text(), QStringLiteral("Tout le journal"));
    QTest::qWait(200);
    EXPECT_FALSE(panel.showsResults());
}

TEST(LogPanelColumns, TheTimeShowsAWholeDateTimeAndTheSummaryTheRestWhenRowsComeLater)
{
    // A room that starts empty (the demo before its exercise plays, a new live room): the columns are laid
    // out before any row exists, and must still fit the rows that come.
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    auto room = Room::create(dir.filePath(QStringLiteral("empty.vigie")), QStringLiteral("Salle"),
                             RoomMode::Live, clock);
    ASSERT_TRUE(room);
    DirectSink sink(**room);
    PictureManager manager((*room)->store(), clock, (*room)->path());
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::LogModel log(manager);
    ui::LogPanel panel(&log);
    panel.resize(1600, 300);
    panel.show();
    QApplication::processEvents();
    ASSERT_EQ(log.rowCount(), 0);

    auto note = [&clock](const QString &text) {
        Entry e;
        e.kind = QString(kinds::note);
        e.author = QStringLiteral("poste-police");
        e.agency = QStringLiteral("police");
        e.eventTime = clock.now();
        e.data = QJsonObject{{QStringLiteral("text"), text}};
        return e;
    };
    manager.append({note(QStringLiteral("Point de situation")), note(QStringLiteral("RAS"))});
    manager.poll();
    QApplication::processEvents();
    ASSERT_EQ(log.rowCount(), 2);
    QTableView *view = panel.view();
    QHeaderView *header = view->horizontalHeader();
    for (const int width : {1600, 3840}) {
        SCOPED_TRACE(width);
        panel.resize(width, 300);
        QApplication::processEvents();
        // "14/07/2026 21:00:00" whole, not "14/07/…".
        EXPECT_GE(view->columnWidth(ui::LogModel::Time),
                  static_cast<QAbstractItemView *>(view)->sizeHintForColumn(ui::LogModel::Time));
        // The summary takes what the other columns leave, up to the table's right edge.
        EXPECT_EQ(header->sectionViewportPosition(ui::LogModel::Summary) +
                      header->sectionSize(ui::LogModel::Summary),
                  view->viewport()->width());
        EXPECT_GT(header->sectionSize(ui::LogModel::Summary), view->viewport()->width() / 2);
    }
    // More rows keep the widths as they are (a reader may have widened a column).
    const int time = view->columnWidth(ui::LogModel::Time);
    manager.append({note(QStringLiteral("Troisième"))});
    manager.poll();
    QApplication::processEvents();
    EXPECT_EQ(view->columnWidth(ui::LogModel::Time), time);
}
