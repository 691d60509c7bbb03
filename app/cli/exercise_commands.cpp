// exercise: check a scenario, play it into an exercise room on the exercise clock, and say what a room holds.
#include "cli/cli.h"

#include "exercise/exercise_player.h"

#include <QThread>

#include <cstdio>
#include <map>

namespace vigie::cli {

namespace {

const QString usage = QStringLiteral(
    "usage: vigie-cli exercise check SCENARIO.yaml\n"
    "       vigie-cli exercise run ROOM SCENARIO.yaml [--speed N] [--responses] [--start ISO|now]\n"
    "       vigie-cli exercise status ROOM");

void printProblems(const std::vector<exercise::ScenarioProblem> &problems)
{
    for (const exercise::ScenarioProblem &p : problems)
        std::fprintf(stderr, "%s\n", qPrintable(p.toString()));
    std::fprintf(stderr, "vigie-cli: %zu problème(s) ; scénario refusé (format : docs/scenarios.md)\n",
                 problems.size());
}

int runCheck(const QStringList &args)
{
    if (args.size() != 2)
        return fail(QStringLiteral("expected a scenario file\n") + usage);
    const exercise::ScenarioCheck check = exercise::checkScenarioFile(args[1]);
    if (!check.scenario) {
        printProblems(check.problems);
        return 2;
    }
    const exercise::Scenario &s = *check.scenario;
    std::size_t actions = 0, contingencies = 0;
    for (const exercise::Inject &i : s.injects) {
        actions += i.expect.size();
        contingencies += i.contingency ? 1 : 0;
    }
    std::printf("%s : « %s », %zu injects (dont %zu de secours), %zu actions attendues, %zu réponses "
                "scriptées, durée %s\n",
                qPrintable(s.id), qPrintable(s.title), s.injects.size(), contingencies, actions,
                s.responses.size(), qPrintable(exercise::formatT(s.durationMs).mid(2)));
    return 0;
}

/// One line per exercise entry: what a trainer follows in a terminal.
void printEntry(const Entry &e)
{
    const QJsonObject d = e.data;
    if (e.kind == exercise::injectKind) {
        QString line = QStringLiteral("%1 inject %2 → %3 (%4) : %5")
                           .arg(exercise::formatT(qint64(d.value(u"t_ms").toDouble())),
                                d.value(u"inject").toString(), d.value(u"recipient").toString(),
                                d.value(u"channel").toString(), d.value(u"summary").toString());
        if (d.contains(u"contingency_for"))
            line += QStringLiteral(" [secours de %1]").arg(d.value(u"contingency_for").toString());
        if (d.value(u"ad_hoc").toBool())
            line += QStringLiteral(" [hors scénario]");
        std::printf("%s\n", qPrintable(line));
    } else if (e.kind == exercise::checkKind) {
        QString line = QStringLiteral("check %1 (%2) %3, échéance %4")
                           .arg(d.value(u"action").toString(), d.value(u"inject").toString(),
                                d.value(u"status").toString(),
                                exercise::formatT(qint64(d.value(u"deadline_ms").toDouble())));
        if (d.contains(u"entry"))
            line += QStringLiteral(", par l'entrée %1").arg(d.value(u"entry").toString());
        std::printf("%s\n", qPrintable(line));
    }
    std::fflush(stdout);
}

int runPlay(QCommandLineParser &parser, const QStringList &args, const QCommandLineOption &speedOption,
            const QCommandLineOption &responsesOption, const QCommandLineOption &startOption)
{
    if (args.size() != 3)
        return fail(QStringLiteral("expected a room and a scenario file\n") + usage);
    const QString path = args[1];
    exercise::ScenarioCheck check = exercise::checkScenarioFile(args[2]);
    if (!check.scenario) {
        printProblems(check.problems);
        return 2;
    }
    exercise::Scenario scenario = std::move(*check.scenario);
    bool ok = true;
    const int speed = parser.isSet(speedOption) ? parser.value(speedOption).toInt(&ok) : 1;
    if (!ok || speed < exercise::ExerciseClock::minSpeed || speed > exercise::ExerciseClock::maxSpeed)
        return fail(QStringLiteral("--speed %1: a whole number from 1 to 60").arg(parser.value(speedOption)));
    if (parser.isSet(startOption)) {
        const QString value = parser.value(startOption);
        if (value == u"now") {
            scenario.start = clock().now();
            scenario.startOffsetSecs = QDateTime::currentDateTime().offsetFromUtc();
        } else {
            auto t = parseTimeOption(QStringLiteral("start"), value);
            if (!t)
                return 1;
            scenario.start = *t;
            scenario.startOffsetSecs = QDateTime::fromString(value, Qt::ISODate).offsetFromUtc();
        }
    }
    // First on the wall clock: is it an exercise room, and was this scenario started in it already?
    {
        auto room = Room::open(path, clock());
        if (!room)
            return fail(room.error().message);
        if ((*room)->info().mode != RoomMode::Exercise) {
            std::fprintf(stderr,
                         "vigie-cli: %s is a live room: an exercise is never played into it (create one "
                         "with `vigie-cli init ROOM --exercise`)\n",
                         qPrintable(path));
            return 3; // as append and ingest when input is refused
        }
        auto recorded = exercise::ExercisePlayer::recordedStart((*room)->store(), scenario.id);
        if (!recorded)
            return fail(recorded.error().message);
        if (*recorded && **recorded != scenario.start) {
            std::fprintf(stderr, "vigie-cli: %s was started in this room with T+0 at %s: resumed on it\n",
                         qPrintable(scenario.id), qPrintable((*recorded)->toIso()));
            scenario.start = **recorded;
        }
    }
    exercise::ExerciseClock exerciseClock(clock(), scenario.start);
    auto room = Room::open(path, exerciseClock);
    if (!room)
        return fail(room.error().message);
    exercise::PlayerOptions options;
    options.playResponses = parser.isSet(responsesOption);
    auto created = exercise::ExercisePlayer::create(**room, scenario, exerciseClock, options);
    if (!created)
        return fail(created.error().message);
    exercise::ExercisePlayer &player = **created;
    if (player.finished())
        return fail(QStringLiteral("%1 is over in %2 already (see `vigie-cli exercise status %2`)")
                        .arg(scenario.id, path));
    if (auto r = exerciseClock.setSpeed(speed); !r)
        return fail(r.error().message);
    catchTermination();
    const bool restart = player.started();
    auto started = player.start();
    if (!started)
        return fail(started.error().message);
    std::printf("%s %s dans %s, vitesse ×%d, T+0 = %s\n", restart ? "reprise de" : "exercice",
                qPrintable(scenario.id), qPrintable(path), speed,
                qPrintable(exercise::isoWithOffset(scenario.start, scenario.startOffsetSecs)));
    std::fflush(stdout);
    if (restart) {
        // Reached already: a speed other than the one recorded is the trainer's new choice.
        auto s = player.setSpeed(speed);
        if (!s)
            return fail(s.error().message);
    }
    while (!player.finished()) {
        if (terminationRequested()) {
            auto paused = player.pause();
            if (!paused)
                return fail(paused.error().message);
            for (const Entry &e : *paused)
                printEntry(e);
            std::printf(
                "interrompu à %s : ce qui est joué est enregistré ; la même commande reprend l'exercice\n",
                qPrintable(exercise::formatT(exerciseClock.elapsedMs())));
            return 0;
        }
        auto stepped = player.step();
        if (!stepped)
            return fail(stepped.error().message);
        for (const Entry &e : *stepped)
            printEntry(e);
        if (player.finished())
            break;
        // Sleeps until the next thing due, at most a quarter of a second: trainees' entries from other
        // processes are read at that pace, and a signal is heard as fast.
        const qint64 due = player.nextDueMs().value_or(exerciseClock.elapsedMs());
        const qint64 wallMs = (due - exerciseClock.elapsedMs()) / speed;
        QThread::msleep(ulong(std::clamp<qint64>(wallMs, 1, 250)));
    }
    int done = 0, late = 0, missed = 0;
    for (const exercise::InjectStatus &i : player.injects())
        for (const exercise::ActionStatus &a : i.actions) {
            done += a.state == exercise::ActionState::Done;
            late += a.state == exercise::ActionState::Late;
            missed += a.state == exercise::ActionState::Missed;
        }
    std::printf("fin de %s à %s : %d action(s) faite(s), %d en retard, %d manquée(s)\n",
                qPrintable(scenario.id), qPrintable(exercise::formatT(exerciseClock.elapsedMs())), done, late,
                missed);
    return 0;
}

int runStatus(const QStringList &args)
{
    if (args.size() != 2)
        return fail(QStringLiteral("expected a room\n") + usage);
    auto room = Room::open(args[1], clock());
    if (!room)
        return fail(room.error().message);
    EntryQuery q;
    q.kinds = {QString(exercise::clockKind), QString(exercise::injectKind), QString(exercise::checkKind)};
    std::map<QString, std::map<QString, QString>> lastCheck; // scenario → action → status
    qint64 count = 0;
    auto r = (*room)->store().read(q, [&](const Entry &e) {
        ++count;
        const QJsonObject d = e.data;
        if (e.kind == exercise::clockKind) {
            std::printf("%s %s horloge %s (×%d)\n", qPrintable(d.value(u"scenario").toString()),
                        qPrintable(exercise::formatT(qint64(d.value(u"exercise_ms").toDouble()))),
                        qPrintable(d.value(u"action").toString()), d.value(u"speed").toInt());
            return true;
        }
        std::printf("%s ", qPrintable(d.value(u"scenario").toString()));
        printEntry(e);
        if (e.kind == exercise::checkKind)
            lastCheck[d.value(u"scenario").toString()][d.value(u"action").toString()] =
                d.value(u"status").toString();
        return true;
    });
    if (!r)
        return fail(r.error().message);
    if (count == 0) {
        std::printf("%s : aucun exercice joué\n", qPrintable(args[1]));
        return 0;
    }
    for (const auto &[scenario, actions] : lastCheck) {
        std::map<QString, int> by;
        for (const auto &[action, status] : actions)
            ++by[status];
        std::printf("%s : %d faite(s), %d en retard, %d manquée(s)\n", qPrintable(scenario),
                    by[QStringLiteral("done")], by[QStringLiteral("late")], by[QStringLiteral("missed")]);
    }
    return 0;
}

} // namespace

int runExercise(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Exercises: check a scenario (docs/scenarios.md), play it into an exercise room on the "
        "exercise clock, and list the injects and checks a room holds."));
    parser.addPositionalArgument(QStringLiteral("ACTION"), QStringLiteral("check, run or status"));
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   QStringLiteral("exercise time runs N times faster than real time (1–60)"),
                                   QStringLiteral("N"));
    const QCommandLineOption responses(
        QStringLiteral("responses"),
        QStringLiteral("also play the scenario's scripted trainee responses (rehearsals, tests)"));
    const QCommandLineOption start(
        QStringLiteral("start"),
        QStringLiteral("the room's event time at T+0 (default: the scenario's start)"),
        QStringLiteral("ISO|now"));
    parser.addOption(speed);
    parser.addOption(responses);
    parser.addOption(start);
    int code = 0;
    if (!parseOptions(parser, arguments, usage, &code))
        return code;
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return fail(usage);
    if (args[0] == u"check")
        return runCheck(args);
    if (args[0] == u"run")
        return runPlay(parser, args, speed, responses, start);
    if (args[0] == u"status")
        return runStatus(args);
    return fail(QStringLiteral("unknown action \"%1\"\n%2").arg(args[0], usage));
}

} // namespace vigie::cli
