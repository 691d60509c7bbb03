// Importing a calendar: CSV (both separators, French headers, WKT and GeoJSON geometries) and iCalendar
// through libical (TZID, GEO, CATEGORIES, attendance, RRULE expanded in a window); bad rows and VEVENTs
// reported with their line or UID and field, the others kept; the same file twice changes nothing.
#include "anticipation/event_import.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace vigie;
using namespace vigie::anticipation;

namespace {

ImportOptions window()
{
    return {QString(), *Timestamp::parseIso(QStringLiteral("2026-09-01T00:00:00Z")),
            *Timestamp::parseIso(QStringLiteral("2027-08-31T00:00:00Z"))};
}

const PlannedEvent *find(const ImportedEvents &r, const QString &id)
{
    for (const PlannedEvent &e : r.events)
        if (e.id == id)
            return &e;
    return nullptr;
}

QByteArray sample(const char *name)
{
    QFile f(QStringLiteral(VIGIE_SOURCE_DIR "/data/events/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(EventImport, CsvWithFrenchHeadersSemicolonsAndGeometries)
{
    const QByteArray csv =
        "identifiant;titre;type;début;fin;affluence;organisateur;lieu;longitude;latitude;géométrie\n"
        "om-psg;OM – PSG;match;2026-10-25T20:45:00+01:00;2026-10-25T22:45:00+01:00;65 000;OM;Orange "
        "Vélodrome;5.395049;43.269554;\n"
        ";Cortège;manifestation;24/10/2026 14:00;24/10/2026 18:00;3000;;;;;LINESTRING(5.3741 43.2950, 5.3800 "
        "43.2972)\n"
        "zone;Marché;marché;2026-10-27 07:00;2026-10-27 13:30;;;;;;"
        "\"{\"\"type\"\":\"\"Polygon\"\",\"\"coordinates\"\":[[[5.388,43.296],[5.39,43.296],[5.39,43.2975]]]}"
        "\"\n"
        "dome;Concert;concert;2026-11-02T20:00:00+01:00;2026-11-02T23:00:00+01:00;8000;;Le Dôme;;;\n";
    const ImportedEvents r = importCsv(csv, QStringLiteral("/tmp/saison.csv"), window());
    for (const ImportProblem &p : r.problems)
        ADD_FAILURE() << p.message().toStdString();
    ASSERT_EQ(r.events.size(), 4u);
    const PlannedEvent *match = find(r, QStringLiteral("evt:om-psg"));
    ASSERT_TRUE(match);
    EXPECT_EQ(match->attendance, 65000);
    EXPECT_EQ(match->source, QStringLiteral("csv:saison.csv"));
    EXPECT_EQ(match->start.toIso(), QStringLiteral("2026-10-25T19:45:00.000Z"));
    const PlannedEvent &route = r.events[1];
    EXPECT_TRUE(route.id.startsWith(QLatin1String("evt:"))); // derived, stable
    EXPECT_EQ(route.type, QStringLiteral("demonstration"));
    EXPECT_EQ(route.geo.type, Geometry::Type::LineString);
    EXPECT_EQ(route.start.toIso(), QStringLiteral("2026-10-24T12:00:00.000Z")); // Paris summer time
    EXPECT_EQ(importCsv(csv, QStringLiteral("saison.csv"), window()).events[1].id, route.id);
    EXPECT_EQ(find(r, QStringLiteral("evt:zone"))->geo.type, Geometry::Type::Polygon);
    const PlannedEvent *dome = find(r, QStringLiteral("evt:dome"));
    ASSERT_TRUE(dome);
    EXPECT_EQ(dome->geo, Geometry::point({5.404474, 43.315315})); // the known venue's point
}

TEST(EventImport, CsvBadRowsNameFileLineAndFieldAndLoseNothingElse)
{
    const QByteArray csv =
        "id,title,type,start,end,attendance,lon,lat\n"
        "a,Good,concert,2026-10-25T20:00:00+01:00,2026-10-25T23:00:00+01:00,100,5.39,43.27\n"
        "b,Bad date,concert,2026-13-45T20:00,2026-10-25T23:00:00+01:00,100,5.39,43.27\n"
        "c,Negative,concert,2026-10-25T20:00:00+01:00,2026-10-25T23:00:00+01:00,-4,5.39,43.27\n"
        "d,Absurd,match,2026-10-25T20:00:00+01:00,2026-10-25T23:00:00+01:00,90000000,5.39,43.27\n"
        "e,Backwards,market,2026-10-25T20:00:00+01:00,2026-10-25T19:00:00+01:00,,5.39,43.27\n"
        "f,Nowhere,market,2026-10-25T20:00:00+01:00,2026-10-25T21:00:00+01:00,,500,43.27\n"
        "g,Good too,market,2026-10-26T20:00:00+01:00,2026-10-26T21:00:00+01:00,,5.39,43.27\n";
    const ImportedEvents r = importCsv(csv, QStringLiteral("cal.csv"), window());
    ASSERT_EQ(r.events.size(), 2u);
    ASSERT_EQ(r.problems.size(), 5u);
    EXPECT_EQ(r.problems[0].message(),
              QStringLiteral("cal.csv:3: start: \"2026-13-45T20:00\" is not a date and time"));
    EXPECT_EQ(r.problems[1].position, QStringLiteral("cal.csv:4"));
    EXPECT_EQ(r.problems[1].field, QStringLiteral("attendance"));
    EXPECT_EQ(r.problems[2].field, QStringLiteral("attendance"));
    EXPECT_EQ(r.problems[3].field, QStringLiteral("end"));
    EXPECT_EQ(r.problems[4].field, QStringLiteral("lon"));
    EXPECT_TRUE(r.problems[4].input.startsWith("f,Nowhere"));
    const ImportedEvents wkt =
        importCsv("title;start;end;wkt\nX;2026-10-25T20:00:00Z;2026-10-25T21:00:00Z;LINESTRING(5.3 banana)\n",
                  QStringLiteral("w.csv"), window());
    ASSERT_EQ(wkt.problems.size(), 1u);
    EXPECT_EQ(wkt.problems[0].field, QStringLiteral("geometry"));
}

TEST(EventImport, IcsWithTzidGeoCategoriesAttendanceAndRrule)
{
    const QByteArray ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
        "BEGIN:VEVENT\r\nUID:om-lens@example\r\nSUMMARY:OM – Lens\r\n"
        "DTSTART;TZID=Europe/Paris:20261108T170000\r\nDTEND;TZID=Europe/Paris:20261108T190000\r\n"
        "LOCATION:Orange Vélodrome\r\nGEO:43.269554;5.395049\r\nCATEGORIES:SPORT,FOOTBALL\r\n"
        "X-VIGIE-ATTENDANCE:61000\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:plaine@example\r\nSUMMARY:Marché de la Plaine\r\n"
        "DTSTART;TZID=Europe/Paris:20260905T070000\r\nDTEND;TZID=Europe/Paris:20260905T133000\r\n"
        "RRULE:FREQ=WEEKLY;BYDAY=SA;COUNT=60\r\nEXDATE;TZID=Europe/Paris:20260912T070000\r\n"
        "LOCATION:Place Jean-Jaurès\r\nGEO:43.2966;5.3893\r\nCATEGORIES:Marché\r\n"
        "DESCRIPTION:Marché forain. Affluence : 4000 personnes\r\nEND:VEVENT\r\n"
        "BEGIN:VEVENT\r\nUID:broken@example\r\nSUMMARY:Broken\r\n"
        "DTSTART;TZID=Europe/Paris:20261001T100000\r\nDTEND;TZID=Europe/Paris:20261001T110000\r\n"
        "RRULE:FREQ=SOMETIMES;BYDAY=XX\r\nGEO:43.3;5.38\r\nEND:VEVENT\r\n"
        "END:VCALENDAR\r\n";
    const ImportedEvents r = importIcs(ics, QStringLiteral("/x/saison.ics"), window());
    const PlannedEvent *match = find(r, QStringLiteral("evt:ics:om-lens@example"));
    ASSERT_TRUE(match);
    EXPECT_EQ(match->start.toIso(), QStringLiteral("2026-11-08T16:00:00.000Z")); // winter time, UTC+1
    EXPECT_EQ(match->type, QStringLiteral("match"));
    EXPECT_EQ(match->attendance, 61000);
    EXPECT_EQ(match->geo, Geometry::point({5.395049, 43.269554}));
    EXPECT_EQ(match->venue, QStringLiteral("Orange Vélodrome"));
    int markets = 0;
    for (const PlannedEvent &e : r.events)
        if (e.id.startsWith(QLatin1String("evt:ics:plaine@example:"))) {
            ++markets;
            EXPECT_EQ(e.type, QStringLiteral("market"));
            EXPECT_EQ(e.attendance, 4000);
        }
    EXPECT_EQ(markets, 51); // 60 Saturdays, less the one excluded, less those after the window (2027-08-31)
    const PlannedEvent *first = find(r, QStringLiteral("evt:ics:plaine@example:20260905T0700"));
    ASSERT_TRUE(first);
    EXPECT_EQ(first->start.toIso(), QStringLiteral("2026-09-05T05:00:00.000Z")); // summer time, UTC+2
    EXPECT_FALSE(find(r, QStringLiteral("evt:ics:plaine@example:20260912T0700")));
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].position, QStringLiteral("saison.ics UID=broken@example"));
    EXPECT_EQ(r.problems[0].field, QStringLiteral("RRULE"));
    EXPECT_TRUE(r.problems[0].input.contains("SOMETIMES"));
}

TEST(EventImport, SameFileTwiceWritesNothingNewAndAChangeReplaces)
{
    const QByteArray csv = "id,title,type,start,end,attendance,lon,lat\n"
                           "a,A,concert,2026-10-25T20:00:00+01:00,2026-10-25T23:00:00+01:00,100,5.39,43.27\n"
                           "b,B,concert,2026-10-26T20:00:00+01:00,2026-10-26T23:00:00+01:00,200,5.39,43.27\n";
    const Timestamp now{1784055600000};
    const ImportedEvents r = importCsv(csv, QStringLiteral("c.csv"), window());
    std::map<QString, PlannedEvent> calendar;
    const ImportPlan first = planImport(r.events, calendar, QStringLiteral("t"), now);
    EXPECT_EQ(first.added, 2);
    ASSERT_EQ(first.drafts.size(), 2u);
    for (const Entry &d : first.drafts)
        calendar.insert_or_assign(d.data.value(QLatin1String("event")).toString(),
                                  PlannedEvent::fromEntry(d));
    const ImportPlan again = planImport(r.events, calendar, QStringLiteral("t"), now);
    EXPECT_EQ(again.unchanged, 2);
    EXPECT_TRUE(again.drafts.empty());
    QByteArray changed = csv;
    changed.replace(",200,", ",250,");
    const ImportPlan third = planImport(importCsv(changed, QStringLiteral("c.csv"), window()).events,
                                        calendar, QStringLiteral("t"), now);
    EXPECT_EQ(third.replaced, 1);
    EXPECT_EQ(third.unchanged, 1);
}

TEST(EventImport, SampleFilesImportWithoutProblems)
{
    const QByteArray csv = sample("marseille_saison.csv"), ics = sample("marseille_saison.ics");
    ASSERT_FALSE(csv.isEmpty());
    ASSERT_FALSE(ics.isEmpty());
    const ImportedEvents c = importCsv(csv, QStringLiteral("marseille_saison.csv"), window());
    for (const ImportProblem &p : c.problems)
        ADD_FAILURE() << p.message().toStdString();
    EXPECT_GE(c.events.size(), 10u);
    const ImportedEvents i = importIcs(ics, QStringLiteral("marseille_saison.ics"), window());
    for (const ImportProblem &p : i.problems)
        ADD_FAILURE() << p.message().toStdString();
    EXPECT_GE(i.events.size(), 10u);
}

TEST(EventImport, UidsTheRoomScrubsAreComparedAsStored)
{
    // A UID that looks like an e-mail address is kept by the room as a keyed token: the second import must
    // still find the event in the calendar.
    const QByteArray ics =
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:dome@marseille.example\r\n"
        "SUMMARY:Concert\r\nDTSTART:20261108T190000Z\r\nDTEND:20261108T220000Z\r\nGEO:43.315315;5.404474\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n";
    const Anonymiser anonymiser(QByteArrayLiteral("0123456789abcdef0123456789abcdef"));
    const ImportedEvents r = importIcs(ics, QStringLiteral("a.ics"), window());
    ASSERT_EQ(r.events.size(), 1u);
    std::map<QString, PlannedEvent> calendar;
    const ImportPlan first = planImport(r.events, calendar, QStringLiteral("t"), Timestamp{0}, &anonymiser);
    ASSERT_EQ(first.drafts.size(), 1u);
    Entry stored = first.drafts.front();
    stored.data = anonymiser.scrubJson(stored.data);
    const PlannedEvent kept = PlannedEvent::fromEntry(stored);
    EXPECT_NE(kept.id, r.events.front().id); // scrubbed
    calendar.emplace(kept.id, kept);
    EXPECT_EQ(planImport(r.events, calendar, QStringLiteral("t"), Timestamp{0}, &anonymiser).unchanged, 1);
}
