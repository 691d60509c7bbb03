// How the console shows a conflict (core/picture/conflicts.h) in the log: worded, addressed, highlighted.
#include "ui/labels.h"
#include "ui/models/log_model.h"

#include "allocation/suggestion.h"
#include "room/direct_sink.h"
#include "room/picture_manager.h"
#include "room/room.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QIcon>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace vigie;

// A conflict is worded from its numbers in the console's language, says "votre" to the desk whose entry lost,
// and stands out in the log: a coloured bold row with a warning sign, written by that desk on its own.
TEST(Console, AConflictIsWordedAndHighlightedInTheLog)
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784030580000}}; // 2026-07-14T12:03:00Z, 14:03 in Marseille
    auto room =
        Room::create(dir.filePath(QStringLiteral("r.vigie")), QStringLiteral("Salle"), RoomMode::Live, clock);
    ASSERT_TRUE(room);
    DirectSink sink(**room);
    PictureManager manager((*room)->store(), (*room)->clock(), (*room)->path());
    manager.setWriter(&sink);
    manager.setDeskAuthor(ui::deskAuthor());
    ASSERT_TRUE(manager.load());
    ui::LogModel log(manager, 100);
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::Fatal);

    Entry status;
    status.kind = QStringLiteral("unit.status");
    status.author = QStringLiteral("poste-codis");
    status.agency = QStringLiteral("fire");
    status.eventTime = clock.now();
    status.data = QJsonObject{{QStringLiteral("unit"), QStringLiteral("VSAV-PLOM-1")},
                              {QStringLiteral("callsign"), QStringLiteral("VSAV Plombières 1")},
                              {QStringLiteral("status"), QStringLiteral("available")}};
    std::vector<Entry> notes;
    for (int i = 0; i < 53; ++i) { // so that the losing accept is n° 57
        Entry n = status;
        n.kind = QStringLiteral("note");
        n.data = QJsonObject{{QStringLiteral("text"), QStringLiteral("point %1").arg(i)}};
        notes.push_back(n);
    }
    ASSERT_TRUE((*room)->append(notes));
    ASSERT_TRUE((*room)->append({status}));
    Entry suggestion;
    suggestion.kind = QStringLiteral("suggestion");
    suggestion.seq = 53;
    suggestion.agency = QStringLiteral("fire");
    suggestion.data = QJsonObject{{QStringLiteral("suggestion"), QStringLiteral("S-1")},
                                  {QStringLiteral("unit"), QStringLiteral("VSAV-PLOM-1")},
                                  {QStringLiteral("incident"), QStringLiteral("INC-0002")}};
    Entry other = suggestion;
    other.data.insert(QStringLiteral("suggestion"), QStringLiteral("S-2"));
    other.data.insert(QStringLiteral("incident"), QStringLiteral("INC-0005"));
    ASSERT_TRUE(
        (*room)->append(*allocation::acceptDrafts(suggestion, QStringLiteral("poste-codis"), clock.now())));
    clock.advance(120000);
    auto lost = (*room)->append(*allocation::acceptDrafts(other, ui::deskAuthor(), clock.now()));
    ASSERT_TRUE(lost);
    ASSERT_EQ(lost->front().seq, 57);

    EXPECT_EQ(manager.poll(), 58); // and this desk reports the conflict: one more row
    ASSERT_EQ(log.rowCount(), 59);
    const int row = 58;
    const Entry *conflict = log.entryAt(row);
    ASSERT_NE(conflict, nullptr);
    ASSERT_EQ(conflict->kind, QStringLiteral("conflict"));
    EXPECT_EQ(log.data(log.index(row, ui::LogModel::Summary)).toString().toStdString(),
              "Conflit : VSAV Plombières 1 était déjà engagé sur INC-0002 par poste-codis à 14:03 — votre "
              "acceptation (n° 57) n'a pas pris effet");
    EXPECT_EQ(log.data(log.index(row, ui::LogModel::Kind)).toString(), QStringLiteral("Conflit"));
    for (int column = 0; column < ui::LogModel::ColumnCount; ++column)
        EXPECT_EQ(log.data(log.index(row, column), Qt::BackgroundRole).value<QColor>(),
                  ui::LogModel::conflictBackground());
    EXPECT_TRUE(log.data(log.index(row, ui::LogModel::Summary), Qt::FontRole).value<QFont>().bold());
    EXPECT_FALSE(log.data(log.index(row, ui::LogModel::Kind), Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_FALSE(log.data(log.index(row - 1, ui::LogModel::Summary), Qt::BackgroundRole).isValid());

    // Another desk reads whose entry it was; the wording follows the console's language.
    Entry seenElsewhere = *conflict;
    seenElsewhere.data.insert(QStringLiteral("loser_author"), QStringLiteral("poste-samu"));
    EXPECT_EQ(ui::LogModel::summary(seenElsewhere).toStdString(),
              "Conflit : VSAV Plombières 1 était déjà engagé sur INC-0002 par poste-codis à 14:03 — "
              "l'acceptation de poste-samu (n° 57) n'a pas pris effet");
    ui::useLanguage(QStringLiteral("en"));
    EXPECT_EQ(ui::LogModel::summary(*conflict).toStdString(),
              "Conflict: VSAV Plombières 1 was already committed to INC-0002 by poste-codis at 14:03 — your "
              "acceptance (no. 57) did not take effect");
    EXPECT_EQ(ui::kindLabel(conflict->kind), QStringLiteral("Conflict"));
    ui::useLanguage(QStringLiteral("fr"));
    // The record keeps its reason in English, whatever the console's language.
    EXPECT_TRUE(conflict->data.value(QStringLiteral("reason"))
                    .toString()
                    .startsWith(QStringLiteral(
                        "VSAV Plombières 1 (VSAV-PLOM-1) was already en route to INC-0002 by poste-codis")))
        << conflict->data.value(QStringLiteral("reason")).toString().toStdString();
}
