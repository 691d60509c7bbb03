// The log worded for a reader: what feeds send is named by its feed and sender, never by a raw CAP identifier
// nor a pseudonymisation token (those stay in the tooltip), and every nature and service has a name.
#include "ui/labels.h"
#include "ui/models/log_model.h"

#include "demo/demo_room.h"
#include "feeds/ingestor.h"
#include "log/entry_kinds.h"
#include "room/picture_manager.h"
#include "room/room.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace vigie;

namespace {

/// A live room of its own with a feed ingestor on it, as `vigie-cli ingest` has.
struct FedRoom
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    std::unique_ptr<Room> room;
    const feeds::FeedRegistry registry;
    std::unique_ptr<feeds::Ingestor> ingestor;
    FedRoom()
    {
        auto created = Room::create(dir.filePath(QStringLiteral("r.vigie")), QStringLiteral("Salle"),
                                    RoomMode::Live, clock);
        EXPECT_TRUE(created);
        if (created) {
            room = std::move(*created);
            ingestor = std::make_unique<feeds::Ingestor>(*room, registry);
        }
    }
};

} // namespace

TEST(LogWording, FeedIncidentsNameTheirFeedAndSenderNotTheirIdsOrTokens)
{
    FedRoom fed;
    ASSERT_TRUE(fed.room);
    Room &room = *fed.room;
    SimulatedClock &clock = fed.clock;
    feeds::Ingestor &ingestor = *fed.ingestor;
    feeds::FeedContext context{QStringLiteral("alerts.xml"), RoomMode::Live, {}, {}, {}};
    // As the WMO samples send them: an e-mail sender (pseudonymised on the way in) or a service's id.
    const auto alert = [](const QString &id, const QString &sender, const QString &headline) {
        return QStringLiteral(
                   "<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>%1</identifier>"
                   "<sender>%2</sender><sent>2026-07-14T21:05:00+02:00</sent><status>Actual</status>"
                   "<msgType>Alert</msgType><scope>Public</scope><info><category>Met</category>"
                   "<event>Orages</event><urgency>Immediate</urgency><severity>Severe</severity>"
                   "<certainty>Observed</certainty><headline>%3</headline><area><areaDesc>x</areaDesc>"
                   "<circle>43.29,5.37 0.1</circle></area></info></alert>")
            .arg(id, sender, headline)
            .toUtf8();
    };
    for (const QByteArray &xml :
         {alert(QStringLiteral("2.49.0.0.40.0.AT.20240712093145.4473_3_108"),
                QStringLiteral("warn@meteo.example"), QStringLiteral("Orages violents")),
          alert(QStringLiteral("2.49.0.0.56.0.BE.20240712034751.1592219"), QStringLiteral("kmi-irm"),
                QStringLiteral("Avertissement orange"))}) {
        auto r = ingestor.ingest(xml, context);
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        ASSERT_EQ(r->stored, 1) << r->reasons.join(u'\n').toStdString();
    }
    PictureManager manager(room.store(), clock, room.path());
    ASSERT_TRUE(manager.load());
    ui::LogModel log(manager);
    ASSERT_GE(log.rowCount(), 2);
    bool sawToken = false;
    for (int row = 0; row < log.rowCount(); ++row) {
        const Entry &e = *log.entryAt(row);
        sawToken |= ui::isPseudonym(e.author);
        for (int column : {ui::LogModel::Author, ui::LogModel::Summary}) {
            const QString shown = log.data(log.index(row, column)).toString();
            EXPECT_FALSE(shown.contains(QStringLiteral("cap:"))) << shown.toStdString();
            EXPECT_FALSE(shown.contains(QStringLiteral("[email:"))) << shown.toStdString();
            EXPECT_FALSE(shown.contains(QStringLiteral("2.49.0.0"))) << shown.toStdString();
        }
        // The raw identifiers stay one hover away.
        const QString tip = log.data(log.index(row, ui::LogModel::Summary), Qt::ToolTipRole).toString();
        EXPECT_TRUE(tip.contains(e.data.value(QLatin1String("incident")).toString())) << tip.toStdString();
        EXPECT_TRUE(tip.contains(e.author)) << tip.toStdString();
    }
    EXPECT_TRUE(sawToken) << "the e-mail sender must have been pseudonymised for this test to mean anything";
    QStringList summaries;
    for (int row = 0; row < log.rowCount(); ++row)
        summaries << log.data(log.index(row, ui::LogModel::Summary)).toString() + QStringLiteral(" / ") +
                         log.data(log.index(row, ui::LogModel::Author)).toString();
    EXPECT_TRUE(summaries.contains(QStringLiteral("Alerte CAP : Orages violents / flux CAP")))
        << summaries.join(u'\n').toStdString();
    EXPECT_TRUE(summaries.contains(QStringLiteral("Alerte CAP de kmi-irm : Avertissement orange / kmi-irm")))
        << summaries.join(u'\n').toStdString();

    // Elsewhere in the log: a unit sent to a feed's incident, a merge into one.
    Entry status;
    status.kind = QString(kinds::unitStatus);
    status.data = QJsonObject{
        {QStringLiteral("unit"), QStringLiteral("fr.health.samu760.resource.VLM25")},
        {QStringLiteral("status"), QStringLiteral("en_route")},
        {QStringLiteral("incident"), QStringLiteral("hubsante:fr.health.samu440.DRFR154402413800999")}};
    EXPECT_EQ(ui::LogModel::summary(status),
              QStringLiteral("VLM25 : en route → dossier SAMU DRFR154402413800999"));
    EXPECT_EQ(ui::incidentRef(QStringLiteral("cap:2.49.0.0.40.0.AT.20240712093145.4473_3_108")),
              QStringLiteral("alerte CAP …4473_3_108"));
    EXPECT_EQ(ui::incidentRef(QStringLiteral("INC-0002")), QStringLiteral("INC-0002"));
    EXPECT_EQ(
        ui::incidentRef(QStringLiteral("hubsante:fr.fire.sis044.cga-044.SC-20240813-CGA_national-AT-7")),
        QStringLiteral("dossier pompiers SC-20240813-CGA_nation…"));
    // A feed that names no sender is said by its feed's name.
    Entry fromFeed;
    fromFeed.kind = QString(kinds::note);
    fromFeed.author = QStringLiteral("hubsante");
    fromFeed.data = QJsonObject{{QStringLiteral("feed"), QStringLiteral("hubsante")}};
    EXPECT_EQ(ui::LogModel::sender(fromFeed), QStringLiteral("flux Hub Santé"));
}

TEST(LogWording, EveryNatureAndServiceInTheLogHasAName)
{
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    auto room = Room::create(dir.filePath(QStringLiteral("demo.vigie")), QStringLiteral("Démo"),
                             RoomMode::Exercise, clock);
    ASSERT_TRUE(room);
    ASSERT_TRUE(writeDemoRoom(**room));
    // The Nature and Service columns are the console's words: never an entry kind or an agency id as stored.
    PictureManager manager((*room)->store(), clock, (*room)->path());
    ASSERT_TRUE(manager.load());
    ui::LogModel log(manager);
    ASSERT_GT(log.rowCount(), 0);
    const QRegularExpression raw(QStringLiteral("^[a-z]+([._][a-z_]+)*$"));
    for (int row = 0; row < log.rowCount(); ++row) {
        for (int column : {ui::LogModel::Kind, ui::LogModel::Agency}) {
            const QString shown = log.data(log.index(row, column)).toString();
            EXPECT_FALSE(raw.match(shown).hasMatch()) << "row " << row << ": " << shown.toStdString();
        }
    }
    for (const char *kind :
         {"note", "unit.status", "incident.open", "fusion.merge", "conflict", "log.truncated"})
        EXPECT_NE(ui::kindLabel(QLatin1String(kind)), QLatin1String(kind)) << kind;
}

// The Flux dock names a file whose name was replaced by a token by its kind and a short number, not by the
// token; other sources as they are.
TEST(FeedSourceWording, AFileIsNamedByItsKindAndNumberNotByItsToken)
{
    EXPECT_EQ(ui::feedSourceLabel(QStringLiteral("file [source:fed93601a869].json")),
              QStringLiteral("fichier JSON n° fed936"));
    EXPECT_EQ(ui::feedSourceLabel(QStringLiteral("file [source:fed93601a869]")),
              QStringLiteral("fichier n° fed936"));
    EXPECT_EQ(ui::feedSourceLabel(QStringLiteral("mqtt vigie/sono/+")), QStringLiteral("mqtt vigie/sono/+"));
    EXPECT_EQ(ui::feedSourceLabel(QStringLiteral("exercice:om-velodrome/I011")),
              QStringLiteral("exercice om-velodrome, stimulus I011"));
    ui::useLanguage(QStringLiteral("en"));
    EXPECT_EQ(ui::feedSourceLabel(QStringLiteral("file [source:fed93601a869].xml")),
              QStringLiteral("XML file no. fed936"));
    ui::useLanguage(QStringLiteral("fr"));
}

TEST(LogWording, ExerciseRecipientsEmsiSendersAndFeedUnitsAreWorded)
{
    // As the demo's exercise writes them: a stimulus to every service and one to the municipal police, an
    // EMSI report whose sender is an organisation id, and a feed's position of a unit the room knows.
    QTemporaryDir dir;
    SimulatedClock clock{Timestamp{1784055600000}};
    auto created = Room::create(dir.filePath(QStringLiteral("r.vigie")), QStringLiteral("Salle"),
                                RoomMode::Exercise, clock);
    ASSERT_TRUE(created);
    auto entry = [&clock](const char *kind, const char *author, const char *agency, QJsonObject data) {
        Entry e;
        e.kind = QString::fromLatin1(kind);
        e.author = QString::fromUtf8(author);
        e.agency = QString::fromLatin1(agency);
        e.eventTime = clock.now();
        e.data = std::move(data);
        return e;
    };
    auto inject = [&entry](const char *recipient) {
        return entry("exercise.inject", "Animation", "",
                     {{QStringLiteral("scenario"), QStringLiteral("om")},
                      {QStringLiteral("inject"), QStringLiteral("I015")},
                      {QStringLiteral("t_ms"), 36 * 60 * 1000},
                      {QStringLiteral("sender"), QStringLiteral("PC sécurité du stade")},
                      {QStringLiteral("recipient"), QString::fromLatin1(recipient)},
                      {QStringLiteral("channel"), QStringLiteral("phone")},
                      {QStringLiteral("format"), QStringLiteral("text")},
                      {QStringLiteral("text"), QStringLiteral("portes ouvertes")},
                      {QStringLiteral("ad_hoc"), false},
                      {QStringLiteral("expected"), QJsonArray()},
                      {QStringLiteral("summary"), QStringLiteral("portes ouvertes")}});
    };
    Entry status = entry("unit.status", "COSSIM – BMPM", "fire",
                         {{QStringLiteral("unit"), QStringLiteral("VSAV-LOUV-1")},
                          {QStringLiteral("status"), QStringLiteral("available")},
                          {QStringLiteral("callsign"), QStringLiteral("VSAV Louvain 1")}});
    Entry position = entry("unit.position", "fr.fire.bmpm", "fire",
                           {{QStringLiteral("unit"), QStringLiteral("emsi:VSAV-LOUV-1")}});
    position.geo = Geometry::point({5.39, 43.27});
    Entry report = entry("incident.open", "fr.fire.bmpm", "fire",
                         {{QStringLiteral("incident"), QStringLiteral("emsi:E-1")},
                          {QStringLiteral("feed"), QStringLiteral("emsi")},
                          {QStringLiteral("title"), QStringLiteral("Blessé suite à rixe")}});
    report.geo = Geometry::point({5.39, 43.27});
    auto appended = (*created)->append({inject("all"), inject("municipal_police"), status, position, report});
    ASSERT_TRUE(appended) << appended.error().message.toStdString();
    PictureManager manager((*created)->store(), clock, (*created)->path());
    ASSERT_TRUE(manager.load());
    ui::LogModel log(manager);
    ASSERT_EQ(log.rowCount(), 5);
    auto shown = [&log](int row, int column) {
        return log.data(log.index(row, column)).toString().toStdString();
    };
    for (const char *language : {"fr", "en"}) {
        ASSERT_TRUE(ui::useLanguage(QLatin1String(language)));
        const bool fr = QLatin1String(language) == QLatin1String("fr");
        EXPECT_EQ(
            shown(0, ui::LogModel::Summary),
            fr ? "Stimulus I015 (T+00:36:00), PC sécurité du stade → tous les services : portes ouvertes"
               : "Inject I015 (T+00:36:00), PC sécurité du stade → all agencies: portes ouvertes");
        EXPECT_EQ(
            shown(1, ui::LogModel::Summary),
            fr ? "Stimulus I015 (T+00:36:00), PC sécurité du stade → Police municipale : portes ouvertes"
               : "Inject I015 (T+00:36:00), PC sécurité du stade → Municipal police: portes ouvertes");
        EXPECT_EQ(shown(3, ui::LogModel::Summary), "VSAV Louvain 1") << "the room's unit, by its call sign";
        EXPECT_EQ(shown(3, ui::LogModel::Author), fr ? "Marins-pompiers (BMPM)" : "Fire brigade (BMPM)");
        EXPECT_EQ(shown(4, ui::LogModel::Summary),
                  fr ? "Signalement EMSI de Marins-pompiers (BMPM) : Blessé suite à rixe"
                     : "EMSI report from Fire brigade (BMPM): Blessé suite à rixe");
    }
    ASSERT_TRUE(ui::useLanguage(QStringLiteral("fr")));
    // Without a picture (a report, the search), a feed's unit is still said without its feed's prefix.
    EXPECT_EQ(ui::LogModel::summary(position).toStdString(), "VSAV-LOUV-1");
    EXPECT_EQ(ui::senderLabel(QStringLiteral("fr.health.samu130")).toStdString(), "SAMU 130");
    EXPECT_EQ(ui::senderLabel(QStringLiteral("COSSIM – BMPM")).toStdString(), "COSSIM – BMPM");
}

// An EDXL-RM message (OASIS EDXL-RM 1.0, as the UICDS samples of ../shared/data/feeds send them) is a note
// worded by the console: what was asked or committed, for what, and the answer, in the console's language.
TEST(LogWording, AResourceMessageIsWordedNotQuotedInEnglish)
{
    FedRoom fed;
    ASSERT_TRUE(fed.room);
    Room &room = *fed.room;
    SimulatedClock &clock = fed.clock;
    feeds::Ingestor &ingestor = *fed.ingestor;
    feeds::FeedContext context{QStringLiteral("rm.xml"), RoomMode::Live, {}, {}, {}};
    const QByteArray xml =
        "<rm:CommitResource xmlns:rm=\"urn:oasis:names:tc:emergency:EDXL:RM:1.0:msg\" "
        "xmlns:rmsg=\"urn:oasis:names:tc:emergency:EDXL:RM:1.0\"><rm:MessageID>RM-7</rm:MessageID>"
        "<rm:SentDateTime>2026-07-14T21:05:00+02:00</rm:SentDateTime>"
        "<rm:IncidentInformation><rmsg:IncidentDescription>Feu de forêt Luminy</rmsg:IncidentDescription>"
        "</rm:IncidentInformation><rm:ResourceInformation><rm:Resource><rmsg:TypeStructure><rmsg:Value>"
        "CCF</rmsg:Value></rmsg:TypeStructure></rm:Resource><rm:ResponseInformation><rm:ResponseType>Decline"
        "</rm:ResponseType></rm:ResponseInformation></rm:ResourceInformation></rm:CommitResource>";
    auto r = ingestor.ingest(xml, context);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    ASSERT_EQ(r->stored, 1) << r->reasons.join(u'\n').toStdString();
    PictureManager manager(room.store(), clock, room.path());
    ASSERT_TRUE(manager.load());
    ui::LogModel log(manager);
    QString summary;
    for (int row = 0; row < log.rowCount(); ++row)
        if (log.entryAt(row)->kind == kinds::note)
            summary = log.index(row, ui::LogModel::Summary).data().toString();
    EXPECT_EQ(summary,
              QStringLiteral("Engagement de moyens (EDXL-RM) pour Feu de forêt Luminy : CCF, réponse : "
                             "déclinée"));
    EXPECT_FALSE(summary.contains(QStringLiteral("CommitResource")));
}
