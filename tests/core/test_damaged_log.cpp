// A damaged log (an entry's bytes altered, a page of the file overwritten): nothing that does not verify is
// folded into a picture, and every reader says where the damage is.
#include "test_util.h"

#include "cli_run.h"
#include "log/entry_kinds.h"
#include "picture/picture_seeker.h"
#include "store/sqlite_db.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

using namespace vigie;
using namespace vigie::test;

namespace {

void tamper(const QString &path, const QByteArray &sqlText)
{
    auto db = sql::Database::open(path, sql::Database::Mode::ReadWrite);
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec(sqlText)) << db->lastError().toStdString();
}

/// Breaks the JSON of entry `seq`'s data as a flipped byte would: its hash no longer matches, and read as it
/// is it would be an incident without an id.
void flipData(const QString &path, qint64 seq)
{
    tamper(path,
           QByteArrayLiteral("UPDATE entries SET data = CAST(replace(CAST(data AS TEXT), '\"incident\":\"', "
                             "'\"incident\"\"') AS BLOB) WHERE seq = ") +
               QByteArray::number(seq));
}

Entry incident(qint64 ms, const QString &id)
{
    return makeEntry(
        QStringLiteral("incident.open"), ms,
        {{QStringLiteral("incident"), id}, {QStringLiteral("title"), id}, {QStringLiteral("severity"), 2}});
}

using vigie::test::CliRun;

CliRun cli(const QStringList &args)
{
    return vigie::test::runCli(args);
}

} // namespace

TEST(DamagedLog, ThePictureStopsBeforeAnAlteredEntryInsteadOfFoldingAGhost)
{
    TempRoom t;
    ASSERT_TRUE(t.room->append({incident(1, QStringLiteral("I1")), incident(2, QStringLiteral("I2")),
                                incident(3, QStringLiteral("I3"))}));
    flipData(t.path(), 2);
    auto picture = t.room->picture();
    ASSERT_TRUE(picture) << picture.error().message.toStdString();
    EXPECT_EQ(picture->lastSeq, 1);
    ASSERT_EQ(picture->incidents.size(), 1u);
    EXPECT_TRUE(picture->incidents.contains(QStringLiteral("I1")));
    EXPECT_FALSE(picture->incidents.contains(QString())) << "an altered entry became an incident without id";
    auto checked = t.room->checkedPicture();
    ASSERT_TRUE(checked);
    ASSERT_TRUE(checked->damage.has_value());
    EXPECT_EQ(checked->damage->seq, 2);
    EXPECT_TRUE(checked->damage->problem.contains(QStringLiteral("altered")));
    // In the past too: the picture at a time before the damage is whole, after it stops at the same place.
    auto before = t.room->pictureAt(Timestamp{1});
    ASSERT_TRUE(before);
    EXPECT_EQ(before->incidents.size(), 1u);
}

// Past the last snapshot the tail is checked; no snapshot is ever written past damage, which would hide it
// from that check for good.
TEST(DamagedLog, NoSnapshotIsWrittenPastDamage)
{
    TempRoom t;
    std::vector<Entry> batch;
    for (int i = 1; i <= 4000; ++i)
        batch.push_back(note(i, QStringLiteral("n%1").arg(i)));
    batch.push_back(incident(4001, QStringLiteral("I4001")));
    ASSERT_TRUE(t.room->append(std::move(batch)));
    ASSERT_EQ(*t.room->store().lastSnapshotSeq(), 0);
    flipData(t.path(), 4001);
    t.room.reset();
    auto reopened = Room::open(t.path(), t.clock);
    ASSERT_TRUE(reopened);
    std::vector<Entry> more;
    for (int i = 0; i < 200; ++i) // past the next snapshot (every 4096 entries)
        more.push_back(note(5000 + i, QStringLiteral("m%1").arg(i)));
    ASSERT_TRUE((*reopened)->append(std::move(more))) << "appending to a damaged log still works";
    EXPECT_EQ(*(*reopened)->store().lastSnapshotSeq(), 0);
    auto checked = (*reopened)->checkedPicture();
    ASSERT_TRUE(checked);
    ASSERT_TRUE(checked->damage.has_value());
    EXPECT_EQ(checked->damage->seq, 4001);
    EXPECT_EQ(checked->picture.lastSeq, 4000);
    EXPECT_TRUE(checked->picture.incidents.empty());
}

TEST(DamagedLog, PictureCommandSaysWhereAndExitsFour)
{
    TempRoom t;
    ASSERT_TRUE(t.room->append({incident(1, QStringLiteral("I1")), incident(2, QStringLiteral("I2"))}));
    t.room.reset();
    EXPECT_EQ(cli({QStringLiteral("picture"), t.path()}).code, 0);
    flipData(t.path(), 2);
    for (const QStringList &extra : {QStringList{}, QStringList{QStringLiteral("--verify")}}) {
        const CliRun r = cli(QStringList{QStringLiteral("picture"), t.path()} + extra);
        EXPECT_EQ(r.code, 4) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("the log is damaged at seq 2")) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains("vigie-cli verify")) << r.err.toStdString();
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        EXPECT_EQ(json.value(QStringLiteral("damage")).toObject().value(QStringLiteral("seq")).toInt(), 2);
        EXPECT_EQ(json.value(QStringLiteral("incidents")).toArray().size(), 1);
    }
}

// A page of the file overwritten with garbage: SQLite stops reading there. verify and picture say where, as
// for an altered entry (exit 4), instead of failing with SQLite's words alone.
TEST(DamagedLog, AnOverwrittenPageIsDamageAtTheFirstEntryNotRead)
{
    TempRoom t;
    std::vector<Entry> batch;
    for (int i = 1; i <= 2000; ++i)
        batch.push_back(note(i, QStringLiteral("note %1 ").arg(i).repeated(8)));
    ASSERT_TRUE(t.room->append(std::move(batch)));
    t.room.reset();
    {
        // Checkpoint the WAL into the file so that the entries live in its pages.
        auto db = sql::Database::open(t.path(), sql::Database::Mode::ReadWrite);
        ASSERT_TRUE(db);
        ASSERT_TRUE(db->exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    }
    QFile file(t.path());
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    const qint64 page = 4096, pages = file.size() / page;
    ASSERT_GT(pages, 40);
    file.seek(page * (pages / 2));
    file.write(QByteArray(page, '\x5a'));
    file.close();

    const CliRun verify = cli({QStringLiteral("verify"), t.path()});
    EXPECT_EQ(verify.code, 4) << verify.err.toStdString();
    EXPECT_TRUE(verify.err.contains("the room file is damaged")) << verify.err.toStdString();
    const CliRun picture = cli({QStringLiteral("picture"), t.path()});
    EXPECT_EQ(picture.code, 4) << picture.err.toStdString();
    const qint64 seq = QJsonDocument::fromJson(picture.out)
                           .object()
                           .value(QStringLiteral("damage"))
                           .toObject()
                           .value(QStringLiteral("seq"))
                           .toInteger();
    EXPECT_GT(seq, 1);
    EXPECT_LT(seq, 2000);
    EXPECT_TRUE(verify.out.contains(QByteArray(QByteArray("BROKEN at seq ") + QByteArray::number(seq))))
        << verify.out.toStdString();
}
