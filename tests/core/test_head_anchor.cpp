// The end of a room's log against its head record: a log cut at its end, or a room file restored from an
// older copy, is reported by verify, and the record keeps that evidence until a person accepts the loss.
#include "log/entry_kinds.h"
#include "store/sqlite_db.h"
#include "test_util.h"

#include <QFile>

using namespace vigie;

namespace {

void appendNotes(Room &room, int count, int batch = 25)
{
    for (int done = 0; done < count;) {
        std::vector<Entry> drafts;
        for (int i = 0; i < batch && done < count; ++i, ++done)
            drafts.push_back(test::note(1000 + done, QStringLiteral("n%1").arg(done)));
        ASSERT_TRUE(room.append(std::move(drafts)).ok());
    }
}

/// Deletes the last `n` entries behind the program's back, as a hand edit or a partial restore would.
void cutEnd(const QString &path, int n)
{
    auto db = sql::Database::open(path, sql::Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec(QByteArray("DELETE FROM entries WHERE seq > (SELECT max(seq) FROM entries) - ") +
                         QByteArray::number(n)));
}

} // namespace

TEST(HeadAnchor, ANewRoomAndItsAppendsVerify)
{
    test::TempRoom t;
    auto empty = t.room->verify();
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->intact());
    appendNotes(*t.room, 60);
    auto record = t.room->headAnchor()->read();
    ASSERT_TRUE(record.ok());
    ASSERT_TRUE(record->has_value());
    EXPECT_EQ((*record)->seq, 60);
    EXPECT_EQ((*record)->hash, t.room->store().lastHash());
    auto report = t.room->verify();
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->intact()) << report->problem.toStdString();
}

class HeadAnchorCut : public testing::TestWithParam<int>
{
};

TEST_P(HeadAnchorCut, ACutEndIsReportedAndStaysReportedUntilAccepted)
{
    const int n = GetParam();
    test::TempRoom t;
    appendNotes(*t.room, 150);
    t.room.reset();
    cutEnd(t.path(), n);

    auto room = Room::open(t.path(), t.clock);
    ASSERT_TRUE(room.ok());
    ASSERT_TRUE((*room)->store().verify()->intact()) << "the chain alone cannot see the cut";
    auto report = (*room)->verify();
    ASSERT_TRUE(report.ok());
    ASSERT_FALSE(report->intact());
    EXPECT_EQ(*report->firstBadSeq, 150 - n + 1);
    EXPECT_TRUE(report->problem.contains(QStringLiteral("recorded at seq 150")))
        << report->problem.toStdString();

    // Appending past the recorded head does not erase the evidence of the cut.
    appendNotes(**room, n + 5);
    report = (*room)->verify();
    ASSERT_TRUE(report.ok());
    EXPECT_FALSE(report->intact());
    EXPECT_EQ((*(*room)->headAnchor()->read())->seq, 150);

    auto logged = (*room)->acceptLoss(QStringLiteral("cadre de permanence"));
    ASSERT_TRUE(logged.ok()) << logged.error().message.toStdString();
    EXPECT_EQ(logged->kind, kinds::logTruncated);
    EXPECT_EQ(logged->data.value(QStringLiteral("recorded_seq")).toInteger(), 150);
    EXPECT_EQ(logged->data.value(QStringLiteral("found_seq")).toInteger(), 150 + 5);
    report = (*room)->verify();
    ASSERT_TRUE(report.ok());
    EXPECT_TRUE(report->intact()) << report->problem.toStdString();
    EXPECT_FALSE((*room)->acceptLoss(QStringLiteral("x")).ok()) << "nothing left to accept";
}

INSTANTIATE_TEST_SUITE_P(LastEntries, HeadAnchorCut, testing::Values(1, 10, 100));

TEST(HeadAnchor, ARoomFileRestoredFromAnOlderCopyIsReported)
{
    test::TempRoom t;
    appendNotes(*t.room, 50);
    t.room.reset();
    const QString copy = t.dir.filePath(QStringLiteral("copy.vigie"));
    ASSERT_TRUE(QFile::copy(t.path(), copy));
    {
        auto room = Room::open(t.path(), t.clock);
        ASSERT_TRUE(room.ok());
        appendNotes(**room, 30);
    }
    ASSERT_TRUE(QFile::remove(t.path()));
    ASSERT_TRUE(QFile::copy(copy, t.path()));
    auto room = Room::open(t.path(), t.clock);
    ASSERT_TRUE(room.ok());
    auto report = (*room)->verify();
    ASSERT_TRUE(report.ok());
    ASSERT_FALSE(report->intact());
    EXPECT_EQ(*report->firstBadSeq, 51);
}

TEST(HeadAnchor, AnAlteredRecordIsReported)
{
    test::TempRoom t;
    appendNotes(*t.room, 20);
    const QString path = HeadAnchor::pathFor(t.path());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QByteArray text = f.readAll();
    f.close();
    // Lowering the recorded head, as one would to hide a cut, breaks the signature.
    text.replace("\"seq\":20", "\"seq\":10");
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
    f.close();
    auto report = t.room->verify();
    ASSERT_TRUE(report.ok());
    ASSERT_FALSE(report->intact());
    EXPECT_TRUE(report->problem.contains(QStringLiteral("not signed"))) << report->problem.toStdString();
}
