// vigie: the console. Parses arguments, opens (or creates) the room, wires the window. No logic here.
#include "ui/detail_panel.h"
#include "ui/events_panel.h"
#include "ui/exercise_panel.h"
#include "ui/feeds_panel.h"
#include "ui/forecast_panel.h"
#include "ui/help_dialogs.h"
#include "ui/incidents_panel.h"
#include "ui/labels.h"
#include "ui/main_window.h"
#include "ui/replay_controls.h"
#include "ui/report_dialog.h"
#include "ui/room_opener.h"
#include "ui/screen_layout.h"
#include "ui/suggestions_panel.h"
#include "ui/ui_texts.h"
#include "ui/wall_layout.h"

#include "maps/basemap_coverage.h"
#include "maps/import_osm_job.h"
#include "maps/layer_panel.h"
#include "maps/map_view.h"
#include "maps/web_mercator.h"

#include "allocation/dispatch_inputs.h"
#include "demo/demo_room.h"
#include "demo/demo_session.h"
#include "exercise/exercise_runner.h"
#include "room/desk_link.h"
#include "room/picture_manager.h"
#include "room/replay_manager.h"
#include "room/room.h"
#include "room/room_writer.h"
#include "routing/road_graph.h"
#include "store/pg_url.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QScreen>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <atomic>
#include <memory>

#include <algorithm>
#include <cstdio>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "vigie: %s\n", qPrintable(message));
    return 1;
}

// The demo's exercise, compiled in (data/scenarios/om_velodrome.yaml).
QByteArray demoScenarioBytes()
{
    QFile file(QStringLiteral(":/vigie/scenarios/om_velodrome.yaml"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool hasDisplay()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty())
        return true;
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

} // namespace

int main(int argc, char *argv[])
{
    // Decide before QApplication exists: without a display Qt would abort with an obscure xcb message.
    // --help and --version print like any command-line tool's, display or not.
    bool wantsScreenshot = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        wantsScreenshot |= arg.startsWith("--screenshot") || arg.startsWith("--texts") || arg == "--help" ||
                           arg == "-h" || arg == "--version" || arg == "-v";
    }
    if (wantsScreenshot && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    else if (!hasDisplay()) {
        std::fprintf(stderr, "vigie: no display found (DISPLAY is not set).\n"
                             "  Run the console under a virtual display:   xvfb-run -a vigie [options]\n"
                             "  or render it to an image:                   vigie --screenshot vigie.png\n");
        return 2;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("vigie"));
    QApplication::setOrganizationName(QStringLiteral("Vigie"));
    QApplication::setApplicationVersion(QStringLiteral(VIGIE_VERSION));

    // The help is written in French, as the console: Qt's own words in it too (« Affiche l'aide… »), until
    // --lang chooses.
    vigie::ui::useLanguage(QStringLiteral("fr"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Vigie — console de coordination de crise"));
    // Qt's own help option reads in English whatever the catalogue (Qt 6.4 does not translate it).
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        QStringLiteral("Afficher cette aide."));
    parser.addOption(helpOption);
    parser.addVersionOption();
    QCommandLineOption roomOption(QStringLiteral("room"),
                                  QStringLiteral("Fichier de salle à ouvrir (défaut : la démo)."),
                                  QStringLiteral("ROOM"));
    QCommandLineOption shotOption(QStringLiteral("screenshot"),
                                  QStringLiteral("Rend la fenêtre dans une image PNG puis quitte."),
                                  QStringLiteral("FILE"));
    QCommandLineOption sizeOption(QStringLiteral("size"),
                                  QStringLiteral("Taille de la fenêtre, p. ex. 1920x1080."),
                                  QStringLiteral("WxH"), QStringLiteral("1600x900"));
    QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Langue de l'interface (fr, en)."),
                                  QStringLiteral("LANG"), QStringLiteral("fr"));
    QCommandLineOption sharedOption(
        QStringLiteral("shared-screen"),
        QStringLiteral("Écran partagé lu à 2 m : la carte plein écran, le bandeau, les dernières entrées ; "
                       "Ctrl+N et Ctrl+D écrivent encore."));
    QCommandLineOption wallOption(QStringLiteral("wall"),
                                  QStringLiteral("Mur d'images lu à 5 m : comme l'écran partagé, en lecture "
                                                 "seule (aucune action n'écrit)."));
    QCommandLineOption rotateOption(
        QStringLiteral("rotate"),
        QStringLiteral("Écran partagé et mur : passe d'une vue à l'autre (la ville, l'intervention la plus "
                       "grave, les hôpitaux) toutes les SECONDES (défaut : 0, pas de rotation)."),
        QStringLiteral("SECONDES"), QStringLiteral("0"));
    QCommandLineOption inchesOption(
        QStringLiteral("screen-inches"),
        QStringLiteral("Écran partagé et mur : diagonale de l'écran en pouces (défaut : 55)."),
        QStringLiteral("POUCES"), QStringLiteral("55"));
    QCommandLineOption distanceOption(
        QStringLiteral("distance"),
        QStringLiteral(
            "Écran partagé et mur : distance de lecture en mètres (défaut : 2, et 5 pour le mur)."),
        QStringLiteral("METRES"));
    QCommandLineOption basemapOption(
        QStringLiteral("basemap"),
        QStringLiteral("Fond de carte MBTiles (défaut : basemap.mbtiles du dossier "
                       "de données, sinon le fond simplifié)."),
        QStringLiteral("FILE"));
    QCommandLineOption layersOption(
        QStringLiteral("layers"),
        QStringLiteral("Couches affichées au démarrage, séparées par des virgules (zones, hospitals, "
                       "sensors, cameras, officials, police, samu, fire, incidents ; défaut : toutes)."),
        QStringLiteral("LIST"));
    QCommandLineOption centerOption(QStringLiteral("center"),
                                    QStringLiteral("Centre et zoom de la carte : lon,lat,zoom."),
                                    QStringLiteral("LON,LAT,Z"));
    QCommandLineOption roadsOption(
        QStringLiteral("roads"),
        QStringLiteral("Réseau routier pour les ETA (dossier de roads.bin écrit par vigie-cli import-osm ; "
                       "défaut : le dossier de données s'il en contient un, sinon ETA en ligne droite)."),
        QStringLiteral("DIR"));
    QCommandLineOption proposeOption(QStringLiteral("propose"),
                                     QStringLiteral("Calcule des propositions d'affectation au démarrage."));
    QCommandLineOption dockOption(QStringLiteral("dock"),
                                  QStringLiteral("Panneau à mettre au premier plan au démarrage (log, feeds, "
                                                 "suggestions, units, incidents, events, forecast)."),
                                  QStringLiteral("NOM"));
    QCommandLineOption deskOption(
        QStringLiteral("desk"),
        QStringLiteral(
            "Nom de ce poste dans une salle partagée et auteur de ses entrées (défaut : l'utilisateur)."),
        QStringLiteral("NOM"));
    QCommandLineOption agencyOption(QStringLiteral("agency"),
                                    QStringLiteral("Service de ce poste : fire, samu, police, officials."),
                                    QStringLiteral("SERVICE"));
    QCommandLineOption replicaOption(
        QStringLiteral("replica"),
        QStringLiteral(
            "Copie locale d'une salle partagée, pour travailler hors ligne (défaut : dans le dossier "
            "de données)."),
        QStringLiteral("FICHIER"));
    QCommandLineOption textsOption(
        QStringLiteral("texts"),
        QStringLiteral(
            "Écrit dans FILE chaque texte de l'interface (menus, panneaux, dialogues), un par ligne "
            "après l'objet qui le montre, puis quitte : la vérification des traductions."),
        QStringLiteral("FILE"));
    QCommandLineOption selectOption(
        QStringLiteral("select-incident"),
        QStringLiteral("Intervention à sélectionner au démarrage (la carte se centre dessus, le dock Détail "
                       "la montre)."),
        QStringLiteral("ID"));
    QCommandLineOption replayOption(
        QStringLiteral("replay-at"),
        QStringLiteral("Ouvre la console en relecture, la salle telle qu'elle était à cette heure "
                       "(ISO 8601, p. ex. 2026-07-14T22:13:00+02:00)."),
        QStringLiteral("ISO"));
    parser.addOptions({textsOption,   roomOption,   shotOption,   sizeOption,    langOption,
                       sharedOption,  wallOption,   rotateOption, inchesOption,  distanceOption,
                       basemapOption, layersOption, centerOption, roadsOption,   proposeOption,
                       dockOption,    deskOption,   agencyOption, replicaOption, selectOption});
    parser.addOption(replayOption);
    QCommandLineOption scenarioOption(
        QStringLiteral("scenario"),
        QStringLiteral("Anime cet exercice (scénario YAML, docs/scenarios.md) dans la salle d'exercice : "
                       "horloge, stimuli et actions attendues dans le panneau « Animation de l'exercice »."),
        QStringLiteral("FICHIER"));
    QCommandLineOption responsesOption(
        QStringLiteral("responses"),
        QStringLiteral("Avec --scenario : joue aussi les réponses écrites dans le scénario (répétition)."));
    QCommandLineOption demoLogOption(
        QStringLiteral("demo-log"),
        QStringLiteral("Sans --room : la démo du 14 juillet écrite d'avance, au lieu de l'exercice joué."));
    parser.addOptions({scenarioOption, responsesOption, demoLogOption});
    parser.process(app);
    if (parser.isSet(helpOption))
        parser.showHelp(0);

    if (!vigie::ui::useLanguage(parser.value(langOption)))
        std::fprintf(stderr,
                     "vigie: la console ne parle pas « %s » ; elle reste en français (langues : fr, en)\n",
                     qPrintable(parser.value(langOption)));

    vigie::SystemClock clock;
    QString roomPath = parser.value(roomOption);
    // An exercise to animate: a scenario given, or the demo's (the OM match at the Vélodrome, played with its
    // scripted responses so that a newcomer sees a cell at work).
    std::optional<vigie::exercise::Scenario> scenario;
    bool demoExercise = false;
    if (parser.isSet(scenarioOption)) {
        const vigie::exercise::ScenarioCheck check =
            vigie::exercise::checkScenarioFile(parser.value(scenarioOption));
        if (!check.scenario) {
            QStringList problems;
            for (const auto &p : check.problems)
                problems << p.toString();
            return fail(problems.join(QLatin1Char('\n')));
        }
        scenario = check.scenario;
    } else if (roomPath.isEmpty() && !parser.isSet(demoLogOption)) {
        auto loaded = vigie::exercise::loadScenario(demoScenarioBytes(), QStringLiteral("om_velodrome.yaml"));
        if (!loaded)
            return fail(loaded.error().message);
        scenario = std::move(*loaded);
        demoExercise = true;
    }
    // Without --room, the embedded demo, written afresh into a folder of this session's that goes with it:
    // what is written in the demo is not kept (the window says so), every start is the same.
    std::unique_ptr<vigie::DemoSession> demo;
    if (roomPath.isEmpty()) {
        auto started = demoExercise ? vigie::DemoSession::startExercise(
                                          clock, QStringLiteral("Démo Marseille — exercice au Vélodrome"))
                                    : vigie::DemoSession::start(clock);
        if (!started)
            return fail(started.error().message);
        demo = std::move(*started);
        roomPath = demo->path();
    } else if (!parser.isSet(shotOption) && !parser.isSet(textsOption))
        vigie::ui::rememberRoom(roomPath); // Salle › Salles récentes
    std::unique_ptr<vigie::Room> room;     // closed before the demo's folder goes
    if (parser.isSet(deskOption))
        vigie::ui::setDeskAuthor(parser.value(deskOption).trimmed());
    const QString agency = parser.value(agencyOption).trimmed();
    if (!agency.isEmpty() && agency != QLatin1String("fire") && agency != QLatin1String("samu") &&
        agency != QLatin1String("police") && agency != QLatin1String("officials"))
        return fail(QStringLiteral("--agency \"%1\": expected fire, samu, police or officials").arg(agency));
    vigie::ui::setDeskAgency(agency);
    // Not animating it here, a desk of an exercise room keeps the exercise's time from the trainer's moves in
    // the log (on the wall clock's until one is seen: always so in a live room). A shared room's desk stamps
    // its entries with it too (its link prepares them).
    vigie::exercise::FollowedExerciseClock followedClock(clock);
    // A shared room: this desk reads its local replica and writes through its link (queue, then server), so
    // it keeps working when the network does not.
    std::unique_ptr<vigie::DeskLink> link;
    if (vigie::isPgUrl(roomPath)) {
        vigie::DeskLinkOptions o;
        o.url = roomPath;
        o.replicaPath = parser.value(replicaOption);
        o.desk = vigie::ui::deskAuthor();
        o.agency = parser.value(agencyOption);
        o.snapshots = vigie::SnapshotKeeping::ByCaller; // the picture manager's fold writes them
        auto started = vigie::DeskLink::start(o, followedClock, [](qint64 done, qint64) {
            std::fprintf(stderr, "vigie: copie de la salle : %lld entrées\r", static_cast<long long>(done));
        });
        if (!started)
            return fail(started.error().message);
        link = std::move(*started);
        roomPath = link->replicaPath();
    }
    // An exercise's room records its entries at exercise time: its clock starts where the scenario was
    // started in this room before (a restart), else at the scenario's start.
    std::unique_ptr<vigie::exercise::ExerciseClock> exerciseClock;
    if (scenario) {
        // The wall writes nothing: it may show the demo's exercise (a fresh copy, played by its own player
        // below, outside the wall's window), never animate an exercise in a room of the user's.
        if (link || (parser.isSet(wallOption) && !demoExercise))
            return fail(
                QStringLiteral("--scenario: an exercise is animated from a desk on a room file; for a "
                               "shared room use vigie-cli exercise run URL SCENARIO"));
        auto probe = vigie::Room::open(roomPath, clock);
        if (!probe)
            return fail(probe.error().message);
        if ((*probe)->info().mode != vigie::RoomMode::Exercise)
            return fail(QStringLiteral("--scenario: %1 is a live room; an exercise is played only in an "
                                       "exercise room (vigie-cli init ROOM --exercise)")
                            .arg(roomPath));
        auto recorded = vigie::exercise::ExercisePlayer::recordedStart((*probe)->store(), scenario->id);
        if (!recorded)
            return fail(recorded.error().message);
        exerciseClock =
            std::make_unique<vigie::exercise::ExerciseClock>(clock, recorded->value_or(scenario->start));
    }
    const vigie::Clock &roomClock = exerciseClock ? static_cast<const vigie::Clock &>(*exerciseClock)
                                                  : static_cast<const vigie::Clock &>(followedClock);
    auto opened = vigie::Room::open(roomPath, roomClock);
    if (!opened)
        return fail(opened.error().message);
    room = std::move(*opened);
    if (!exerciseClock && room->info().mode == vigie::RoomMode::Exercise) {
        vigie::EntryQuery moves;
        moves.kind = QString(vigie::exercise::clockKind);
        if (auto read = room->store().read(moves,
                                           [&followedClock](const vigie::Entry &e) {
                                               followedClock.follow(e);
                                               return true;
                                           });
            !read)
            return fail(read.error().message);
    }

    // Desk actions are written by a thread of their own with its own connection: never on the GUI thread.
    // The wall writes nothing: its window gets no writer at all, so no action of its can append. On the
    // default demo the wall still shows a cell at work: the demo is a fresh copy of this session's
    // (DemoSession), and the exercise's player writes the scenario into it on the writer's thread, as a
    // trainer at another desk would; the wall only reads what the player wrote.
    const bool wall = parser.isSet(wallOption);
    std::unique_ptr<vigie::RoomWriter> roomWriter;
    vigie::PictureManager manager(room->store(), roomClock, roomPath);
    if (!exerciseClock && room->info().mode == vigie::RoomMode::Exercise)
        QObject::connect(&manager, &vigie::PictureManager::entriesAppended, &manager,
                         [&followedClock](const std::vector<vigie::Entry> &entries) {
                             for (const vigie::Entry &e : entries)
                                 followedClock.follow(e);
                         });
    if (link && !wall) {
        manager.setWriter(link.get());
    } else if (!link && (!wall || scenario)) {
        auto writer = vigie::RoomWriter::start(roomPath, roomClock);
        if (!writer)
            return fail(writer.error().message);
        roomWriter = std::move(*writer);
        if (!wall)
            manager.setWriter(roomWriter.get());
    }
    manager.setDeskAuthor(vigie::ui::deskAuthor()); // it reports the conflicts its own entries lose
    if (auto r = manager.load(); !r)
        return fail(r.error().message);
    // The exercise's player runs on the room writer's thread (declared before the window: it goes after it).
    std::unique_ptr<vigie::exercise::ExerciseRunner> exerciseRunner;
    if (scenario) {
        vigie::exercise::PlayerOptions options;
        options.author = QObject::tr("Animation de l'exercice");
        options.playResponses = demoExercise || parser.isSet(responsesOption);
        exerciseRunner = std::make_unique<vigie::exercise::ExerciseRunner>(*roomWriter, *exerciseClock,
                                                                           *scenario, options);
        QObject::connect(exerciseRunner.get(), &vigie::exercise::ExerciseRunner::changed, &manager,
                         [&manager](qint64 appended) {
                             if (appended > 0)
                                 manager.poll(); // the stimuli on the map now, not at the next poll
                         });
        // The demo opens on a cell already at work: its first forty minutes played at once, then ×1. Played
        // before any window is built, so that every view (desk, shared screen, wall, --texts) starts at
        // T+40 and --select-incident finds the incidents opened by then.
        if (demoExercise) {
            exerciseRunner->start(40 * 60 * 1000);
            exerciseRunner->settle();
            manager.poll();
        }
    }

    auto *map = new vigie::maps::MapView(&manager);
    QString basemap = parser.value(basemapOption);
    if (basemap.isEmpty()) {
        const QString fallback = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                                 QStringLiteral("/basemap.mbtiles");
        if (QFileInfo::exists(fallback))
            basemap = fallback;
    }
    QString basemapWarning;
    if (!basemap.isEmpty()) {
        auto tiles = vigie::maps::MbTiles::open(basemap);
        if (!tiles)
            return fail(tiles.error().message);
        // A basemap kept from an earlier import may not cover the room (Monaco in the Marseille room): said
        // at start as well as on the map.
        basemapWarning = vigie::maps::coverageWarning(**tiles, vigie::maps::roomArea());
        map->setBasemap(std::move(*tiles));
    }
    if (parser.isSet(layersOption)) {
        for (int i = 0; i < vigie::maps::layerCount; ++i)
            map->setLayerVisible(vigie::maps::Layer(i), false);
        for (const QString &id : parser.value(layersOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const auto layer = vigie::maps::layerFromId(id.trimmed());
            if (!layer)
                return fail(
                    QStringLiteral(
                        "--layers: unknown layer \"%1\" (use zones, hospitals, sensors, cameras, officials, "
                        "police, samu, fire, incidents)")
                        .arg(id));
            map->setLayerVisible(*layer, true);
        }
    }
    if (parser.isSet(centerOption)) {
        const QStringList c = parser.value(centerOption).split(QLatin1Char(','));
        bool okLon = false, okLat = false, okZoom = false;
        const double lon = c.value(0).toDouble(&okLon), lat = c.value(1).toDouble(&okLat),
                     zoom = c.value(2).toDouble(&okZoom);
        if (c.size() != 3 || !okLon || !okLat || !okZoom)
            return fail(QStringLiteral("--center \"%1\" is not lon,lat,zoom such as 5.37,43.30,14")
                            .arg(parser.value(centerOption)));
        map->setCenter({lon, lat}, zoom);
    }
    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
    const QSize wanted = size.size() == 2 && size[0].toInt() > 0 && size[1].toInt() > 0
                             ? QSize(size[0].toInt(), size[1].toInt())
                             : QSize();

    // `--texts`: every word shown, one a line after the widget that shows it (tests/ui/test_words.cpp).
    auto writeTexts = [&parser, &textsOption](const std::vector<vigie::ui::UiText> &texts) {
        QFile out(parser.value(textsOption));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(QStringLiteral("cannot write the texts to %1").arg(out.fileName()));
        for (const vigie::ui::UiText &t : texts)
            out.write(QString(t.where + QLatin1Char('\t') +
                              QString(t.text).replace(QLatin1Char('\n'), QLatin1Char(' ')) +
                              QLatin1Char('\n'))
                          .toUtf8());
        return 0;
    };

    // The shared screen and the wall: the map fills the screen, no dock, no menu.
    if (wall || parser.isSet(sharedOption)) {
        vigie::ui::WallLayout::Options o;
        o.mode = wall ? vigie::ui::WallLayout::Mode::Wall : vigie::ui::WallLayout::Mode::SharedScreen;
        o.rotateSeconds = parser.value(rotateOption).toInt();
        o.startWithCity = !parser.isSet(centerOption);
        o.diagonalInches = parser.value(inchesOption).toDouble();
        o.distanceMetres = parser.value(distanceOption).toDouble();
        if (o.diagonalInches <= 0)
            return fail(QStringLiteral("--screen-inches \"%1\": expected a diagonal in inches such as 55")
                            .arg(parser.value(inchesOption)));
        vigie::ui::WallLayout screen(manager, map, o);
        screen.setWindowTitle(QStringLiteral("Vigie — %1").arg(manager.info().name));
        if (parser.isSet(textsOption)) {
            screen.resize(wanted.isValid() ? wanted : QSize(1920, 1080));
            screen.show();
            QApplication::processEvents();
            return writeTexts(vigie::ui::widgetTexts(&screen));
        }
        if (parser.isSet(shotOption)) {
            screen.resize(wanted.isValid() ? wanted : QSize(1920, 1080));
            screen.show();
            QApplication::processEvents();
            const QString file = parser.value(shotOption);
            if (!screen.grab().save(file))
                return fail(QStringLiteral("cannot write the screenshot to %1").arg(file));
            std::printf("%s\n", qPrintable(file));
            return 0;
        }
        if (wanted.isValid()) {
            screen.resize(wanted);
            screen.show();
        } else {
            screen.showFullScreen();
        }
        manager.startWatching();
        return QApplication::exec();
    }

    vigie::ui::MainWindow window(manager);
    if (demo)
        window.markDemo();
    window.setCentralView(map);
    QObject::connect(window.forecastPanel(), &vigie::ui::ForecastPanel::expectedCellsChanged, map,
                     &vigie::maps::MapView::setExpectedCells);
    auto *mapMenu = window.menuBar()->addMenu(QObject::tr("&Carte"));
    mapMenu->addAction(QObject::tr("&Importer une carte OSM…"), map, [map, &window] {
        vigie::maps::importOsmInteractively(
            &window, *map,
            QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                QStringLiteral("/basemap.mbtiles"));
    });
    mapMenu->addAction(QObject::tr("&Recentrer sur Marseille"), QKeySequence(Qt::Key_Home), map,
                       &vigie::maps::MapView::recentre);
    // Rapports: RETEX and point de situation (PDF), before the help menu.
    vigie::ui::addReportsMenu(&window, manager, basemap);
    vigie::ui::addHelpMenu(&window); // last: after the map's menu
    auto *layersDock = window.addPanel(QStringLiteral("LayersDock"), QObject::tr("Couches"),
                                       new vigie::maps::LayerPanel(*map), Qt::RightDockWidgetArea,
                                       QKeySequence(Qt::CTRL | Qt::Key_L));
    // The layers behind the units' tab (Ctrl+L brings them): stacked with the units and the detail, they
    // left the units' list four rows of a hundred and more units on a 1080-line screen.
    if (auto *units = window.findChild<QDockWidget *>(QStringLiteral("UnitsDock"))) {
        window.tabifyDockWidget(units, layersDock);
        units->raise();
    }
    vigie::ui::attachDetailDock(window, manager, *map);

    // Suggestions: by road when a network was imported, else by straight line (the panel says which).
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QString roadsDir = parser.value(roadsOption);
    if (roadsDir.isEmpty() && QFileInfo::exists(dataDir + QStringLiteral("/roads.bin")))
        roadsDir = dataDir;
    std::unique_ptr<vigie::routing::RoadGraph> graph;
    if (!roadsDir.isEmpty()) {
        auto built = vigie::allocation::loadRoadGraph(roadsDir);
        if (!built)
            return fail(built.error().message);
        graph = std::move(*built);
    }
    vigie::ui::SuggestionsPanel::Context context;
    context.graph = graph.get();
    auto needs = vigie::allocation::defaultNeedsTable();
    if (!needs)
        return fail(needs.error().message);
    context.needs = std::move(*needs);
    context.sectors = vigie::allocation::fireStationSectors();
    auto *suggestions = new vigie::ui::SuggestionsPanel(manager, std::move(context));
    QObject::connect(suggestions, &vigie::ui::SuggestionsPanel::routesChanged, map,
                     [map](const std::vector<vigie::ui::SuggestedRoute> &routes) {
                         std::vector<vigie::maps::MapRoute> lines;
                         for (const auto &r : routes) {
                             vigie::maps::MapRoute line{{}, r.agency, r.byRoad, r.decided};
                             for (const vigie::GeoPoint &g : r.polyline)
                                 line.world.push_back(vigie::maps::project(g, 0));
                             lines.push_back(std::move(line));
                         }
                         map->setRoutes(std::move(lines));
                     });
    // Below the map, beside the log: a suggestion needs room for its columns and alternatives. The feeds'
    // health shares the log's place, one tab away.
    window.addPanel(QStringLiteral("SuggestionsDock"), QObject::tr("Propositions"), suggestions,
                    Qt::BottomDockWidgetArea, QKeySequence(Qt::CTRL | Qt::Key_4));
    auto *feedsDock =
        window.addPanel(QStringLiteral("FeedsDock"), QObject::tr("Flux"), new vigie::ui::FeedsPanel(manager),
                        Qt::BottomDockWidgetArea, QKeySequence(Qt::CTRL | Qt::Key_5));
    // The calendar of planned events and its clashes, one tab beside the log (its width suits the list).
    auto *events =
        new vigie::ui::EventsPanel(manager, room->anonymiser(), graph ? &graph->network() : nullptr);
    QObject::connect(
        events, &vigie::ui::EventsPanel::shapesChanged, map,
        [map](const std::vector<vigie::maps::MapPlannedEvent> &shapes) { map->setPlannedEvents(shapes); });
    QObject::connect(events, &vigie::ui::EventsPanel::placeChosen, map,
                     [map](vigie::GeoPoint where) { map->showPlace(where, 14); });
    auto *eventsDock = window.addPanel(QStringLiteral("EventsDock"), QObject::tr("Événements prévus"), events,
                                       Qt::BottomDockWidgetArea, QKeySequence(Qt::CTRL | Qt::Key_6));
    if (auto *logDock = window.findChild<QDockWidget *>(QStringLiteral("LogDock")))
        window.tabifyDockWidget(logDock, eventsDock);
    QMenu *anticipationMenu = window.anticipationMenu();
    anticipationMenu->addSeparator();
    auto *importEvents =
        anticipationMenu->addAction(QObject::tr("&Importer des événements…"), events, [events, eventsDock] {
            eventsDock->show();
            eventsDock->raise();
            events->importInteractively();
        });
    anticipationMenu->addAction(QObject::tr("&Calendrier et conflits"), eventsDock, [eventsDock] {
        eventsDock->show();
        eventsDock->raise();
    });
    if (auto *logDock = window.findChild<QDockWidget *>(QStringLiteral("LogDock"))) {
        window.tabifyDockWidget(logDock, feedsDock);
        logDock->raise();
    }
    // The trainer's panel, a tab beside the log, in front: in an exercise it is what the trainer watches.
    if (exerciseRunner) {
        auto *panel = new vigie::ui::ExercisePanel(*exerciseRunner);
        QObject::connect(panel, &vigie::ui::ExercisePanel::said, &window, [&window](const QString &message) {
            window.statusBar()->showMessage(message, 10000);
        });
        auto *exerciseDock =
            window.addPanel(QStringLiteral("ExerciseDock"), QObject::tr("Animation de l'exercice"), panel,
                            Qt::BottomDockWidgetArea, QKeySequence(Qt::CTRL | Qt::Key_8));
        if (auto *logDock = window.findChild<QDockWidget *>(QStringLiteral("LogDock")))
            window.tabifyDockWidget(logDock, exerciseDock);
        exerciseDock->raise();
    }
    // A shared room's desk: its banner and presence list follow the link, and the picture folds as soon as
    // the link says the replica grew (live push) rather than at the next poll.
    auto deskAlive = std::make_shared<bool>(true); // false once the window goes: late news are dropped
    struct DeskGuard
    {
        std::shared_ptr<bool> alive;
        vigie::DeskLink *link;
        ~DeskGuard()
        {
            *alive = false;
            if (link)
                link->setObserver({});
        }
    } deskGuard{deskAlive, link.get()};
    if (link) {
        window.attachDesk(vigie::ui::deskAuthor());
        // The room's desks share the units' and layers' place, a tab away (Ctrl+7); the units'
        // list stays in front.
        auto *presence = window.findChild<QDockWidget *>(QStringLiteral("PresenceDock"));
        if (presence) {
            window.tabifyDockWidget(layersDock, presence);
            if (auto *units = window.findChild<QDockWidget *>(QStringLiteral("UnitsDock")))
                units->raise();
        }
        // The replica went back to its server's chain (the server had lost commits): the log's end shown here
        // may be gone, so the picture is folded again before anything new is.
        auto rewinds = std::make_shared<qint64>(link->status().rewinds);
        auto follow = [&manager, &window, &room, rewinds, l = link.get()] {
            if (const vigie::DeskStatus s = l->status(); s.rewinds != *rewinds) {
                *rewinds = s.rewinds;
                auto reloaded = room->reloadHead();
                if (reloaded)
                    reloaded = manager.reload();
                if (!reloaded)
                    qWarning().noquote() << reloaded.error().message;
                window.statusBar()->showMessage(
                    QObject::tr(
                        "Le serveur avait perdu les dernières entrées de la salle (bascule sur un "
                        "serveur de secours) : %n entrée(s) renvoyée(s) par ce poste, rien n'est perdu.",
                        nullptr, int(s.lastRewindResent)),
                    30000);
            }
            manager.poll();
            manager.setPending(l->pending());
            window.showDeskStatus(l->status());
        };
        follow();
        auto queued = std::make_shared<std::atomic<bool>>(false); // one refresh queued at a time
        link->setObserver([follow, queued, deskAlive] {
            if (queued->exchange(true))
                return;
            QMetaObject::invokeMethod(
                qApp,
                [follow, queued, deskAlive] {
                    *queued = false;
                    if (*deskAlive)
                        follow();
                },
                Qt::QueuedConnection);
        });
    }
    // Replay (Affichage › Relecture, Ctrl+R): the timeline under the map; the events import writes too.
    vigie::ReplayManager replay(manager);
    auto *replayControls = new vigie::ui::ReplayControls(window, replay);
    replayControls->addWritingAction(importEvents);
    if (parser.isSet(replayOption)) {
        const QDateTime at = QDateTime::fromString(parser.value(replayOption), Qt::ISODate);
        if (!at.isValid())
            return fail(QStringLiteral("--replay-at \"%1\": expected an ISO 8601 time")
                            .arg(parser.value(replayOption)));
        replay.enter(vigie::Timestamp::fromDateTime(at));
        // The span and the first picture come from workers: wait for both, so a screenshot shows them.
        QEventLoop wait;
        QObject::connect(&replay, &vigie::ReplayManager::errorOccurred, &wait, &QEventLoop::quit);
        auto ready = [&replay, &wait] {
            if (!replay.activity().counts.empty() && !replay.busy())
                wait.quit();
        };
        QObject::connect(&replay, &vigie::ReplayManager::frameShown, &wait, ready);
        QObject::connect(&replay, &vigie::ReplayManager::activityChanged, &wait, [&replay, &at, &wait] {
            if (replay.activity().counts.empty())
                wait.quit(); // an empty log: nothing more will come
            else
                replay.seek(vigie::Timestamp::fromDateTime(at)); // within the span, now known
        });
        wait.exec();
        QEventLoop settle; // and the map's batched refresh (at most every 33 ms) after it
        QTimer::singleShot(60, &settle, &QEventLoop::quit);
        settle.exec();
    }
    QDockWidget *frontDock = nullptr; // raised again once shown: a tab shown late comes up behind
    if (parser.isSet(dockOption)) {
        const QString wanted = parser.value(dockOption).toLower() + QStringLiteral("dock");
        const auto docks = window.findChildren<QDockWidget *>();
        const auto dock = std::find_if(docks.begin(), docks.end(),
                                       [&](QDockWidget *d) { return d->objectName().toLower() == wanted; });
        if (dock == docks.end())
            return fail(QStringLiteral(
                            "no panel \"%1\" (log, feeds, suggestions, units, incidents, presence, events, "
                            "forecast, exercise)")
                            .arg(parser.value(dockOption)));
        (*dock)->raise();
        frontDock = *dock;
        if (wanted == QLatin1String("forecastdock"))
            window.showForecast();
    }

    // Sized for the screen it opens on, and its docks laid out for that size (compact on a laptop).
    if (wanted.isValid())
        window.resize(wanted);
    else if (const QScreen *screen = QGuiApplication::primaryScreen())
        window.resize(window.size().boundedTo(screen->availableGeometry().size()));
    vigie::ui::applyScreenLayout(window, vigie::ui::screenLayoutFor(window.size()));
    if (!basemapWarning.isEmpty())
        window.statusBar()->showMessage(basemapWarning, 30000);
    if (parser.isSet(selectOption) && !window.incidentsPanel()->selectIncident(parser.value(selectOption)))
        return fail(
            QStringLiteral("--select-incident: no open incident \"%1\"").arg(parser.value(selectOption)));

    if (parser.isSet(textsOption)) {
        window.show();
        QApplication::processEvents();
        return writeTexts(vigie::ui::consoleTexts(&window, manager.picture()));
    }
    if (parser.isSet(shotOption)) {
        window.show();
        if (exerciseRunner && exerciseRunner->pending() > 0) { // a step of the exercise under way
            exerciseRunner->settle();
            manager.poll();
            QEventLoop settle; // the map's batched refresh (at most every 33 ms)
            QTimer::singleShot(60, &settle, &QEventLoop::quit);
            settle.exec();
        }
        if (parser.isSet(proposeOption)) {
            QEventLoop wait;
            QObject::connect(suggestions, &vigie::ui::SuggestionsPanel::proposalFinished, &wait,
                             &QEventLoop::quit);
            suggestions->propose();
            wait.exec();
        }
        if (events->checking()) { // the clashes drawn on the map and listed, not "Recherche…"
            QEventLoop wait;
            QObject::connect(events, &vigie::ui::EventsPanel::clashesChecked, &wait, &QEventLoop::quit);
            wait.exec();
        }
        if (window.forecastPanel()->busy()) {
            QEventLoop wait;
            QObject::connect(window.forecastPanel(), &vigie::ui::ForecastPanel::computed, &wait,
                             &QEventLoop::quit);
            wait.exec();
        }
        if (frontDock)
            frontDock->raise();
        QApplication::processEvents();
        // Docks laid out at show time may have grown the window past the size asked for; the layout for that
        // size is already applied, so it fits once asked again.
        if (wanted.isValid() && window.size() != wanted) {
            window.resize(wanted);
            QApplication::processEvents();
        }
        const QString file = parser.value(shotOption);
        if (!window.grab().save(file))
            return fail(QStringLiteral("cannot write the screenshot to %1").arg(file));
        std::printf("%s\n", qPrintable(file));
        return 0;
    }
    window.show();
    if (frontDock)
        frontDock->raise();
    manager.startWatching();
    if (parser.isSet(proposeOption))
        suggestions->propose();
    return QApplication::exec();
}
