// Every reason a parser gives for refusing an input reaches the French console in French: each reason the
// parsers give on the fuzz corpora (thousands of broken inputs of every format) and on the sample feeds of
// ../shared/data/feeds, in a live and an exercise room, is recognised and worded, with no English left.
#include "anticipation/event_import.h"
#include "feeds/feed_adapters.h"
#include "ui/refusal_words.h"

#include <QDirIterator>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

using namespace vigie;

namespace {

/// English words no French reason keeps (element and field names are kept, and are not among them).
const QRegularExpression english(QStringLiteral(
    "\\b(?:is|are|not|the|of|with|without|missing|required|expected|found|must|has|have|never|enters|"
    "traffic|room|line|column|byte|field|fields|header|time|no|nor|neither|or|and|at|to|got|"
    "out|range|unreadable|start|end|attendance|geometry|title|empty|sentence|checksum|malformed|unterminated|"
    "invalid|illegal|truncated|does|match|"
    "ends|inside|nesting|deeper|levels|refused|any|only|for|picture|which|taken|one|of)\\b"));

struct Reasons
{
    QSet<QString> reasons, places;
};

void collect(const QString &folder, Reasons &out)
{
    feeds::FeedRegistry registry;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.read(1 << 20);
        for (RoomMode mode : {RoomMode::Live, RoomMode::Exercise}) {
            feeds::FeedContext context;
            context.source = QStringLiteral("flux-essai");
            context.mode = mode;
            feeds::FeedBatch batch;
            if (auto adapter = registry.detect(bytes, context.source))
                batch = (*adapter)->parse(bytes, context);
            else
                batch.reject(QStringLiteral("document"), adapter.error().message, {});
            for (const auto &r : batch.rejected) {
                out.reasons.insert(r.reason);
                out.places.insert(r.position);
            }
        }
    }
}

void expectWorded(const Reasons &r)
{
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    int unworded = 0;
    for (const QString &reason : r.reasons) {
        const auto french = ui::frenchRefusalReason(reason);
        if (!french) {
            if (++unworded <= 20)
                ADD_FAILURE() << "no French wording for: " << reason.toStdString();
            continue;
        }
        EXPECT_EQ(ui::refusalReasonText(reason), *french);
        // The values quoted from the input (« … »), its elements (<sent>) and its property paths
        // (properties.time) are the sender's, whatever their language.
        QString words = *french;
        words.remove(
            QRegularExpression(QStringLiteral("«[^»]*»|<[^>]*>|[\\w-]+(?:[./][\\w-]+|\\[\\d+\\])+")));
        if (const auto m = english.match(words); m.hasMatch())
            ADD_FAILURE() << "English word \"" << m.captured().toStdString()
                          << "\" in: " << french->toStdString() << "\n  from: " << reason.toStdString();
    }
    EXPECT_EQ(unworded, 0) << "of " << r.reasons.size() << " reasons";
    for (const QString &place : r.places) {
        const QString french = ui::refusalPlaceText(place);
        EXPECT_FALSE(french.contains(QRegularExpression(QStringLiteral("\\b(?:line|byte|file|feature)\\b"))))
            << place.toStdString() << " → " << french.toStdString();
    }
}

} // namespace

TEST(RefusalWords, EveryReasonOfTheFuzzCorporaIsWordedInFrench)
{
    Reasons r;
    collect(QStringLiteral(VIGIE_SOURCE_DIR "/tests/fuzz/corpus"), r);
    ASSERT_GT(r.reasons.size(), 500) << "the corpora give fewer reasons than they did";
    expectWorded(r);
}

TEST(RefusalWords, EveryReasonOfTheSampleFeedsIsWordedInFrench)
{
    const QString feeds = QStringLiteral(VIGIE_SHARED_DATA "/feeds");
    if (!QDir(feeds).exists())
        GTEST_SKIP() << feeds.toStdString() << " is absent";
    Reasons r;
    collect(feeds, r);
    ASSERT_GT(r.reasons.size(), 20);
    expectWorded(r);
}

TEST(RefusalWords, AReasonIsWordedWithItsValuesAndAnUnknownOneSaysSo)
{
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    EXPECT_EQ(ui::refusalReasonText(QStringLiteral("CSV: time \"hier\" is not ISO 8601 with an offset")),
              QStringLiteral("CSV : heure « hier » : pas une date ISO 8601 avec décalage horaire"));
    EXPECT_EQ(
        ui::refusalReasonText(QStringLiteral(
            "cap: line 3, column 7: malformed XML: the document ends inside <sent> (truncated?)")),
        QStringLiteral("CAP : ligne 3, colonne 7 : XML mal formé : le document se termine à l'intérieur de "
                       "<sent> (tronqué ?)"));
    // A value holding what looks like a placeholder stays as it is.
    EXPECT_EQ(ui::refusalReasonText(QStringLiteral("EMSI: EVENT/SCALE \"%2\" is not a number")),
              QStringLiteral("EMSI : EVENT/SCALE « %2 » n'est pas un nombre"));
    // What the MQTT listener refuses by its topic.
    EXPECT_EQ(
        ui::refusalReasonText(QStringLiteral(
            "topic \"vigie/nobody/cap\": agency \"nobody\" is unknown (fire, samu, police or officials)")),
        QStringLiteral("sujet « vigie/nobody/cap » : service « nobody » inconnu (fire, samu, police ou "
                       "officials)"));
    EXPECT_EQ(ui::refusalPlaceText(QStringLiteral("topic")), QStringLiteral("sujet MQTT"));
    // A message that broke the room's rules for an entry is kept with the rule's sentence.
    const QString rule =
        ui::refusalReasonText(QStringLiteral("note: data.text is required (non-empty string)"));
    EXPECT_FALSE(rule.startsWith(QStringLiteral("motif non traduit"))) << rule.toStdString();
    EXPECT_TRUE(rule.contains(QStringLiteral("obligatoire"))) << rule.toStdString();
    EXPECT_EQ(ui::refusalReasonText(QStringLiteral("the moon is made of cheese")),
              QStringLiteral("motif non traduit : the moon is made of cheese"));
    EXPECT_EQ(ui::refusalPlaceText(QStringLiteral("line 12")), QStringLiteral("ligne 12"));
    EXPECT_EQ(ui::refusalPlaceText(QStringLiteral("document info[0]/area[1]")),
              QStringLiteral("document info[0]/area[1]"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    EXPECT_EQ(ui::refusalReasonText(QStringLiteral("NMEA: malformed checksum")),
              QStringLiteral("NMEA: malformed checksum"));
    EXPECT_EQ(ui::refusalPlaceText(QStringLiteral("line 12")), QStringLiteral("line 12"));
}

// A calendar imported at a desk keeps its refused rows in the quarantine too, "field: reason".
TEST(RefusalWords, EveryReasonOfACalendarsRefusedRowsIsWordedInFrench)
{
    const anticipation::ImportOptions window{QString(),
                                             *Timestamp::parseIso(QStringLiteral("2026-09-01T00:00:00Z")),
                                             *Timestamp::parseIso(QStringLiteral("2027-08-31T00:00:00Z"))};
    const anticipation::ImportedEvents csv = anticipation::importCsv(
        "id,title,type,start,end,attendance,lon,lat,wkt\n"
        "b,Bad date,concert,2026-13-45T20:00,2026-10-25T23:00:00+01:00,100,5.39,43.27,\n"
        "c,Negative,concert,2026-10-25T20:00:00+01:00,2026-10-25T23:00:00+01:00,-4,5.39,43.27,\n"
        "e,Backwards,market,2026-10-25T20:00:00+01:00,2026-10-25T19:00:00+01:00,,5.39,43.27,\n"
        "f,Nowhere,market,2026-10-25T20:00:00+01:00,2026-10-25T21:00:00+01:00,,500,43.27,\n"
        "g,,market,2026-10-25T20:00:00+01:00,2026-10-25T21:00:00+01:00,,5.39,43.27,\n"
        "h,Odd,rodeo,2026-10-25T20:00:00+01:00,2026-10-25T21:00:00+01:00,,5.39,43.27,\n"
        "i,Bad end,market,2026-10-25T20:00:00+01:00,tomorrow,,5.39,43.27,\n"
        "j,Far,market,2026-10-25T20:00:00+01:00,2026-10-25T21:00:00+01:00,,,,POINT(500 43)\n"
        "k,Blob,market,2026-10-25T20:00:00+01:00,2026-10-25T21:00:00+01:00,,,,{\"type\":\n"
        "l,Lost,market,2026-10-25T20:00:00+01:00,2026-10-25T21:00:00+01:00,,,,\n"
        "m,\"Open,market,2026-10-25T20:00:00+01:00,2026-10-25T21:00:00+01:00,,5.39,43.27,\n",
        QStringLiteral("cal.csv"), window);
    const anticipation::ImportedEvents ics = anticipation::importIcs(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
        "BEGIN:VEVENT\r\nSUMMARY:No uid\r\nDTSTART:20261025T200000Z\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:a\r\nDTSTART:20261025T200000Z\r\nGEO:43.27;5.39\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:No start\r\nGEO:43.27;5.39\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:Backwards\r\nDTSTART:20261025T200000Z\r\n"
        "DTEND:20261025T190000Z\r\nGEO:43.27;5.39\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:d\r\nSUMMARY:Nowhere\r\nDTSTART:20261025T200000Z\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:e\r\nSUMMARY:Far\r\nDTSTART:20261025T200000Z\r\nGEO:95;500\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n",
        QStringLiteral("cal.ics"), window);
    Reasons r;
    for (const auto *imported : {&csv, &ics})
        for (const anticipation::ImportProblem &p : imported->problems)
            // As the events import keeps them in the quarantine (ui/events_panel.cpp).
            r.reasons.insert(p.field.isEmpty() ? p.reason : p.field + QStringLiteral(": ") + p.reason);
    ASSERT_GE(r.reasons.size(), 14u) << QStringList(r.reasons.values()).join(u'\n').toStdString();
    expectWorded(r);
}
