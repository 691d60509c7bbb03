#include "log/entry.h"
#include "log/entry_kinds.h"

#include <QRegularExpression>
#include <QSet>

#include <random>
#include <thread>

#include <gtest/gtest.h>

using namespace vigie;

namespace {

Entry sample()
{
    Entry e;
    e.id = QUuid(QStringLiteral("{0b7f2f8e-5a5e-4a43-9d5b-1f2e3d4c5b6a}"));
    e.seq = 7;
    e.room = QStringLiteral("room-1");
    e.mode = RoomMode::Exercise;
    e.eventTime = Timestamp{1784055900000};
    e.recordTime = Timestamp{1784055901000};
    e.author = QStringLiteral("CTA \"13\"");
    e.role = QStringLiteral("operator");
    e.agency = QStringLiteral("fire");
    e.kind = QStringLiteral("incident.open");
    e.geo = Geometry::point({5.3795, 43.2987});
    e.data =
        QJsonObject{{QStringLiteral("incident"), QStringLiteral("INC-1")}, {QStringLiteral("severity"), 3}};
    e.prevHash = QByteArray(32, '\x01');
    return e;
}

} // namespace

TEST(Entry, CanonicalFormIsFixedAndDocumented)
{
    const Entry e = sample();
    const QByteArray bytes = canonicalBytes(e, compactGeoJson(e.geo), compactDataJson(e.data));
    EXPECT_EQ(bytes.toStdString(),
              "[\"vigie-entry/1\",\"0b7f2f8e-5a5e-4a43-9d5b-1f2e3d4c5b6a\",7,\"room-1\",\"exercise\","
              "1784055900000,1784055901000,\"CTA \\\"13\\\"\",\"operator\",\"fire\",\"incident.open\","
              "{\"coordinates\":[5.3795,43.2987],\"type\":\"Point\"},{\"incident\":\"INC-1\",\"severity\":3},"
              "\"0101010101010101010101010101010101010101010101010101010101010101\"]");
}

// What a chaining server receives (the middle) and what it computes from it must be the canonical form.
TEST(Entry, TheMiddleAChainingServerReceivesGivesTheSameHash)
{
    QByteArray scratch;
    for (Entry e : {sample(), [] {
                        Entry e = sample();
                        e.geo = Geometry();
                        e.prevHash.clear(); // the first entry of a room
                        e.seq = 1;
                        e.author = QStringLiteral("Équipe « Vieux-Port » \\ 2");
                        return e;
                    }()}) {
        const QByteArray geo = compactGeoJson(e.geo), data = compactDataJson(e.data);
        const QByteArray middle = canonicalMiddle(e, geo, data);
        EXPECT_FALSE(middle.contains("vigie-entry")) << middle.constData();
        EXPECT_TRUE(middle.startsWith(",\"room-1\",")) << middle.constData();
        EXPECT_TRUE(middle.endsWith(",\"")) << middle.constData();
        EXPECT_EQ(hashFromMiddle(e.id, e.seq, middle, e.prevHash, scratch),
                  sha256(canonicalBytes(e, geo, data)));
        EXPECT_NE(hashFromMiddle(e.id, e.seq + 1, middle, e.prevHash, scratch),
                  sha256(canonicalBytes(e, geo, data)));
    }
}

TEST(Entry, HashChangesWithEveryField)
{
    const Entry base = sample();
    auto hashOf = [](const Entry &e) {
        return sha256(canonicalBytes(e, compactGeoJson(e.geo), compactDataJson(e.data)));
    };
    const QByteArray h = hashOf(base);
    EXPECT_EQ(h.size(), 32);
    std::vector<std::function<void(Entry &)>> edits = {
        [](Entry &e) { e.seq++; },
        [](Entry &e) { e.room += QLatin1Char('x'); },
        [](Entry &e) { e.mode = RoomMode::Live; },
        [](Entry &e) { e.eventTime.msecs++; },
        [](Entry &e) { e.recordTime.msecs++; },
        [](Entry &e) { e.author += QLatin1Char('x'); },
        [](Entry &e) { e.role.clear(); },
        [](Entry &e) { e.agency = QStringLiteral("samu"); },
        [](Entry &e) { e.kind = QStringLiteral("incident.update"); },
        [](Entry &e) { e.geo.points[0].lat += 1e-7; },
        [](Entry &e) { e.data[QStringLiteral("severity")] = 4; },
        [](Entry &e) { e.prevHash[0] = '\x02'; },
        [](Entry &e) { e.id = QUuid::createUuid(); },
    };
    for (std::size_t i = 0; i < edits.size(); ++i) {
        Entry changed = base;
        edits[i](changed);
        EXPECT_NE(hashOf(changed), h) << "edit " << i << " did not change the hash";
    }
}

TEST(Entry, JsonStringEscapingHandlesControlAndUnicode)
{
    QByteArray out;
    appendJsonString(out, QStringLiteral("é\t\"\\\x01"));
    EXPECT_EQ(out.toStdString(), "\"\xc3\xa9\\t\\\"\\\\\\u0001\"");
}

TEST(EntryDraft, ParsesAValidLine)
{
    auto d = draftFromJson(R"({"kind":"incident.open","time":"2026-07-14T21:05:00+02:00","author":"CTA",
        "agency":"fire","geo":{"type":"Point","coordinates":[5.37,43.29]},
        "data":{"incident":"INC-1","severity":2}})");
    ASSERT_TRUE(d) << d.error().message.toStdString();
    EXPECT_EQ(d->eventTime.toIso(), QStringLiteral("2026-07-14T19:05:00.000Z"));
    EXPECT_EQ(d->geo.type, Geometry::Type::Point);
    EXPECT_EQ(d->agency, QStringLiteral("fire"));
}

struct BadLine
{
    const char *line;
    const char *expectedReason;
};

class EntryDraftRejects : public testing::TestWithParam<BadLine>
{
};

TEST_P(EntryDraftRejects, WithAClearReason)
{
    auto d = draftFromJson(GetParam().line);
    ASSERT_FALSE(d);
    EXPECT_TRUE(d.error().message.contains(QString::fromUtf8(GetParam().expectedReason)))
        << d.error().message.toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, EntryDraftRejects,
    testing::Values(
        BadLine{R"({"kind":"note","time":"2026-07-14T21:05:00+02:00","author":"a","data":{"text":"x")",
                "invalid JSON"},
        BadLine{"[1,2]", "JSON object"},
        BadLine{R"({"time":"2026-07-14T21:05:00+02:00","author":"a"})", "missing field \"kind\""},
        BadLine{R"({"kind":"note","author":"a","data":{"text":"x"}})", "\"time\""},
        BadLine{R"({"kind":"note","time":"2026-07-14T21:05:00","author":"a","data":{"text":"x"}})",
                "with an offset"},
        BadLine{R"({"kind":"note","time":"yesterday+02:00","author":"a","data":{"text":"x"}})",
                "not ISO 8601"},
        BadLine{R"({"kind":"note","time":"2026-07-14T21:05:00Z","data":{"text":"x"}})",
                "missing field \"author\""},
        BadLine{R"({"kind":"Note!","time":"2026-07-14T21:05:00Z","author":"a"})", "word.word"},
        BadLine{
            R"({"kind":"note","time":"2026-07-14T21:05:00Z","author":"a","agency":"army","data":{"text":"x"}})",
            "agency \"army\""},
        BadLine{R"({"kind":"note","time":"2026-07-14T21:05:00Z","author":"a"})", "data.text"},
        BadLine{
            R"({"kind":"unit.status","time":"2026-07-14T21:05:00Z","author":"a","data":{"unit":"U1","status":"asleep"}})",
            "data.status \"asleep\""},
        BadLine{R"({"kind":"unit.position","time":"2026-07-14T21:05:00Z","author":"a","data":{"unit":"U1"}})",
                "geo Point"},
        BadLine{
            R"({"kind":"incident.open","time":"2026-07-14T21:05:00Z","author":"a","data":{"incident":"I","severity":9}})",
            "severity"},
        BadLine{
            R"({"kind":"incident.open","time":"2026-07-14T21:05:00Z","author":"a","data":{"incident":"I","casualties":{"blue":1}}})",
            "triage colour"},
        BadLine{
            R"({"kind":"incident.close","time":"2026-07-14T21:05:00Z","author":"a","data":{"incident":"I","open_sources":1.5}})",
            "data.open_sources must be a count"},
        BadLine{
            R"({"kind":"incident.close","time":"2026-07-14T21:05:00Z","author":"a","data":{"incident":"I","open_sources":"2"}})",
            "data.open_sources must be a count"},
        BadLine{
            R"({"kind":"zone.draw","time":"2026-07-14T21:05:00Z","author":"a","data":{"zone":"Z"},"geo":{"type":"Point","coordinates":[5,43]}})",
            "geo Polygon"},
        BadLine{
            R"({"kind":"note","time":"2026-07-14T21:05:00Z","author":"a","data":{"text":"x"},"geo":{"type":"Point","coordinates":[500,43]}})",
            "out of range"},
        BadLine{
            R"({"kind":"note","time":"2026-07-14T21:05:00Z","author":"a","data":{"text":"x"},"geo":{"type":"MultiPoint","coordinates":[]}})",
            "unsupported geometry"},
        BadLine{
            R"({"kind":"fusion.split","time":"2026-07-14T21:05:00Z","author":"a","data":{"incident":"S","from":"A","observation":"r","reports":[1e300]}})",
            "data.reports must list"},
        BadLine{
            R"({"kind":"fusion.join","time":"2026-07-14T21:05:00Z","author":"a","data":{"incident":"A"}})",
            "data.into is required"},
        BadLine{
            R"({"kind":"fusion.join","time":"2026-07-14T21:05:00Z","author":"a","data":{"incident":"A","into":"A"}})",
            "the same incident"},
        BadLine{
            R"({"kind":"fusion.split","time":"2026-07-14T21:05:00Z","author":"a","data":{"incident":"S","from":"A","observation":"r"}})",
            "data.reports must list"},
        BadLine{
            R"({"kind":"fusion.split","time":"2026-07-14T21:05:00Z","author":"a","data":{"incident":"S","from":"A","observation":"r","reports":[3,0.5]}})",
            "data.reports must list"},
        BadLine{
            R"({"kind":"fusion.undo","time":"2026-07-14T21:05:00Z","author":"a","data":{"undoes":"last"}})",
            "data.undoes must be the id"}));

TEST(EntryDraft, AcceptsADesksCorrections)
{
    for (
        const char *line :
        {R"({"kind":"fusion.join","time":"2026-07-14T21:05:00Z","author":"a","data":{"incident":"A","into":"B"}})",
         R"({"kind":"fusion.split","time":"2026-07-14T21:05:00Z","author":"a","data":{"incident":"S","from":"A","observation":"r","reports":[3,7]}})",
         R"({"kind":"fusion.undo","time":"2026-07-14T21:05:00Z","author":"a","data":{"undoes":"6f0c1e2a-5b1d-4c3e-9f00-1234567890ab"}})"}) {
        auto d = draftFromJson(line);
        EXPECT_TRUE(d) << line << ": " << d.error().message.toStdString();
    }
}

namespace {

/// Random short strings over the characters that matter to kinds and offsets, and a few others.
std::vector<QString> awkwardStrings(unsigned seed, int count)
{
    std::mt19937 rng(seed);
    const QString alphabet = QStringLiteral("az09_.AZ+-:Zé T");
    std::uniform_int_distribution<int> length(0, 12), pick(0, int(alphabet.size()) - 1);
    std::vector<QString> out{QString(),
                             QStringLiteral("."),
                             QStringLiteral("a."),
                             QStringLiteral(".a"),
                             QStringLiteral("a..b"),
                             QStringLiteral("2026-07-14T21:05:00+02:00"),
                             QStringLiteral("2026-07-14T21:05:00+0200"),
                             QStringLiteral("21:05:00-02:0"),
                             QStringLiteral("Z"),
                             QStringLiteral("+02:00"),
                             QStringLiteral("+0200")};
    for (int i = 0; i < count; ++i) {
        QString s;
        for (int n = length(rng); n > 0; --n)
            s += alphabet[pick(rng)];
        out.push_back(s);
    }
    return out;
}

} // namespace

// Kind names and ISO offsets are checked by hand on the hot path; the regular expressions they replace are
// the oracle.
TEST(Entry, KindNamesAndOffsetsAgreeWithTheirRegularExpressions)
{
    const QRegularExpression kind(QStringLiteral("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*$"));
    const QRegularExpression offset(QStringLiteral("(Z|[+-]\\d\\d:?\\d\\d)$"));
    for (const QString &s : awkwardStrings(5, 200000)) {
        ASSERT_EQ(isKindName(s), kind.match(s).hasMatch()) << s.toStdString();
        ASSERT_EQ(endsWithOffset(s), offset.match(s).hasMatch()) << s.toStdString();
    }
    EXPECT_TRUE(isKindName(u"fusion.join"));
    EXPECT_FALSE(isKindName(u"fusion.Join"));
    EXPECT_TRUE(endsWithOffset(u"2026-07-14T21:05:00+02:00"));
    EXPECT_FALSE(endsWithOffset(u"2026-07-14T21:05:00"));
}

// Entry ids drawn by newEntryId are version-4 UUIDs, and no two are equal, within a thread or across threads
// (each seeds its own generator).
TEST(Entry, NewEntryIdsAreVersionFourAndDistinctAcrossThreads)
{
    constexpr int perThread = 50000;
    std::vector<QUuid> ids(4 * perThread);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&ids, t] {
            for (int i = 0; i < perThread; ++i)
                ids[std::size_t(t * perThread + i)] = newEntryId();
        });
    for (auto &t : threads)
        t.join();
    QSet<QUuid> seen;
    for (const QUuid &id : ids) {
        ASSERT_EQ(id.version(), QUuid::Random) << id.toString().toStdString();
        ASSERT_EQ(id.variant(), QUuid::DCE) << id.toString().toStdString();
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), qsizetype(ids.size()));
}
