// Conflicts in a shared room: the first in the chain wins, the later entry takes no effect and is reported
// once by the desk that wrote it.
#include "test_util.h"

#include "allocation/suggestion.h"
#include "log/entry_kinds.h"
#include "picture/conflicts.h"
#include "picture/picture_seeker.h"
#include "room/direct_sink.h"
#include "room/picture_manager.h"

#include <QJsonDocument>

using namespace vigie;
using namespace vigie::test;

namespace {

constexpr qint64 t0 = 1784055600000; // 2026-07-14T19:00:00Z

/// Folds `entries` into `p`, numbering them after its last seq; returns them as folded.
std::vector<Entry> fold(Picture &p, std::vector<Entry> entries)
{
    for (Entry &e : entries) {
        e.seq = p.lastSeq + 1;
        if (e.id.isNull())
            e.id = QUuid::createUuid();
        p.apply(e);
    }
    return entries;
}

Entry unitStatus(const char *unit, const char *status, qint64 t, const char *incident = nullptr,
                 const char *author = "poste-codis")
{
    QJsonObject d{{QStringLiteral("unit"), QLatin1String(unit)},
                  {QStringLiteral("status"), QLatin1String(status)},
                  {QStringLiteral("callsign"), QStringLiteral("VSAV Plombières 1")}};
    if (incident)
        d.insert(QStringLiteral("incident"), QLatin1String(incident));
    Entry e = makeEntry(QStringLiteral("unit.status"), t, d, {}, QStringLiteral("fire"));
    e.author = QLatin1String(author);
    return e;
}

/// A recorded suggestion (as its entry is stored: the decisions name its seq).
Entry suggestion(const char *id, const char *unit, const char *incident, qint64 seq)
{
    Entry e = makeEntry(QStringLiteral("suggestion"), t0,
                        {{QStringLiteral("suggestion"), QLatin1String(id)},
                         {QStringLiteral("unit"), QLatin1String(unit)},
                         {QStringLiteral("incident"), QLatin1String(incident)}});
    e.seq = seq;
    e.agency = QStringLiteral("fire");
    return e;
}

std::vector<Entry> accept(const Entry &s, const char *author, qint64 t)
{
    auto drafts = allocation::acceptDrafts(s, QLatin1String(author), Timestamp{t});
    EXPECT_TRUE(drafts.ok());
    return drafts ? *drafts : std::vector<Entry>{};
}

std::vector<Entry> reject(const Entry &s, const char *author, qint64 t)
{
    auto drafts = allocation::rejectDrafts(s, QLatin1String(author), Timestamp{t}, QStringLiteral("gardé"));
    EXPECT_TRUE(drafts.ok());
    return drafts ? *drafts : std::vector<Entry>{};
}

Entry join(const char *incident, const char *into, qint64 t, const char *author)
{
    Entry e = makeEntry(QStringLiteral("fusion.join"), t,
                        {{QStringLiteral("incident"), QLatin1String(incident)},
                         {QStringLiteral("into"), QLatin1String(into)}});
    e.author = QLatin1String(author);
    return e;
}

Entry open(const char *incident, qint64 t)
{
    return makeEntry(QStringLiteral("incident.open"), t,
                     {{QStringLiteral("incident"), QLatin1String(incident)},
                      {QStringLiteral("title"), QStringLiteral("Titre %1").arg(QLatin1String(incident))}},
                     Geometry::point({5.37, 43.29}));
}

} // namespace

// Two desks accept the same suggestion: the first accept and its unit.status take effect; the second is kept
// in the log, takes none (its unit.status neither), and the picture names both.
TEST(Conflicts, ASecondDecisionOfASuggestionLosesWithItsUnitStatus)
{
    Picture p;
    fold(p, {unitStatus("VSAV-PLOM-1", "available", t0)});
    const Entry s = suggestion("S-1", "VSAV-PLOM-1", "INC-0002", 2);
    const auto first = fold(p, accept(s, "poste-codis", t0 + 60000));
    const auto second = fold(p, accept(s, "poste-samu", t0 + 90000));
    ASSERT_EQ(first.size(), 2u);
    ASSERT_EQ(second.size(), 2u);
    const Unit &u = p.units.at(QStringLiteral("VSAV-PLOM-1"));
    EXPECT_EQ(u.status, QStringLiteral("en_route"));
    EXPECT_EQ(u.incident, QStringLiteral("INC-0002"));
    // The unit's status is the first accept's: the second one's unit.status was not applied.
    EXPECT_EQ(u.lastSeq, first[1].seq);
    EXPECT_EQ(u.statusTime, Timestamp{t0 + 60000});
    EXPECT_EQ(u.statusBy, EntryRef::of(first[0]));
    EXPECT_EQ(p.suggestions.at(QStringLiteral("S-1")).entry.id, first[0].id);
    ASSERT_EQ(p.conflicts.size(), 1u);
    const Conflict &c = p.conflicts[0];
    EXPECT_EQ(c.loser, EntryRef::of(second[0]));
    EXPECT_EQ(c.winner, EntryRef::of(first[0]));
    EXPECT_EQ(c.objectKind, QStringLiteral("suggestion"));
    EXPECT_EQ(c.object, QStringLiteral("S-1"));
    EXPECT_EQ(c.label, QStringLiteral("VSAV Plombières 1 → INC-0002"));
    EXPECT_EQ(c.rule, QStringLiteral("first_in_chain"));
    EXPECT_FALSE(c.reported);

    // A rejection decides as well: the accept after it does not send the unit.
    fold(p, {unitStatus("VSAV-STLA-1", "available", t0)});
    const Entry s2 = suggestion("S-2", "VSAV-STLA-1", "INC-0003", 9);
    const auto rejected = fold(p, reject(s2, "poste-codis", t0 + 60000));
    const auto late = fold(p, accept(s2, "poste-samu", t0 + 30000));
    EXPECT_EQ(p.units.at(QStringLiteral("VSAV-STLA-1")).status, QStringLiteral("available"));
    ASSERT_EQ(p.conflicts.size(), 2u);
    EXPECT_EQ(p.conflicts[1].winner.id, rejected[0].id);
    EXPECT_EQ(p.conflicts[1].loser.id, late[0].id);
    EXPECT_TRUE(conflictReason(p.conflicts[1]).contains(QStringLiteral("already rejected by poste-codis")))
        << conflictReason(p.conflicts[1]).toStdString();
}

// Two suggestions send the same unit to two incidents: the first accept engages it, the second is a conflict
// about the unit, which stays on the first incident. A unit engaged by hand is not free either.
TEST(Conflicts, TwoAcceptsEngagingOneUnitOnDifferentIncidents)
{
    Picture p;
    fold(p, {unitStatus("VSAV-PLOM-1", "available", t0)});
    const auto first =
        fold(p, accept(suggestion("S-1", "VSAV-PLOM-1", "INC-0002", 2), "poste-codis", t0 + 1000));
    const auto second =
        fold(p, accept(suggestion("S-2", "VSAV-PLOM-1", "INC-0005", 3), "poste-samu", t0 + 2000));
    const Unit &u = p.units.at(QStringLiteral("VSAV-PLOM-1"));
    EXPECT_EQ(u.status, QStringLiteral("en_route"));
    EXPECT_EQ(u.incident, QStringLiteral("INC-0002"));
    EXPECT_EQ(u.lastSeq, first[1].seq);
    ASSERT_EQ(p.conflicts.size(), 1u);
    const Conflict &c = p.conflicts[0];
    EXPECT_EQ(c.objectKind, QStringLiteral("unit"));
    EXPECT_EQ(c.object, QStringLiteral("VSAV-PLOM-1"));
    EXPECT_EQ(c.label, QStringLiteral("VSAV Plombières 1"));
    EXPECT_EQ(c.heldOn, QStringLiteral("INC-0002"));
    EXPECT_EQ(c.unitStatus, QStringLiteral("en_route"));
    EXPECT_EQ(c.incident, QStringLiteral("INC-0005"));
    EXPECT_EQ(c.winner, EntryRef::of(first[0])); // the accept, not the status written with it
    EXPECT_EQ(c.loser, EntryRef::of(second[0]));
    // The losing accept decided nothing: its suggestion is still open.
    EXPECT_TRUE(p.suggestions.contains(QStringLiteral("S-1")));
    EXPECT_FALSE(p.suggestions.contains(QStringLiteral("S-2")));

    // Engaged by a unit.status of its own (a radio dispatch): that entry is the winner.
    const auto radio = fold(p, {unitStatus("FPT-1", "on_scene", t0 + 3000, "INC-0007", "cos")});
    fold(p, accept(suggestion("S-3", "FPT-1", "INC-0002", 4), "poste-codis", t0 + 4000));
    ASSERT_EQ(p.conflicts.size(), 2u);
    EXPECT_EQ(p.conflicts[1].winner, EntryRef::of(radio[0]));
    EXPECT_EQ(p.units.at(QStringLiteral("FPT-1")).incident, QStringLiteral("INC-0007"));
    // Free again, it can be engaged.
    fold(p, {unitStatus("FPT-1", "available", t0 + 5000, nullptr, "cos")});
    fold(p, accept(suggestion("S-4", "FPT-1", "INC-0002", 5), "poste-codis", t0 + 6000));
    EXPECT_EQ(p.units.at(QStringLiteral("FPT-1")).incident, QStringLiteral("INC-0002"));
    EXPECT_EQ(p.conflicts.size(), 2u);
}

// Two desks join the same incident into two others, or each into the other: the first join holds.
TEST(Conflicts, AJoinOfAnIncidentJoinedAlreadyLoses)
{
    Picture p;
    fold(p, {open("X", t0), open("Y", t0), open("Z", t0)});
    const auto first = fold(p, {join("X", "Y", t0 + 1000, "poste-bmpm")});
    const auto second = fold(p, {join("X", "Z", t0 + 2000, "poste-samu")});
    EXPECT_EQ(p.joinedIncidents.at(QStringLiteral("X")).joinedInto, QStringLiteral("Y"));
    EXPECT_TRUE(p.incidents.at(QStringLiteral("Z")).joined.isEmpty());
    ASSERT_EQ(p.conflicts.size(), 1u);
    EXPECT_EQ(p.conflicts[0].objectKind, QStringLiteral("incident"));
    EXPECT_EQ(p.conflicts[0].object, QStringLiteral("X"));
    EXPECT_EQ(p.conflicts[0].heldOn, QStringLiteral("Y"));
    EXPECT_EQ(p.conflicts[0].label, QStringLiteral("Titre X"));
    EXPECT_EQ(p.conflicts[0].winner, EntryRef::of(first[0]));
    EXPECT_EQ(p.conflicts[0].loser, EntryRef::of(second[0]));
    EXPECT_EQ(p.corrections.size(), 1u);
    // The other way round (Y into X while X is in Y): X, the incident joined already, is the object.
    fold(p, {join("Y", "X", t0 + 3000, "poste-police")});
    ASSERT_EQ(p.conflicts.size(), 2u);
    EXPECT_EQ(p.conflicts[1].object, QStringLiteral("X"));
    EXPECT_EQ(p.conflicts[1].incident, QStringLiteral("Y"));
    EXPECT_TRUE(p.incidents.contains(QStringLiteral("Y")));
    // A join into an incident joined elsewhere is a chain, as before, not a conflict.
    fold(p, {join("Z", "X", t0 + 4000, "poste-police")});
    EXPECT_EQ(p.conflicts.size(), 2u);
    EXPECT_EQ(p.joinedIncidents.at(QStringLiteral("Z")).joinedInto, QStringLiteral("X"));
}

// The conflict entry's id comes from its loser's: any number of desks appending it store it once, and once
// folded the conflict is reported, so no desk writes it again.
TEST(Conflicts, ConflictEntriesHaveTheLosersNameBasedIdAndAreStoredOnce)
{
    TempRoom t;
    const Entry s = suggestion("S-1", "VSAV-PLOM-1", "INC-0002", 1);
    ASSERT_TRUE(t.room->append({unitStatus("VSAV-PLOM-1", "available", t0)}));
    ASSERT_TRUE(t.room->append(accept(s, "poste-codis", t0 + 1000)));
    auto lost = t.room->append(accept(s, "poste-samu", t0 + 2000));
    ASSERT_TRUE(lost);
    auto picture = t.room->picture();
    ASSERT_TRUE(picture);
    ASSERT_EQ(picture->conflicts.size(), 1u);

    const auto fromA = conflictDrafts(*picture, QStringLiteral("poste-codis"), Timestamp{t0 + 3000});
    const auto fromB = conflictDrafts(*picture, QStringLiteral("poste-samu"), Timestamp{t0 + 4000});
    ASSERT_EQ(fromA.size(), 1u);
    ASSERT_EQ(fromB.size(), 1u);
    const QUuid loser = lost->front().id;
    EXPECT_EQ(fromA[0].id, conflictEntryId(loser));
    EXPECT_EQ(fromA[0].id, fromB[0].id);
    EXPECT_EQ(fromA[0].id.version(), QUuid::Sha1);
    EXPECT_NE(conflictEntryId(loser), conflictEntryId(QUuid::createUuid()));
    // Fixed for good: the same loser gives the same id in any version of the program.
    EXPECT_EQ(conflictEntryId(QUuid(QStringLiteral("0b7f2f8e-5a5e-4a43-9d5b-1f2e3d4c5b6a")))
                  .toString(QUuid::WithoutBraces),
              QUuid::createUuidV5(QUuid(QStringLiteral("52a9fcf6-9810-40d7-b5b9-bc696dd7fac1")),
                                  QByteArrayLiteral("0b7f2f8e-5a5e-4a43-9d5b-1f2e3d4c5b6a"))
                  .toString(QUuid::WithoutBraces));
    const QJsonObject &d = fromA[0].data;
    EXPECT_EQ(d.value(QStringLiteral("loser")).toString(), loser.toString(QUuid::WithoutBraces));
    EXPECT_EQ(d.value(QStringLiteral("loser_seq")).toInteger(), lost->front().seq);
    EXPECT_EQ(d.value(QStringLiteral("winner_seq")).toInteger(), 2);
    EXPECT_EQ(d.value(QStringLiteral("object_kind")).toString(), QStringLiteral("suggestion"));
    EXPECT_EQ(d.value(QStringLiteral("rule")).toString(), QStringLiteral("first_in_chain"));
    EXPECT_TRUE(validateDraft(fromA[0]).ok()) << validateDraft(fromA[0]).error().message.toStdString();

    auto stored = t.room->append(fromA);
    ASSERT_TRUE(stored);
    const qint64 last = t.room->store().lastSeq();
    auto again = t.room->append(fromB);
    ASSERT_TRUE(again) << again.error().message.toStdString();
    EXPECT_EQ(t.room->store().lastSeq(), last);
    EXPECT_EQ(again->front().seq, stored->front().seq);
    EXPECT_EQ(again->front().author, QStringLiteral("poste-codis"));
    auto conflicts = t.room->store().read(EntryQuery{});
    ASSERT_TRUE(conflicts);
    EXPECT_EQ(std::count_if(conflicts->begin(), conflicts->end(),
                            [](const Entry &e) { return e.kind == kinds::conflict; }),
              1);
    picture = t.room->picture();
    ASSERT_TRUE(picture);
    EXPECT_TRUE(picture->conflicts[0].reported);
    EXPECT_TRUE(conflictDrafts(*picture, QStringLiteral("poste-samu"), Timestamp{t0 + 5000}).empty());
}

TEST(Conflicts, ConflictEntriesAreChecked)
{
    Entry e = makeEntry(QStringLiteral("conflict"), t0,
                        {{QStringLiteral("loser"), QUuid::createUuid().toString()},
                         {QStringLiteral("loser_seq"), 9},
                         {QStringLiteral("winner"), QUuid::createUuid().toString()},
                         {QStringLiteral("winner_seq"), 4},
                         {QStringLiteral("object"), QStringLiteral("VSAV-1")},
                         {QStringLiteral("object_kind"), QStringLiteral("unit")},
                         {QStringLiteral("rule"), QStringLiteral("first_in_chain")},
                         {QStringLiteral("reason"), QStringLiteral("VSAV-1 was already en route")}});
    EXPECT_TRUE(validateDraft(e).ok());
    Entry swapped = e;
    swapped.data.insert(QStringLiteral("winner_seq"), 12);
    EXPECT_FALSE(validateDraft(swapped).ok());
    Entry bad = e;
    bad.data.insert(QStringLiteral("object_kind"), QStringLiteral("zone"));
    EXPECT_FALSE(validateDraft(bad).ok());
    bad = e;
    bad.data.insert(QStringLiteral("loser"), QStringLiteral("seq 9"));
    EXPECT_FALSE(validateDraft(bad).ok());
}

// Conflicts and decisions travel with the picture's snapshots; a snapshot of the earlier format (without
// them) is not restored, the log is folded instead.
TEST(Conflicts, SnapshotsKeepConflictsAndOlderOnesAreFoldedAgain)
{
    TempRoom t;
    const Entry s = suggestion("S-1", "VSAV-PLOM-1", "INC-0002", 1);
    ASSERT_TRUE(t.room->append({unitStatus("VSAV-PLOM-1", "available", t0)}));
    ASSERT_TRUE(t.room->append(accept(s, "poste-codis", t0 + 1000)));
    ASSERT_TRUE(t.room->append(accept(s, "poste-samu", t0 + 2000)));
    auto picture = foldFromScratch(t.room->store());
    ASSERT_TRUE(picture);
    ASSERT_EQ(picture->conflicts.size(), 1u);
    ASSERT_EQ(picture->suggestions.size(), 1u);
    const QByteArray text = serialisePicture(*picture);
    EXPECT_TRUE(Picture::isCurrentSnapshot(text)) << text.left(40).toStdString();
    auto back = deserialisePicture(text);
    ASSERT_TRUE(back) << back.error().message.toStdString();
    EXPECT_TRUE(*back == *picture);
    EXPECT_EQ(back->conflicts, picture->conflicts);
    EXPECT_EQ(back->units.at(QStringLiteral("VSAV-PLOM-1")).statusBy.id,
              picture->units.at(QStringLiteral("VSAV-PLOM-1")).statusBy.id);

    // The same picture as an earlier version wrote it: no format, no decisions, no conflicts.
    QJsonObject old = picture->toJson();
    old.remove(QStringLiteral("format"));
    old.remove(QStringLiteral("suggestions"));
    old.remove(QStringLiteral("conflicts"));
    const QByteArray oldText = QJsonDocument(old).toJson(QJsonDocument::Compact);
    EXPECT_FALSE(Picture::isCurrentSnapshot(oldText));
    EXPECT_FALSE(deserialisePicture(oldText).ok());
    ASSERT_TRUE(t.room->store().saveSnapshot({picture->lastSeq, picture->maxEventTime, oldText}));
    auto seen = latestPicture(t.room->store());
    ASSERT_TRUE(seen) << seen.error().message.toStdString();
    EXPECT_TRUE(*seen == *picture);
    auto checked = t.room->checkedPicture();
    ASSERT_TRUE(checked);
    EXPECT_TRUE(checked->picture == *picture);
    // A keeper meeting it folds the log again and writes snapshots of the current format along it.
    SnapshotKeeper keeper(2, 0);
    ASSERT_TRUE(keeper.catchUp(t.room->store()));
    ASSERT_TRUE(keeper.head().has_value());
    EXPECT_TRUE(*keeper.head() == *picture);
    auto early = t.room->store().snapshotFor(Timestamp{t0 + 1500});
    ASSERT_TRUE(early && early->has_value());
    EXPECT_TRUE(Picture::isCurrentSnapshot((*early)->picture));
}

// A desk reports the conflicts its own entries lost, once, and none of the others'.
TEST(Conflicts, ADeskReportsOnlyTheConflictsOfItsOwnEntries)
{
    TempRoom t;
    const Entry s = suggestion("S-1", "VSAV-PLOM-1", "INC-0002", 1);
    const Entry s2 = suggestion("S-2", "FPT-1", "INC-0003", 2);
    ASSERT_TRUE(
        t.room->append({unitStatus("VSAV-PLOM-1", "available", t0), unitStatus("FPT-1", "available", t0)}));
    DirectSink sink(*t.room);
    auto manager = [&t, &sink] {
        auto m = std::make_unique<PictureManager>(t.room->store(), t.room->clock(), t.room->path());
        m->setWriter(&sink);
        return m;
    };
    auto samuManager = manager(), codisManager = manager(), wallManager = manager();
    PictureManager &samu = *samuManager;
    samu.setDeskAuthor(QStringLiteral("poste-samu"));
    ASSERT_TRUE(samu.load());
    PictureManager &codis = *codisManager;
    codis.setDeskAuthor(QStringLiteral("poste-codis"));
    ASSERT_TRUE(codis.load());
    PictureManager &wall = *wallManager; // a wall screen: no desk author, reports nothing
    ASSERT_TRUE(wall.load());

    ASSERT_TRUE(t.room->append(accept(s, "poste-codis", t0 + 1000)));
    auto samuLost = t.room->append(accept(s, "poste-samu", t0 + 2000));
    ASSERT_TRUE(samuLost);
    ASSERT_TRUE(t.room->append(reject(s2, "poste-samu", t0 + 3000)));
    auto codisLost = t.room->append(accept(s2, "poste-codis", t0 + 4000));
    ASSERT_TRUE(codisLost);
    auto conflictEntries = [&t] {
        std::vector<Entry> out;
        auto all = t.room->store().read(EntryQuery{});
        EXPECT_TRUE(all);
        for (const Entry &e : *all)
            if (e.kind == kinds::conflict)
                out.push_back(e);
        return out;
    };

    EXPECT_EQ(wall.poll(), 7);
    EXPECT_TRUE(conflictEntries().empty());
    EXPECT_EQ(samu.poll(), 7);
    auto written = conflictEntries();
    ASSERT_EQ(written.size(), 1u);
    EXPECT_EQ(written[0].author, QStringLiteral("poste-samu"));
    EXPECT_EQ(written[0].id, conflictEntryId(samuLost->front().id));
    EXPECT_EQ(written[0].data.value(QStringLiteral("loser")).toString(),
              samuLost->front().id.toString(QUuid::WithoutBraces));
    ASSERT_EQ(samu.picture().conflicts.size(), 2u);
    EXPECT_TRUE(samu.picture().conflicts[0].reported); // folded already
    EXPECT_FALSE(samu.picture().conflicts[1].reported);
    EXPECT_EQ(samu.poll(), 0);
    EXPECT_EQ(conflictEntries().size(), 1u);

    // The other desk reports its own, and the one about samu's entry is not written again.
    EXPECT_EQ(codis.poll(), 8);
    written = conflictEntries();
    ASSERT_EQ(written.size(), 2u);
    EXPECT_EQ(written[1].author, QStringLiteral("poste-codis"));
    EXPECT_EQ(written[1].id, conflictEntryId(codisLost->front().id));
    EXPECT_TRUE(codis.picture().conflicts[0].reported);
    EXPECT_TRUE(codis.picture().conflicts[1].reported);
    // A desk that opens the room later finds both reported.
    auto lateManager = manager();
    PictureManager &late = *lateManager;
    late.setDeskAuthor(QStringLiteral("poste-samu"));
    ASSERT_TRUE(late.load());
    EXPECT_EQ(samu.poll(), 1);
    EXPECT_EQ(conflictEntries().size(), 2u);
    for (const Conflict &c : late.picture().conflicts)
        EXPECT_TRUE(c.reported);
}
