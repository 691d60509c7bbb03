// The desk's way from the Interventions list to the map and the Détail dock, offscreen on the demo room plus
// a severe crowd crush reported by two services: picking an incident centres the map on it and fills the
// dock with everything known of it, in the console's words and at the room's time; the filter narrows the
// list; a hospital shows its name and free beds, and stays reachable at the deepest zoom where units parked
// at it share its place.
#include "ui/detail_html.h"
#include "ui/detail_panel.h"
#include "ui/incidents_panel.h"
#include "ui/labels.h"
#include "ui/main_window.h"
#include "ui/models/incidents_model.h"
#include "ui/models/units_model.h"

#include "maps/map_view.h"
#include "maps/web_mercator.h"

#include "allocation/suggestion.h"
#include "demo/demo_room.h"
#include "feeds/ingestor.h"
#include "room/direct_sink.h"
#include "room/picture_manager.h"
#include "room/room.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <tuple>

using namespace vigie;

namespace {

constexpr GeoPoint quay{5.3745, 43.2951}; // quai de Rive-Neuve, Vieux-Port

Entry draft(const char *json)
{
    auto d = draftFromJson(QByteArray(json));
    EXPECT_TRUE(d) << (d ? "" : d.error().message.toStdString());
    return d ? *d : Entry{};
}

/// The demo room, then a crowd crush on the Vieux-Port: opened by the fire brigade, updated by the SAMU's
/// EMSI feed, two units on it (one engaged by an accepted suggestion with its ETA), a decision.
struct Desk
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    std::unique_ptr<Room> room;
    std::unique_ptr<DirectSink> sink;
    std::unique_ptr<PictureManager> manager;
    std::unique_ptr<ui::MainWindow> window;
    maps::MapView *map = nullptr;
    ui::DetailPanel *detail = nullptr;

    Desk()
    {
        auto created = Room::create(dir.filePath(QStringLiteral("demo.vigie")), QStringLiteral("Démo"),
                                    RoomMode::Exercise, clock);
        EXPECT_TRUE(created);
        room = std::move(*created);
        EXPECT_TRUE(writeDemoRoom(*room));
        EXPECT_TRUE(room->append({
            draft(
                R"({"kind":"incident.open","time":"2026-07-14T23:40:00+02:00","author":"CTA-CODIS 13",)"
                R"("role":"operator","agency":"fire","geo":{"type":"Point","coordinates":[5.3745,43.2951]},)"
                R"("data":{"incident":"INC-0101","type":"crowd_crush","title":"Mouvement de foule quai de )"
                R"(Rive-Neuve","severity":4,"casualties":{"red":2,"yellow":5,"green":12,"black":1}}})"),
            draft(R"({"kind":"incident.update","time":"2026-07-14T23:44:00+02:00","author":"SAMU 13",)"
                  R"("role":"feed","agency":"samu","data":{"incident":"INC-0101","feed":"emsi",)"
                  R"("title":"Mouvement de foule quai de Rive-Neuve – victimes au sol"}})"),
            draft(R"({"kind":"unit.status","time":"2026-07-14T23:42:00+02:00","author":"CTA-CODIS 13",)"
                  R"("role":"operator","agency":"fire","data":{"unit":"VSAV-SLAZ-1","status":"on_scene",)"
                  R"("incident":"INC-0101"}})"),
            draft(R"({"kind":"decision","time":"2026-07-14T23:45:00+02:00","author":"Préfecture 13 – COD",)"
                  R"("role":"official","agency":"officials","data":{"incident":"INC-0101",)"
                  R"("text":"Plan rouge déclenché ; poste médical avancé place aux Huiles."}})"),
            draft(R"({"kind":"suggestion","time":"2026-07-14T23:46:00+02:00","author":"poste-samu",)"
                  R"("role":"desk","agency":"samu","data":{"suggestion":"s-101","unit":"SMUR-TIM-2",)"
                  R"("callsign":"SMUR Timone 2","type":"SMUR","agency":"samu","incident":"INC-0101",)"
                  R"("incident_type":"crowd_crush","eta_s":540,"distance_m":3100,"approximate":true}})"),
        }));
        EntryQuery q;
        q.kind = QStringLiteral("suggestion");
        auto suggestions = room->store().read(q);
        EXPECT_TRUE(suggestions && suggestions->size() == 1);
        auto accept =
            allocation::acceptDrafts(suggestions->front(), QStringLiteral("poste-samu"),
                                     *Timestamp::parseIso(QStringLiteral("2026-07-14T23:47:00+02:00")));
        EXPECT_TRUE(accept);
        EXPECT_TRUE(room->append(*accept));

        manager = std::make_unique<PictureManager>(room->store(), room->clock(), room->path());
        sink = std::make_unique<DirectSink>(*room);
        manager->setWriter(sink.get());
        EXPECT_TRUE(manager->load());
        window = std::make_unique<ui::MainWindow>(*manager);
        map = new maps::MapView(manager.get());
        window->setCentralView(map);
        detail = ui::attachDetailDock(*window, *manager, *map);
        window->resize(1600, 900);
        window->show();
        QApplication::processEvents();
    }
    [[nodiscard]] ui::IncidentsPanel &incidents() const { return *window->incidentsPanel(); }
    [[nodiscard]] QTableView &list() const { return *incidents().view(); }
    [[nodiscard]] int rowOf(const QString &id) const
    {
        for (int r = 0; r < list().model()->rowCount(); ++r)
            if (list().model()->index(r, 0).data(ui::IncidentsModel::IdRole).toString() == id)
                return r;
        return -1;
    }
};

/// Words of the log's code: snake_case (on_scene, crowd_crush) or dotted kinds (unit.status).
QStringList rawCodes(const QString &text)
{
    static const QRegularExpression code(QStringLiteral("\\b[a-z]+(?:_[a-z]+)+\\b|\\b[a-z]+\\.[a-z]+\\b"));
    QStringList found;
    for (auto it = code.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    return found;
}

} // namespace

// A sector's arrondissements in the console's language, from the numbers of the sectors file.
TEST(PlaceWords, ArrondissementsReadInTheConsolesLanguage)
{
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("en")));
    EXPECT_EQ(ui::arrondissementsText(QStringLiteral("Secteur 1 (1e et 7e arr.)")),
              QStringLiteral("1st and 7th arr."));
    EXPECT_EQ(ui::arrondissementsText(QStringLiteral("Secteur 2 (2e et 3e arr.)")),
              QStringLiteral("2nd and 3rd arr."));
    EXPECT_EQ(ui::arrondissementsText(QStringLiteral("Secteur 6 (11e et 12e arr.)")),
              QStringLiteral("11th and 12th arr."));
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("fr")));
    EXPECT_EQ(ui::arrondissementsText(QStringLiteral("Secteur 1 (1e et 7e arr.)")),
              QStringLiteral("1er et 7e arr."));
    EXPECT_EQ(ui::arrondissementsText(QStringLiteral("Secteur 8 (15e et 16e arr.)")),
              QStringLiteral("15e et 16e arr."));
    EXPECT_EQ(ui::arrondissementsText(QStringLiteral("Secteur 9 (Frioul)")), QStringLiteral("Frioul"));
}

TEST(IncidentsDesk, TheListIsReadableAndWideEnough)
{
    Desk desk;
    auto *dock = desk.window->findChild<QDockWidget *>(QStringLiteral("IncidentsDock"));
    ASSERT_NE(dock, nullptr);
    EXPECT_GE(dock->width(), 380);
    EXPECT_TRUE(desk.incidents().searchBox()->isVisible());
    const int row = desk.rowOf(QStringLiteral("INC-0101"));
    ASSERT_GE(row, 0);
    auto cell = [&](int column) {
        return desk.list().model()->index(row, column).data().toString();
    };
    EXPECT_EQ(cell(ui::IncidentsModel::Type), QStringLiteral("Mouvement de foule"));
    EXPECT_EQ(cell(ui::IncidentsModel::Severity), QStringLiteral("4"));
    EXPECT_EQ(cell(ui::IncidentsModel::Place), QStringLiteral("1er et 7e arr."));
    EXPECT_EQ(cell(ui::IncidentsModel::Units), QStringLiteral("2"));
    EXPECT_EQ(cell(ui::IncidentsModel::Age), QStringLiteral("7 min")); // opened 23:40, latest event 23:47
    // Nature and place under the title, on a second line.
    const QString subtitle = desk.list()
                                 .model()
                                 ->index(row, ui::IncidentsModel::Title)
                                 .data(ui::IncidentsModel::SubtitleRole)
                                 .toString();
    EXPECT_EQ(subtitle, QStringLiteral("Mouvement de foule · 1er et 7e arr."));
    EXPECT_GE(desk.list().rowHeight(row), 2 * desk.list().fontMetrics().height());
    for (int c : {int(ui::IncidentsModel::Severity), int(ui::IncidentsModel::Title),
                  int(ui::IncidentsModel::Age), int(ui::IncidentsModel::Units)}) {
        EXPECT_FALSE(desk.list().isColumnHidden(c)) << c;
        EXPECT_FALSE(desk.list().model()->headerData(c, Qt::Horizontal).toString().isEmpty()) << c;
    }
}

TEST(IncidentsDesk, SelectingAnIncidentCentresTheMapAndFillsTheDetail)
{
    Desk desk;
    desk.map->setCenter({5.45, 43.35}, 12);
    desk.list().setFocus();
    // The most severe first: INC-0101 on the first row; reached with the keyboard.
    ASSERT_EQ(desk.rowOf(QStringLiteral("INC-0101")), 0);
    QTest::keyClick(&desk.list(), Qt::Key_Home);
    QApplication::processEvents();
    const GeoPoint centre = desk.map->center();
    EXPECT_NEAR(centre.lon, quay.lon, 1e-6);
    EXPECT_NEAR(centre.lat, quay.lat, 1e-6);
    EXPECT_GE(desk.map->zoom(), 14);
    ASSERT_TRUE(desk.map->highlighted().has_value());
    ASSERT_TRUE(desk.detail->subject().has_value());
    EXPECT_EQ(desk.detail->subject()->id, QStringLiteral("INC-0101"));
    const QString text = desk.detail->toPlainText();
    for (const char *expected :
         {"Mouvement de foule quai de Rive-Neuve – victimes au sol", "Mouvement de foule", "gravité 4 sur 5",
          "1er et 7e arr.", "Ouverte à 23:40", "urgences absolues (rouge)", "Moyens engagés : 2",
          "SMUR Timone 2", "arrivée estimée à 23:56", "sur les lieux depuis 23:42", "Plan rouge déclenché",
          "Sources : 2", "SAMU 13 (flux EMSI) — 1 signalement", "CTA-CODIS 13", "Mise à jour d'intervention"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(expected))) << expected << "\n" << text.toStdString();

    // Another row with the arrow, then back with a click: the map follows each.
    QTest::keyClick(&desk.list(), Qt::Key_Down);
    QApplication::processEvents();
    const QString second = desk.detail->subject()->id;
    EXPECT_NE(second, QStringLiteral("INC-0101"));
    const Incident &other = desk.manager->picture().incidents.at(second);
    ASSERT_TRUE(other.position);
    EXPECT_NEAR(desk.map->center().lon, other.position->lon, 1e-6);
    const QRect first = desk.list().visualRect(desk.list().model()->index(0, ui::IncidentsModel::Title));
    QTest::mouseClick(desk.list().viewport(), Qt::LeftButton, {}, first.center());
    QApplication::processEvents();
    EXPECT_EQ(desk.detail->subject()->id, QStringLiteral("INC-0101"));
    EXPECT_NEAR(desk.map->center().lat, quay.lat, 1e-6);
}

// A unit picked in the Units list: its detail in the dock, the map on it.
TEST(IncidentsDesk, AUnitPickedInItsListIsShownInTheDetailAndOnTheMap)
{
    Desk desk;
    auto *units = desk.window->findChild<QTableView *>(QStringLiteral("UnitsView"));
    ASSERT_NE(units, nullptr);
    int row = -1;
    GeoPoint where;
    for (int r = 0; r < units->model()->rowCount() && row < 0; ++r) {
        const QString id = units->model()->index(r, 0).data(ui::UnitsModel::IdRole).toString();
        const Unit &u = desk.manager->picture().units.at(id);
        if (u.position) {
            row = r;
            where = *u.position;
        }
    }
    ASSERT_GE(row, 0) << "a unit with a position";
    const QString id = units->model()->index(row, 0).data(ui::UnitsModel::IdRole).toString();
    units->setCurrentIndex(units->model()->index(row, ui::UnitsModel::Callsign));
    QApplication::processEvents();
    ASSERT_TRUE(desk.detail->subject().has_value());
    EXPECT_EQ(desk.detail->subject()->id, id);
    EXPECT_TRUE(desk.detail->toPlainText().contains(desk.manager->picture().units.at(id).callsign))
        << desk.detail->toPlainText().toStdString();
    EXPECT_NEAR(desk.map->center().lat, where.lat, 1e-6);
    EXPECT_NEAR(desk.map->center().lon, where.lon, 1e-6);
}

TEST(IncidentsDesk, TheFilterNarrowsTheList)
{
    Desk desk;
    QAbstractItemModel *rows = desk.list().model();
    ASSERT_EQ(rows->rowCount(), 2); // the demo's brush fire and the crowd crush
    desk.incidents().searchBox()->setText(QStringLiteral("FOULE rive"));
    ASSERT_EQ(rows->rowCount(), 1);
    EXPECT_EQ(rows->index(0, 0).data(ui::IncidentsModel::IdRole).toString(), QStringLiteral("INC-0101"));
    desk.incidents().searchBox()->setText(QStringLiteral("espace naturel")); // the nature, in French
    ASSERT_EQ(rows->rowCount(), 1);
    EXPECT_EQ(rows->index(0, 0).data(ui::IncidentsModel::IdRole).toString(), QStringLiteral("INC-0005"));
    desk.incidents().searchBox()->setText(QStringLiteral("velodrome"));
    EXPECT_EQ(rows->rowCount(), 0);
    desk.incidents().searchBox()->clear();
    EXPECT_EQ(rows->rowCount(), 2);

    auto *severity = desk.window->findChild<QComboBox *>(QStringLiteral("IncidentsSeverity"));
    ASSERT_NE(severity, nullptr);
    // The panel has room: the filter reads « Toutes gravités », not « Toutes gravité: ».
    const QStyleOptionComboBox box = [&] {
        QStyleOptionComboBox o;
        o.initFrom(severity);
        return o;
    }();
    const QRect text =
        severity->style()->subControlRect(QStyle::CC_ComboBox, &box, QStyle::SC_ComboBoxEditField, severity);
    EXPECT_GE(text.width(), severity->fontMetrics().horizontalAdvance(severity->itemText(0)))
        << severity->width();
    severity->setCurrentIndex(severity->findData(4));
    ASSERT_EQ(rows->rowCount(), 1);
    EXPECT_EQ(rows->index(0, 0).data(ui::IncidentsModel::IdRole).toString(), QStringLiteral("INC-0101"));
    severity->setCurrentIndex(severity->findData(5)); // the scale's top: neither is at 5
    EXPECT_EQ(rows->rowCount(), 0);
    severity->setCurrentIndex(0);
    auto *agency = desk.window->findChild<QComboBox *>(QStringLiteral("IncidentsAgency"));
    ASSERT_NE(agency, nullptr);
    agency->setCurrentIndex(agency->findData(QStringLiteral("samu")));
    EXPECT_EQ(rows->rowCount(), 0); // both were opened by the fire brigade
    agency->setCurrentIndex(agency->findData(QStringLiteral("fire")));
    EXPECT_EQ(rows->rowCount(), 2);

    // From the filter, the down arrow goes to the list and picks its first row.
    desk.incidents().searchBox()->setText(QStringLiteral("feu"));
    QTest::keyClick(desk.incidents().searchBox(), Qt::Key_Down);
    QApplication::processEvents();
    ASSERT_TRUE(desk.detail->subject().has_value());
    EXPECT_EQ(desk.detail->subject()->id, QStringLiteral("INC-0005"));
    desk.incidents().searchBox()->clear();

    // Selecting a filtered-out incident shows the whole list again.
    desk.incidents().searchBox()->setText(QStringLiteral("foule"));
    ASSERT_TRUE(desk.incidents().selectIncident(QStringLiteral("INC-0005")));
    EXPECT_EQ(rows->rowCount(), 2);
    EXPECT_EQ(desk.detail->subject()->id, QStringLiteral("INC-0005"));
}

TEST(IncidentsDesk, ASevereIncidentThatOpensIsAnnounced)
{
    Desk desk;
    ASSERT_TRUE(desk.room->append({draft(
        R"({"kind":"incident.open","time":"2026-07-14T23:50:00+02:00","author":"CIC Police 13",)"
        R"("role":"operator","agency":"police","geo":{"type":"Point","coordinates":[5.39,43.27]},)"
        R"("data":{"incident":"INC-0102","type":"security","title":"Coups de feu au Vélodrome","severity":4}})")}));
    desk.manager->poll();
    QApplication::processEvents();
    EXPECT_TRUE(
        desk.window->statusBar()->currentMessage().contains(QStringLiteral("Coups de feu au Vélodrome")))
        << desk.window->statusBar()->currentMessage().toStdString();
    const int row = desk.rowOf(QStringLiteral("INC-0102"));
    ASSERT_GE(row, 0);
    EXPECT_TRUE(
        desk.list().model()->index(row, ui::IncidentsModel::Title).data(Qt::BackgroundRole).isValid());
    // What the room held when the console opened is not news: no mark on the crowd crush.
    const int old = desk.rowOf(QStringLiteral("INC-0101"));
    EXPECT_FALSE(
        desk.list().model()->index(old, ui::IncidentsModel::Title).data(Qt::BackgroundRole).isValid());
}

// Rows come and go one by one as incidents open and close: the incident a desk picked stays picked.
TEST(IncidentsDesk, ASelectionSurvivesIncidentsOpeningAndClosing)
{
    Desk desk;
    QAbstractItemModelTester tester(desk.incidents().model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(desk.incidents().selectIncident(QStringLiteral("INC-0005")));
    auto picked = [&desk] {
        return desk.list().currentIndex().data(ui::IncidentsModel::IdRole).toString();
    };
    ASSERT_EQ(picked(), QStringLiteral("INC-0005"));
    ASSERT_TRUE(desk.room->append(
        {draft(R"({"kind":"incident.open","time":"2026-07-14T23:50:00+02:00","author":"CIC Police 13",)"
               R"("role":"operator","agency":"police","geo":{"type":"Point","coordinates":[5.39,43.27]},)"
               R"("data":{"incident":"INC-0001","type":"security","title":"Rixe","severity":2}})")}));
    desk.manager->poll();
    EXPECT_EQ(desk.list().model()->rowCount(), 3);
    EXPECT_EQ(picked(), QStringLiteral("INC-0005"));
    ASSERT_TRUE(desk.room->append(
        {draft(R"({"kind":"incident.close","time":"2026-07-14T23:55:00+02:00","author":"CTA-CODIS 13",)"
               R"("role":"operator","agency":"fire","data":{"incident":"INC-0101","reason":"Fin"}})")}));
    desk.manager->poll();
    EXPECT_EQ(desk.list().model()->rowCount(), 2);
    EXPECT_EQ(picked(), QStringLiteral("INC-0005"));
    EXPECT_EQ(desk.list().selectionModel()->selectedRows().size(), 1);
}

TEST(IncidentsDesk, AHospitalShowsItsNameAndFreeBedsByType)
{
    Desk desk;
    desk.detail->showObject(maps::Layer::Hospitals, QStringLiteral("aphm-timone"));
    const QString text = desk.detail->toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("AP-HM – Hôpital de la Timone"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Urgences : ouvertes"))) << text.toStdString();
    const Hospital &timone = desk.manager->picture().hospitals.at(QStringLiteral("aphm-timone"));
    ASSERT_FALSE(timone.beds.empty());
    for (const auto &[type, free] : timone.beds) {
        const QString line = QStringLiteral("%1\n%2").arg(ui::bedTypeLabel(type)).arg(free);
        EXPECT_TRUE(text.contains(line)) << line.toStdString() << "\n" << text.toStdString();
    }
    EXPECT_TRUE(text.contains(QStringLiteral("réanimation\n2"))) << text.toStdString(); // the 23:00 status
}

TEST(IncidentsDesk, AnIncidentShowsTheThreeNearestHospitalsWithTheirFreeBeds)
{
    Desk desk;
    // Two hospitals farther out than the city's: the dock names three, the nearest.
    for (const auto &[id, name, lon, lat] :
         {std::tuple{"ch-aubagne", "CH Edmond Garcin, Aubagne", 5.5705, 43.2925},
          std::tuple{"ch-aix", "CH du Pays d'Aix", 5.4420, 43.5290}}) {
        Entry e;
        e.kind = QStringLiteral("hospital.status");
        e.author = QStringLiteral("SAMU 13");
        e.agency = QStringLiteral("samu");
        e.eventTime = *Timestamp::parseIso(QStringLiteral("2026-07-14T23:30:00+02:00"));
        e.geo = Geometry::point({lon, lat});
        e.data = QJsonObject{{QStringLiteral("hospital"), QLatin1String(id)},
                             {QStringLiteral("name"), QString::fromUtf8(name)},
                             {QStringLiteral("ed_status"), QStringLiteral("open")},
                             {QStringLiteral("beds"), QJsonObject{{QStringLiteral("icu"), 1}}}};
        desk.manager->append({e});
    }
    desk.manager->poll();
    desk.detail->showObject(maps::Layer::Incidents, QStringLiteral("INC-0101"));
    const QString text = desk.detail->toPlainText();
    const qsizetype at = text.indexOf(QStringLiteral("Hôpitaux proches"));
    ASSERT_GE(at, 0) << text.toStdString();
    const QString section = text.mid(at);
    // The picture's hospitals by their distance to the quay, one per hospital: the room's "aphm-timone" and
    // the feed's "have:aphm-timone" are one, said by its latest state.
    std::map<QString, const Hospital *> latest;
    for (const auto &[id, h] : desk.manager->picture().hospitals) {
        const QString own = id.section(u':', -1);
        if (h.position && (!latest.contains(own) || h.updated.msecs > latest[own]->updated.msecs))
            latest[own] = &h;
    }
    std::vector<std::pair<double, const Hospital *>> byDistance;
    for (const auto &[own, h] : latest)
        byDistance.emplace_back(distanceMeters(quay, *h->position), h);
    std::sort(byDistance.begin(), byDistance.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList names;
    for (const auto &[metres, h] : byDistance)
        names << maps::hospitalName(*h);
    ASSERT_EQ(names.size(), 5) << names.join(u", ").toStdString();
    qsizetype previous = -1;
    for (int k = 0; k < 3; ++k) {
        const qsizetype found = section.indexOf(names[k]);
        EXPECT_GT(found, previous) << names[k].toStdString() << "\n" << section.toStdString();
        previous = found;
    }
    EXPECT_FALSE(section.contains(names[3])) << section.toStdString();
    EXPECT_FALSE(section.contains(names[4])) << section.toStdString();
    // Three lines, not a hospital twice under its room's and its feed's names.
    const QString list = section.left(section.indexOf(QStringLiteral("Décisions")));
    EXPECT_EQ(list.count(QStringLiteral("Urgences : ")), 3) << list.toStdString();
    // Each with its emergency department, its distance and its free beds by type (the Timone's 23:00 status).
    EXPECT_TRUE(section.contains(QStringLiteral("Urgences : ouvertes"))) << section.toStdString();
    EXPECT_TRUE(section.contains(QStringLiteral(" km"))) << section.toStdString();
    EXPECT_TRUE(section.contains(QStringLiteral("réanimation 2"))) << section.toStdString();

    ASSERT_TRUE(ui::useLanguage(QStringLiteral("en")));
    desk.detail->showObject(maps::Layer::Incidents, QStringLiteral("INC-0101"));
    const QString english = desk.detail->toPlainText();
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("fr")));
    EXPECT_TRUE(english.contains(QStringLiteral("Nearby hospitals"))) << english.toStdString();
    EXPECT_TRUE(english.contains(QStringLiteral("intensive care 2"))) << english.toStdString();
}

TEST(IncidentsDesk, AUnitEngagedWithoutARoadEtaGetsAStraightLineEstimateSaidAsSuch)
{
    Desk desk;
    // A unit sent by its own service (no suggestion, so no road ETA), from where it was last seen.
    const Unit *sent = nullptr;
    for (const auto &[id, u] : desk.manager->picture().units)
        if (u.position && u.status == QLatin1String("available") &&
            distanceMeters(*u.position, quay) > 2000) {
            sent = &u;
            break;
        }
    ASSERT_NE(sent, nullptr);
    const QString callsign = sent->callsign;
    const double km = distanceMeters(*sent->position, quay) / 1000;
    Entry status;
    status.kind = QStringLiteral("unit.status");
    status.author = QStringLiteral("CTA-CODIS 13");
    status.agency = sent->agency;
    status.eventTime = *Timestamp::parseIso(QStringLiteral("2026-07-14T23:48:00+02:00"));
    status.data = QJsonObject{{QStringLiteral("unit"), sent->id},
                              {QStringLiteral("status"), QStringLiteral("en_route")},
                              {QStringLiteral("incident"), QStringLiteral("INC-0101")}};
    desk.manager->append({status});
    desk.manager->poll();
    desk.detail->showObject(maps::Layer::Incidents, QStringLiteral("INC-0101"));
    const QString text = desk.detail->toPlainText();
    const qsizetype line = text.indexOf(callsign);
    ASSERT_GE(line, 0) << text.toStdString();
    const QString row =
        text.mid(line, text.indexOf(u'\n', text.indexOf(QStringLiteral("en route"), line)) - line);
    EXPECT_TRUE(row.contains(QStringLiteral("estimée à vol d'oiseau"))) << row.toStdString();
    EXPECT_TRUE(row.contains(QLocale().toString(km, 'f', 1) + QStringLiteral(" km"))) << row.toStdString();
    EXPECT_FALSE(row.contains(QStringLiteral("non estimée"))) << row.toStdString();
    // The unit sent through a suggestion keeps its road ETA.
    EXPECT_TRUE(text.contains(QStringLiteral("arrivée estimée à 23:56"))) << text.toStdString();
}

TEST(IncidentsDesk, AHospitalIsReachableAtTheDeepestZoom)
{
    Desk desk;
    ASSERT_TRUE(desk.incidents().selectIncident(QStringLiteral("INC-0101")));
    ASSERT_TRUE(desk.map->highlighted().has_value()); // ringed until the map itself is clicked
    const Hospital &timone = desk.manager->picture().hospitals.at(QStringLiteral("aphm-timone"));
    ASSERT_TRUE(timone.position);
    desk.map->setCenter(*timone.position, maps::MapView::maxZoom);
    desk.map->repaint();
    QApplication::processEvents();
    // The SMUR units parked at the Timone share its place: one marker at the map's centre.
    const QPointF middle(desk.map->width() / 2.0, desk.map->height() / 2.0);
    QPoint at;
    for (const QRect &r : desk.map->markers())
        if (QRectF(r).adjusted(-2, -2, 2, 2).contains(middle))
            at = r.center();
    ASSERT_FALSE(at.isNull()) << "no marker on the hospital";
    const auto members = desk.map->objectsAt(at);
    ASSERT_GT(members.size(), 1u);
    EXPECT_EQ(members.front().layer, maps::Layer::Hospitals);
    EXPECT_EQ(members.front().id, QStringLiteral("aphm-timone"));

    // A click on it lists its members in the Détail dock, the hospital first, each a link to its detail.
    QTest::mouseClick(desk.map, Qt::LeftButton, {}, at);
    QApplication::processEvents();
    EXPECT_FALSE(desk.map->highlighted().has_value());
    const QString list = desk.detail->toPlainText();
    EXPECT_FALSE(list.contains(QStringLiteral("Zoomez"))) << list.toStdString();
    EXPECT_TRUE(list.contains(QStringLiteral("AP-HM – Hôpital de la Timone"))) << list.toStdString();
    const QString html = desk.detail->toHtml();
    const QString link = ui::objectLink(maps::Layer::Hospitals, QStringLiteral("aphm-timone"));
    ASSERT_TRUE(html.contains(link)) << html.toStdString();
    Q_EMIT desk.detail->anchorClicked(QUrl(QStringLiteral("vigie:hospitals/aphm-timone")));
    QApplication::processEvents();
    ASSERT_TRUE(desk.detail->subject().has_value());
    EXPECT_EQ(desk.detail->subject()->layer, maps::Layer::Hospitals);
    EXPECT_TRUE(desk.detail->toPlainText().contains(QStringLiteral("Lits disponibles")));
}

TEST(IncidentsDesk, TheDetailDockSaysNoRawCodeInEitherLanguage)
{
    Desk desk;
    const Picture &p = desk.manager->picture();
    std::vector<std::pair<maps::Layer, QString>> objects;
    for (const auto &[id, i] : p.incidents)
        objects.emplace_back(maps::Layer::Incidents, id);
    for (const auto &[id, h] : p.hospitals)
        objects.emplace_back(maps::Layer::Hospitals, id);
    for (const auto &[id, u] : p.units)
        objects.emplace_back(maps::layerForAgency(u.agency), id);
    for (const char *language : {"fr", "en"}) {
        ui::useLanguage(QLatin1String(language));
        for (const auto &[layer, id] : objects) {
            desk.detail->showObject(layer, id);
            const QString text = desk.detail->toPlainText();
            EXPECT_TRUE(rawCodes(text).isEmpty()) << language << " " << id.toStdString() << ": "
                                                  << rawCodes(text).join(u", ").toStdString() << "\n"
                                                  << text.toStdString();
        }
    }
    ui::useLanguage(QStringLiteral("fr"));
    // The check itself finds codes when they are there.
    EXPECT_EQ(rawCodes(QStringLiteral("VSAV : on_scene (unit.status) brush_fire")),
              (QStringList{QStringLiteral("on_scene"), QStringLiteral("unit.status"),
                           QStringLiteral("brush_fire")}));
}

TEST(IncidentsDesk, TheDetailDockNamesAnEmsiSenderByItsService)
{
    // As the demo's exercise sends it: an EMSI report whose sender is an organisation id.
    Desk desk;
    Entry report;
    report.kind = QStringLiteral("incident.open");
    report.author = QStringLiteral("fr.fire.bmpm");
    report.agency = QStringLiteral("fire");
    report.eventTime = *Timestamp::parseIso(QStringLiteral("2026-07-14T23:50:00+02:00"));
    report.geo = Geometry::point({5.3968, 43.2697});
    report.data = QJsonObject{{QStringLiteral("incident"), QStringLiteral("emsi:E-9")},
                              {QStringLiteral("feed"), QStringLiteral("emsi")},
                              {QStringLiteral("type"), QStringLiteral("injury")},
                              {QStringLiteral("severity"), 2},
                              {QStringLiteral("title"), QStringLiteral("Blessé suite à rixe")}};
    desk.manager->append({report});
    desk.manager->poll();
    ASSERT_TRUE(desk.manager->picture().shownIncident(QStringLiteral("emsi:E-9")));
    desk.detail->showObject(maps::Layer::Incidents, QStringLiteral("emsi:E-9"));
    const QString text = desk.detail->toPlainText();
    EXPECT_FALSE(text.contains(QStringLiteral("fr.fire"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Marins-pompiers (BMPM) (flux EMSI) — 1 signalement")))
        << text.toStdString();
}

TEST(IncidentsDesk, TheMapsTooltipsSpeakTheConsolesWords)
{
    Desk desk;
    const Picture &p = desk.manager->picture();
    int hospitals = 0;
    for (const maps::MapObject &o : desk.map->contents().objects) {
        const QString tip =
            QTextDocumentFragment::fromHtml(ui::tooltipHtml(p, o, p.maxEventTime)).toPlainText();
        EXPECT_TRUE(rawCodes(tip).isEmpty()) << o.id.toStdString() << ": " << tip.toStdString();
        if (o.layer == maps::Layer::Hospitals) {
            ++hospitals;
            EXPECT_FALSE(o.label.isEmpty()) << o.id.toStdString(); // the map's label names it
            EXPECT_TRUE(tip.startsWith(o.label)) << tip.toStdString();
        }
    }
    EXPECT_GT(hospitals, 0);
    const auto crush =
        std::find_if(desk.map->contents().objects.begin(), desk.map->contents().objects.end(),
                     [](const maps::MapObject &o) { return o.id == QLatin1String("INC-0101"); });
    ASSERT_NE(crush, desk.map->contents().objects.end());
    EXPECT_TRUE(ui::tooltipHtml(p, *crush, p.maxEventTime)
                    .contains(QStringLiteral("Mouvement de foule · gravité 4")));
}

TEST(IncidentsDesk, TheDetailDockReadsTimesAtTheRoomsZone)
{
    // A desk whose machine is set to another zone still reads the room's (Europe/Paris) times.
    const QByteArray saved = qgetenv("TZ");
    qputenv("TZ", "Pacific/Auckland");
    tzset();
    {
        Desk desk;
        desk.detail->showIncident(QStringLiteral("INC-0005")); // opened 21:45 in Marseille
        const QString text = desk.detail->toPlainText();
        EXPECT_TRUE(text.contains(QStringLiteral("Ouverte à 21:45"))) << text.toStdString();
        EXPECT_TRUE(text.contains(QStringLiteral("dernière mise à jour à 23:18"))) << text.toStdString();
    }
    if (saved.isEmpty())
        qunsetenv("TZ");
    else
        qputenv("TZ", saved);
    tzset();
}

// A CAP alert read through the real adapter: the Détail dock gives its validity, what people must do and
// the sender's codes in the console's words, not only its title.
TEST(IncidentsDesk, AnAlertShowsItsValidityAndInstructions)
{
    Desk desk;
    const QByteArray cap =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">"
        "<identifier>MF-1</identifier><sender>vigilance@meteo.example.fr</sender>"
        "<sent>2026-07-14T20:00:00+02:00</sent><status>Exercise</status><msgType>Alert</msgType>"
        "<scope>Public</scope><info><language>fr-FR</language><category>Met</category>"
        "<event>Orages violents</event><responseType>Shelter</responseType><urgency>Expected</urgency>"
        "<severity>Severe</severity><certainty>Likely</certainty>"
        "<eventCode><valueName>vigilance</valueName><value>orange</value></eventCode>"
        "<expires>2026-07-14T23:59:00+02:00</expires><headline>Vigilance orange orages</headline>"
        "<instruction>Abritez-vous hors des zones boisées.</instruction>"
        "<area><areaDesc>Marseille</areaDesc><circle>43.2965,5.3698 5</circle></area></info></alert>";
    const feeds::FeedRegistry registry;
    feeds::Ingestor ingestor(*desk.room, registry);
    const feeds::FeedContext context{
        QStringLiteral("meteo"), RoomMode::Exercise, QStringLiteral("officials"), {}, {}};
    auto fed = ingestor.ingest(cap, context, QStringLiteral("cap"));
    ASSERT_TRUE(fed && fed->entries == 1) << (fed ? fed->reasons.join(u'\n').toStdString() : "");
    desk.manager->poll();
    desk.detail->showIncident(QStringLiteral("cap:MF-1"));
    const QString text = desk.detail->toPlainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Valable jusqu'à 23:59"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Consignes : Abritez-vous hors des zones boisées.")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Conduite à tenir : se mettre à l'abri"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Urgence : attendue dans l'heure · certitude : probable")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("vigilance=orange"))) << text.toStdString();
}

// A replay shows the past: a severe incident opening in the replayed hour is not announced as news, nor are
// the live picture's severe incidents when the desk comes back from the replay.
TEST(IncidentsDesk, AReplayAnnouncesNothing)
{
    Desk desk;
    QSignalSpy severe(desk.window->incidentsPanel(), &ui::IncidentsPanel::notice);
    // The past, as a replay shows it: one more incident, severe.
    auto past = std::make_shared<Picture>(desk.manager->picture());
    Incident shooting;
    shooting.id = QStringLiteral("INC-0300");
    shooting.title = QStringLiteral("Coups de feu (passé)");
    shooting.severity = 4;
    shooting.position = quay;
    past->incidents.emplace(shooting.id, shooting);
    desk.manager->showReplay(past, Timestamp{1784055600000});
    QApplication::processEvents();
    ASSERT_GE(desk.rowOf(QStringLiteral("INC-0300")), 0);
    // Back to live, where a severe incident has opened meanwhile: it is in the list, unannounced.
    ASSERT_TRUE(desk.room->append({draft(
        R"({"kind":"incident.open","time":"2026-07-14T23:50:00+02:00","author":"CIC Police 13",)"
        R"("role":"operator","agency":"police","geo":{"type":"Point","coordinates":[5.39,43.27]},)"
        R"("data":{"incident":"INC-0102","type":"security","title":"Coups de feu au Vélodrome","severity":4}})")}));
    desk.manager->poll();
    desk.manager->showLive();
    QApplication::processEvents();
    EXPECT_GE(desk.rowOf(QStringLiteral("INC-0102")), 0);
    EXPECT_EQ(severe.count(), 0);
    // Live again, the next severe incident is news.
    ASSERT_TRUE(desk.room->append(
        {draft(R"({"kind":"incident.open","time":"2026-07-14T23:55:00+02:00","author":"CIC Police 13",)"
               R"("role":"operator","agency":"police","geo":{"type":"Point","coordinates":[5.40,43.27]},)"
               R"("data":{"incident":"INC-0103","type":"security","title":"Rixe armée","severity":4}})")}));
    desk.manager->poll();
    QApplication::processEvents();
    EXPECT_EQ(severe.count(), 1);
}

// The desk's moves on a room fed with the real messages of other services (../shared/data/feeds): CAP
// alerts of several countries, EDXL-RM and EDXL-HAVE, Hub Santé EMSI and RS messages. Select → centred and
// detailed, filter, and no raw code in the Détail dock of any incident, hospital or unit, in both languages.
TEST(IncidentsDesk, TheMovesWorkOnARoomFedWithRealMessages)
{
    const QDir feeds(QStringLiteral(VIGIE_SHARED_DATA "/feeds"));
    if (!feeds.exists())
        GTEST_SKIP() << "../shared/data/feeds is absent";
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    auto created = Room::create(dir.filePath(QStringLiteral("alimentee.vigie")), QStringLiteral("Alimentée"),
                                RoomMode::Live, clock);
    ASSERT_TRUE(created);
    std::unique_ptr<Room> room = std::move(*created);
    const feeds::FeedRegistry registry;
    feeds::Ingestor ingestor(*room, registry);
    qint64 entries = 0;
    for (const char *sub : {"cap", "edxl", "emsi"}) {
        QDirIterator it(feeds.filePath(QLatin1String(sub)),
                        {QStringLiteral("*.xml"), QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext()) {
            const QString f = it.next();
            if (!f.contains(QLatin1String("schema"), Qt::CaseInsensitive) &&
                !f.contains(QLatin1String("invalid"), Qt::CaseInsensitive))
                files << f;
        }
        files.sort();
        for (const QString &f : files.mid(0, 25)) {
            QFile file(f);
            ASSERT_TRUE(file.open(QIODevice::ReadOnly));
            const feeds::FeedContext context{f, RoomMode::Live, {}, {}, {}};
            auto fed = ingestor.ingest(file.readAll(), context);
            ASSERT_TRUE(fed) << f.toStdString();
            entries += fed->entries;
        }
    }
    ASSERT_GE(entries, 15);
    PictureManager manager(room->store(), room->clock(), room->path());
    DirectSink sink(*room);
    manager.setWriter(&sink);
    ASSERT_TRUE(manager.load());
    ui::MainWindow window(manager);
    auto *map = new maps::MapView(&manager);
    window.setCentralView(map);
    ui::DetailPanel *detail = ui::attachDetailDock(window, manager, *map);
    window.resize(1600, 900);
    window.show();
    QApplication::processEvents();
    ui::IncidentsPanel &incidents = *window.incidentsPanel();
    QTableView &list = *incidents.view();
    ASSERT_GT(list.model()->rowCount(), 5);

    // Select: every incident with a place centres the map on it, and the Détail dock shows it.
    int centred = 0;
    for (int row = 0; row < list.model()->rowCount(); ++row) {
        const QString id = list.model()->index(row, 0).data(ui::IncidentsModel::IdRole).toString();
        ASSERT_TRUE(incidents.selectIncident(id)) << id.toStdString();
        QApplication::processEvents();
        ASSERT_TRUE(detail->subject().has_value());
        EXPECT_EQ(detail->subject()->id, id);
        const Incident &i = manager.picture().incidents.at(id);
        if (i.position) {
            EXPECT_NEAR(map->center().lon, i.position->lon, 1e-6) << id.toStdString();
            EXPECT_NEAR(map->center().lat, i.position->lat, 1e-6) << id.toStdString();
            ++centred;
        }
    }
    EXPECT_GT(centred, 3);
    // Filter: a word of the first incident's title keeps it, a word found nowhere keeps nothing.
    const QString first = list.model()->index(0, ui::IncidentsModel::Title).data().toString();
    const QString word = first.section(u' ', 0, 0);
    incidents.searchBox()->setText(word);
    EXPECT_GE(list.model()->rowCount(), 1) << word.toStdString();
    incidents.searchBox()->setText(QStringLiteral("zzqxj"));
    EXPECT_EQ(list.model()->rowCount(), 0);
    incidents.searchBox()->clear();

    // No raw code in the Détail dock of anything on the map, in either language.
    const Picture &p = manager.picture();
    std::vector<std::pair<maps::Layer, QString>> objects;
    for (const auto &[id, i] : p.incidents)
        objects.emplace_back(maps::Layer::Incidents, id);
    for (const auto &[id, h] : p.hospitals)
        objects.emplace_back(maps::Layer::Hospitals, id);
    for (const auto &[id, u] : p.units)
        objects.emplace_back(maps::layerForAgency(u.agency), id);
    // The reference line is the sender's identifier, shown for a cross-check with it, and a sender named by
    // its web address is named so: identifiers, not words.
    static const QRegularExpression identifiers(
        QStringLiteral("^(Référence :|Reference:).*$|\\S*(https?://|www\\.)\\S*"),
        QRegularExpression::MultilineOption);
    for (const char *language : {"fr", "en"}) {
        ui::useLanguage(QLatin1String(language));
        for (const auto &[layer, id] : objects) {
            detail->showObject(layer, id);
            const QString text = detail->toPlainText().remove(identifiers);
            EXPECT_TRUE(rawCodes(text).isEmpty()) << language << " " << id.toStdString() << ": "
                                                  << rawCodes(text).join(u", ").toStdString() << "\n"
                                                  << text.toStdString();
        }
    }
    ui::useLanguage(QStringLiteral("fr"));
}
