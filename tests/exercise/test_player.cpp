// The player on a small scenario (tests/data/exercise/small.yaml), driven by a simulated wall clock: injects
// played in order with their content through the feed path, checks done / missed / late, contingencies, the
// quarantine for a broken document, a restart without duplicates, a live room refused.
#include "exercise/exercise_entries_p.h"
#include "exercise/exercise_player.h"

#include <QJsonArray>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <map>

using namespace vigie;
using namespace vigie::exercise;

namespace {

Scenario smallScenario()
{
    auto s = loadScenario(QStringLiteral(VIGIE_SOURCE_DIR "/tests/data/exercise/small.yaml"));
    if (!s)
        throw std::runtime_error(s.error().message.toStdString());
    return std::move(*s);
}

/// A room on an exercise clock whose wall clock the test moves.
struct Rig
{
    QTemporaryDir dir;
    SimulatedClock wall{Timestamp{1'800'000'000'000}};
    Scenario scenario;
    std::unique_ptr<ExerciseClock> clock;
    std::unique_ptr<Room> room;
    std::unique_ptr<ExercisePlayer> player;

    explicit Rig(Scenario s, bool responses = true, RoomMode mode = RoomMode::Exercise)
        : scenario(std::move(s))
    {
        clock = std::make_unique<ExerciseClock>(wall, scenario.start);
        auto created = Room::create(path(), QStringLiteral("exercice"), mode, *clock);
        if (!created)
            throw std::runtime_error(created.error().message.toStdString());
        room = std::move(*created);
        if (mode == RoomMode::Exercise)
            makePlayer(responses);
    }
    [[nodiscard]] QString path() const { return dir.filePath(QStringLiteral("room.vigie")); }
    void makePlayer(bool responses)
    {
        PlayerOptions options;
        options.playResponses = responses;
        auto p = ExercisePlayer::create(*room, scenario, *clock, options);
        if (!p)
            throw std::runtime_error(p.error().message.toStdString());
        player = std::move(*p);
    }
    /// Steps from one due time to the next until `untilMs` (or the end).
    void runTo(qint64 untilMs)
    {
        for (int guard = 0; guard < 1000 && !player->finished(); ++guard) {
            const qint64 next = std::min(player->nextDueMs().value_or(untilMs), untilMs);
            const qint64 now = clock->elapsedMs();
            if (next > now)
                wall.advance(next - now);
            auto r = player->step();
            ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
            if (clock->elapsedMs() >= untilMs)
                return;
        }
    }
    [[nodiscard]] std::vector<Entry> entries(const QString &kind) const
    {
        EntryQuery q;
        q.kind = kind;
        return *room->store().read(q);
    }
    [[nodiscard]] std::map<QString, QString> checks() const
    {
        std::map<QString, QString> out; // action → last status
        for (const Entry &e : entries(QStringLiteral("exercise.check")))
            out[e.data.value(u"action").toString()] = e.data.value(u"status").toString();
        return out;
    }
    [[nodiscard]] QStringList injectsPlayed() const
    {
        QStringList out;
        for (const Entry &e : entries(QStringLiteral("exercise.inject")))
            out << e.data.value(u"inject").toString();
        return out;
    }
};

ActionStatus actionOf(const ExercisePlayer &p, const QString &id)
{
    for (const InjectStatus &i : p.injects())
        for (const ActionStatus &a : i.actions)
            if (a.id == id)
                return a;
    throw std::runtime_error("no action");
}

} // namespace

// A desk that reads the room (another console, a shared room's desk) keeps the trainer's time: each move
// says when it was made, and a clock fed the room's moves gives what the trainer's clock gives.
TEST(ExercisePlayer, ADeskFollowingTheMovesKeepsTheTrainersTime)
{
    Rig rig(smallScenario());
    FollowedExerciseClock desk(rig.wall);
    auto follow = [&] {
        for (const Entry &e : rig.entries(QStringLiteral("exercise.clock")))
            desk.follow(e);
    };
    ASSERT_TRUE(rig.player->start().ok());
    follow();
    rig.wall.advance(90'000);
    EXPECT_EQ(desk.now(), rig.clock->now());
    ASSERT_TRUE(rig.player->setSpeed(10).ok());
    follow();
    rig.wall.advance(6000);
    EXPECT_EQ(desk.now(), rig.clock->now());
    ASSERT_TRUE(rig.player->pause().ok());
    follow();
    rig.wall.advance(600'000);
    EXPECT_EQ(desk.now(), rig.clock->now());
    EXPECT_EQ(desk.now().msecs, rig.scenario.start.msecs + 150'000);
    for (const Entry &e : rig.entries(QStringLiteral("exercise.clock")))
        EXPECT_TRUE(e.data.value(u"wall_ms").isDouble()) << e.data.value(u"action").toString().toStdString();
}

TEST(ExercisePlayer, ResponsesDoEveryActionAndContentTakesTheFeedPath)
{
    Rig rig(smallScenario());
    auto started = rig.player->start();
    ASSERT_TRUE(started.ok()) << started.error().message.toStdString();
    // The clock entry, the Marseille fleet at its stations, the initial zone, all at T+0.
    ASSERT_GT(started->size(), 50u);
    EXPECT_EQ(started->front().kind, QStringLiteral("exercise.clock"));
    EXPECT_EQ(started->front().data.value(u"action").toString(), QStringLiteral("start"));
    for (const Entry &e : *started)
        EXPECT_EQ(e.recordTime, rig.scenario.start);
    rig.runTo(rig.scenario.durationMs);
    ASSERT_TRUE(rig.player->finished());

    EXPECT_EQ(rig.injectsPlayed(),
              (QStringList{"I001", "I002", "I003", "I004", "I005", "I006", "I007", "I010", "I008", "I009"}));
    const auto checks = rig.checks();
    EXPECT_EQ(checks,
              (std::map<QString, QString>{
                  {"A001", "done"}, {"A002", "done"}, {"A003", "done"}, {"A004", "done"}, {"A005", "done"}}));
    // Each check names the entry that did it, and that entry is the trainee's response.
    for (const Entry &c : rig.entries(QStringLiteral("exercise.check"))) {
        EntryQuery q;
        bool found = false;
        (void)rig.room->store().read(q, [&](const Entry &e) {
            if (e.id == QUuid(c.data.value(u"entry").toString()))
                found = !e.kind.startsWith(u"exercise.");
            return true;
        });
        EXPECT_TRUE(found) << c.data.value(u"action").toString().toStdString();
    }
    // The text inject carries its text, its position and its ${T+…} replaced in the scenario's offset.
    const auto injects = rig.entries(QStringLiteral("exercise.inject"));
    const Entry &i1 = injects.front();
    EXPECT_EQ(i1.data.value(u"t_ms").toInteger(), 120000);
    EXPECT_EQ(i1.recordTime.msecs, rig.scenario.start.msecs + 120000);
    EXPECT_TRUE(i1.data.value(u"text").toString().contains(u"Rappel à 2026-10-25T20:37:00+01:00"));
    // The summary reads the message as one sentence, its wrapped lines joined.
    EXPECT_TRUE(i1.data.value(u"summary")
                    .toString()
                    .startsWith(QStringLiteral(
                        "Bousculade à la sortie du virage Ganay, plusieurs personnes au sol. Rappel à")))
        << i1.data.value(u"summary").toString().toStdString();
    EXPECT_EQ(i1.geo.type, Geometry::Type::Point);
    const QJsonArray expected = i1.data.value(u"expected").toArray();
    ASSERT_EQ(expected.size(), 1);
    EXPECT_EQ(expected[0].toObject().value(u"deadline_ms").toInteger(), 720000);
    // The CAP's ${T} became its play time; its alert went through the feed path into an incident.
    EXPECT_EQ(injects[1].data.value(u"summary").toString(),
              QStringLiteral("Feu de broussailles au col de la Gineste"));
    bool capIncident = false, emsiIncident = false;
    for (const Entry &e : rig.entries(QStringLiteral("incident.open"))) {
        const QString source = e.data.value(u"feed_source").toString();
        if (source == u"exercice:test-small/I002") {
            capIncident = true;
            EXPECT_EQ(e.eventTime.msecs, rig.scenario.start.msecs + 5 * 60000); // <sent>${T}</sent>
        }
        emsiIncident = emsiIncident || source == u"exercice:test-small/I003";
    }
    EXPECT_TRUE(capIncident);
    EXPECT_TRUE(emsiIncident);
    // The EDXL-HAVE report, recognised from its envelope, updates the hospital.
    const auto hospitals = rig.entries(QStringLiteral("hospital.status"));
    EXPECT_TRUE(std::any_of(hospitals.begin(), hospitals.end(), [](const Entry &e) {
        return e.data.value(u"feed_source").toString() == u"exercice:test-small/I010";
    }));
    // The broken CAP went to the quarantine under its inject's name; the rest played on.
    auto quarantined = rig.room->store().quarantined();
    ASSERT_TRUE(quarantined.ok());
    ASSERT_FALSE(quarantined->empty());
    for (const QuarantineItem &q : *quarantined)
        EXPECT_EQ(q.source.toStdString(), "exercice:test-small/I004") << q.reason.toStdString();
    // The end.
    const auto clockEntries = rig.entries(QStringLiteral("exercise.clock"));
    EXPECT_EQ(clockEntries.back().data.value(u"action").toString(), QStringLiteral("end"));
    EXPECT_EQ(clockEntries.back().data.value(u"exercise_ms").toInteger(), 3600000);
    // Record times never go back.
    qint64 last = 0;
    (void)rig.room->store().read({}, [&](const Entry &e) {
        EXPECT_GE(e.recordTime.msecs, last) << e.seq;
        last = e.recordTime.msecs;
        return true;
    });
    EXPECT_TRUE(rig.room->verify()->intact());
    // The panel's view.
    const ActionStatus a1 = actionOf(*rig.player, QStringLiteral("A001"));
    EXPECT_EQ(a1.state, ActionState::Done);
    EXPECT_TRUE(a1.entrySummary.contains(u"Bousculade virage Ganay")) << a1.entrySummary.toStdString();
    for (const InjectStatus &i : rig.player->injects())
        EXPECT_EQ(i.state, i.contingency ? InjectState::ContingencyUnused : InjectState::Played)
            << i.id.toStdString();
}

TEST(ExercisePlayer, MissedActionPlaysItsContingencyAndALateMatchIsLate)
{
    Scenario s = smallScenario();
    // No response for A001 (incident.open by the SAMU); the CCF for A002 comes 20 minutes late.
    s.responses.erase(s.responses.begin());
    s.responses[0].atMs = 40 * 60000;
    Rig rig(std::move(s));
    ASSERT_TRUE(rig.player->start().ok());
    rig.runTo(rig.scenario.durationMs);
    ASSERT_TRUE(rig.player->finished());
    const QStringList played = rig.injectsPlayed();
    EXPECT_TRUE(played.contains(u"I001C"));
    EXPECT_TRUE(played.contains(u"I002C"));
    EXPECT_EQ(played.count(u"I001C"), 1);
    // The contingency comes right after the missed check, at the deadline, and says which action it is for.
    for (const Entry &e : rig.entries(QStringLiteral("exercise.inject")))
        if (e.data.value(u"inject").toString() == u"I001C") {
            EXPECT_EQ(e.data.value(u"contingency_for").toString(), QStringLiteral("A001"));
            EXPECT_EQ(e.data.value(u"t_ms").toInteger(), 12 * 60000);
        }
    std::vector<QString> a2;
    for (const Entry &e : rig.entries(QStringLiteral("exercise.check")))
        if (e.data.value(u"action").toString() == u"A002")
            a2.push_back(e.data.value(u"status").toString());
    EXPECT_EQ(a2, (std::vector<QString>{"missed", "late"}));
    const auto checks = rig.checks();
    EXPECT_EQ(checks.at("A001"), QStringLiteral("missed"));
    EXPECT_EQ(checks.at("A002"), QStringLiteral("late"));
    EXPECT_EQ(checks.at("A003"), QStringLiteral("done"));
    EXPECT_EQ(actionOf(*rig.player, QStringLiteral("A001")).state, ActionState::Missed);
    EXPECT_EQ(actionOf(*rig.player, QStringLiteral("A002")).state, ActionState::Late);
}

TEST(ExercisePlayer, TraineeEntryFromAnotherProcessCounts)
{
    Rig rig(smallScenario(), false);
    ASSERT_TRUE(rig.player->start().ok());
    rig.runTo(3 * 60000);
    // A desk on the same room (another connection, same exercise clock) opens the incident.
    auto desk = Room::open(rig.path(), *rig.clock);
    ASSERT_TRUE(desk.ok());
    Entry e;
    e.kind = QStringLiteral("incident.open");
    e.author = QStringLiteral("SAMU 13 – régulation");
    e.agency = QStringLiteral("samu");
    e.eventTime = rig.clock->now();
    e.data = QJsonObject{{QStringLiteral("incident"), QStringLiteral("INC-D1")}};
    ASSERT_TRUE((*desk)->append({e}).ok());
    rig.runTo(rig.scenario.durationMs);
    const auto checks = rig.checks();
    EXPECT_EQ(checks.at("A001"), QStringLiteral("done"));
    // Nothing else was done: every other action of a played inject is missed at its deadline.
    EXPECT_EQ(checks.at("A004"), QStringLiteral("missed"));
    EXPECT_EQ(checks.at("A005"), QStringLiteral("missed"));
}

TEST(ExercisePlayer, RestartResumesWithoutDuplicates)
{
    Rig rig(smallScenario());
    ASSERT_TRUE(rig.player->start().ok());
    rig.runTo(16 * 60000);
    const QStringList before = rig.injectsPlayed();
    ASSERT_EQ(before, (QStringList{"I001", "I002", "I003", "I004", "I005"}));
    const qint64 seqBefore = rig.room->store().lastSeq();
    // The process stops: a new clock, room and player on the same file.
    rig.player.reset();
    rig.room.reset();
    auto reopened = Room::open(rig.path(), rig.wall);
    ASSERT_TRUE(reopened.ok());
    auto start = ExercisePlayer::recordedStart((*reopened)->store(), rig.scenario.id);
    reopened->reset();
    ASSERT_TRUE(start.ok());
    ASSERT_EQ(*start, rig.scenario.start);
    rig.wall.advance(3600'000); // an hour of wall time later
    rig.clock = std::make_unique<ExerciseClock>(rig.wall, **start);
    rig.room = std::move(*Room::open(rig.path(), *rig.clock));
    rig.makePlayer(true);
    EXPECT_TRUE(rig.player->started());
    // T resumes where the log stops: I005 played at T+15, nothing written since.
    EXPECT_EQ(rig.clock->elapsedMs(), 15 * 60000);
    auto resumed = rig.player->start();
    ASSERT_TRUE(resumed.ok());
    ASSERT_EQ(resumed->size(), 1u);
    EXPECT_EQ(resumed->front().data.value(u"action").toString(), QStringLiteral("resume"));
    // A step right away plays nothing again.
    auto step = rig.player->step();
    ASSERT_TRUE(step.ok());
    EXPECT_EQ(rig.injectsPlayed(), before);
    EXPECT_LE(rig.room->store().lastSeq(), seqBefore + 1 + qint64(step->size()));
    rig.runTo(rig.scenario.durationMs);
    const QStringList after = rig.injectsPlayed();
    EXPECT_EQ(after,
              (QStringList{"I001", "I002", "I003", "I004", "I005", "I006", "I007", "I010", "I008", "I009"}));
    std::map<QString, int> checkCount;
    for (const Entry &e : rig.entries(QStringLiteral("exercise.check")))
        ++checkCount[e.data.value(u"action").toString() + u'/' + e.data.value(u"status").toString()];
    for (const auto &[key, n] : checkCount)
        EXPECT_EQ(n, 1) << key.toStdString();
    for (const char *a : {"A001", "A002", "A003", "A004", "A005"})
        EXPECT_EQ(checkCount[QString::fromLatin1(a) + QStringLiteral("/done")], 1) << a;
    // A finished exercise does not start again.
    rig.player.reset();
    rig.makePlayer(true);
    EXPECT_TRUE(rig.player->finished());
    EXPECT_FALSE(rig.player->start().ok());
}

TEST(ExercisePlayer, ContentLeftOutByAStoppedRunGoesInOnceAtRestart)
{
    Rig rig(smallScenario(), false);
    ASSERT_TRUE(rig.player->start().ok());
    rig.runTo(9 * 60000);
    rig.player.reset();
    // The run stopped after I003's entry was committed, before its content was: that entry alone is stored.
    rig.wall.advance(60'000);
    Entry played = exerciseDraft(QLatin1String("exercise.inject"), QStringLiteral("vigie-cli exercise run"),
                                 rig.clock->now());
    played.id =
        fixedEntryId(rig.room->info().id, QStringLiteral("test-small"), QStringLiteral("inject/I003"));
    played.data = QJsonObject{{QStringLiteral("scenario"), QStringLiteral("test-small")},
                              {QStringLiteral("inject"), QStringLiteral("I003")},
                              {QStringLiteral("t_ms"), rig.clock->elapsedMs()},
                              {QStringLiteral("sender"), QStringLiteral("SAMU 13")},
                              {QStringLiteral("recipient"), QStringLiteral("samu")},
                              {QStringLiteral("channel"), QStringLiteral("emsi")},
                              {QStringLiteral("format"), QStringLiteral("emsi")},
                              {QStringLiteral("summary"), QStringLiteral("Collision sur l'A50")},
                              {QStringLiteral("ad_hoc"), false},
                              {QStringLiteral("expected"), QJsonArray{}}};
    ASSERT_TRUE(rig.room->append({played}).ok());
    // Sent again (the retry of a run that did not hear back): the store recognises its id.
    const qint64 seq = rig.room->store().lastSeq();
    ASSERT_TRUE(rig.room->append({played}).ok());
    EXPECT_EQ(rig.room->store().lastSeq(), seq);
    rig.makePlayer(false);
    ASSERT_TRUE(rig.player->start().ok());
    ASSERT_TRUE(rig.player->step().ok());
    auto fromI003 = [&] {
        int n = 0;
        for (const Entry &e : rig.entries(QStringLiteral("incident.open")))
            n += e.data.value(u"feed_source").toString() == u"exercice:test-small/I003";
        return n;
    };
    EXPECT_EQ(fromI003(), 1);
    rig.runTo(rig.scenario.durationMs);
    EXPECT_EQ(fromI003(), 1);
    EXPECT_EQ(rig.injectsPlayed().count(u"I003"), 1);
    // And a restart where every content is in already ingests nothing again.
    const qint64 before = rig.room->store().lastSeq();
    rig.player.reset();
    rig.makePlayer(false);
    EXPECT_TRUE(rig.player->finished());
    EXPECT_EQ(rig.room->store().lastSeq(), before);
}

TEST(ExercisePlayer, JumpPauseSpeedAndAdHoc)
{
    Rig rig(smallScenario(), false);
    ASSERT_TRUE(rig.player->start().ok());
    auto paused = rig.player->pause();
    ASSERT_TRUE(paused.ok());
    rig.wall.advance(3600'000);
    EXPECT_EQ(rig.clock->elapsedMs(), 0);
    ASSERT_TRUE(rig.player->resume().ok());
    ASSERT_TRUE(rig.player->setSpeed(10).ok());
    EXPECT_FALSE(rig.player->setSpeed(100).ok());
    rig.wall.advance(30'000); // 5 minutes of exercise
    auto stepped = rig.player->step();
    ASSERT_TRUE(stepped.ok());
    EXPECT_EQ(rig.injectsPlayed(), (QStringList{"I001", "I002"}));
    // I001 was played late, at the step (T+5): its deadline is T+15, which the jump passes.
    EXPECT_EQ(*actionOf(*rig.player, QStringLiteral("A001")).deadlineMs, 15 * 60000);
    auto jumped = rig.player->jumpTo(16 * 60000);
    ASSERT_TRUE(jumped.ok()) << jumped.error().message.toStdString();
    // Missed, and its contingency played.
    EXPECT_EQ(rig.checks().at("A001"), QStringLiteral("missed"));
    EXPECT_TRUE(rig.injectsPlayed().contains(u"I001C"));
    EXPECT_FALSE(rig.player->jumpTo(60000).ok());
    AdHocInject adHoc;
    adHoc.from = QStringLiteral("Animateur");
    adHoc.to = QStringLiteral("police");
    adHoc.content = QStringLiteral("Un témoin signale un colis suspect à ${T}.");
    auto fired = rig.player->fireAdHoc(adHoc);
    ASSERT_TRUE(fired.ok()) << fired.error().message.toStdString();
    ASSERT_FALSE(fired->empty());
    const Entry &e = fired->front();
    EXPECT_EQ(e.kind, QStringLiteral("exercise.inject"));
    EXPECT_TRUE(e.data.value(u"ad_hoc").toBool());
    EXPECT_EQ(e.data.value(u"inject").toString(), QStringLiteral("AH001"));
    EXPECT_TRUE(e.data.value(u"text").toString().contains(u"+01:00"));
    const auto clocks = rig.entries(QStringLiteral("exercise.clock"));
    QStringList actions;
    for (const Entry &c : clocks)
        actions << c.data.value(u"action").toString();
    EXPECT_EQ(actions, (QStringList{"start", "pause", "resume", "speed", "jump"}));
    auto finished = rig.player->finish();
    ASSERT_TRUE(finished.ok());
    EXPECT_TRUE(rig.player->finished());
    // Every action of a played inject that was not done is missed at the end; I006's was never expected.
    const auto checks = rig.checks();
    EXPECT_EQ(checks.at("A002"), QStringLiteral("missed"));
    EXPECT_EQ(checks.count("A005"), 0u);
    EXPECT_EQ(actionOf(*rig.player, QStringLiteral("A005")).state, ActionState::Waiting);
}

// A jump far ahead plays what falls due on the way at its own time, in order: the log says when each stimulus
// was due, deadlines are measured from there, and scripted responses meet them as they would have at ×1.
TEST(ExercisePlayer, AJumpPlaysWhatIsDueOnTheWayAtItsOwnTime)
{
    Rig rig(smallScenario());
    ASSERT_TRUE(rig.player->start().ok());
    auto jumped = rig.player->jumpTo(40 * 60000);
    ASSERT_TRUE(jumped.ok()) << jumped.error().message.toStdString();
    EXPECT_EQ(rig.clock->elapsedMs(), 40 * 60000);
    const auto injects = rig.entries(QStringLiteral("exercise.inject"));
    ASSERT_GE(injects.size(), 7u);
    for (const Entry &e : injects)
        EXPECT_EQ(e.recordTime.msecs - rig.scenario.start.msecs, e.data.value(u"t_ms").toInteger())
            << e.data.value(u"inject").toString().toStdString();
    for (const InjectStatus &i : rig.player->injects()) {
        if (i.state == InjectState::Played && i.atMs) {
            EXPECT_EQ(*i.playedMs, *i.atMs) << i.id.toStdString();
        }
    }
    // Every action due before T+40 done in time by its response; nothing late, no contingency.
    for (const auto &[action, status] : rig.checks())
        EXPECT_EQ(status, QStringLiteral("done")) << action.toStdString();
    EXPECT_FALSE(rig.injectsPlayed().contains(u"I001C"));
    // The jump itself is recorded last, at its target.
    const auto clocks = rig.entries(QStringLiteral("exercise.clock"));
    EXPECT_EQ(clocks.back().data.value(u"action").toString(), QStringLiteral("jump"));
    EXPECT_EQ(clocks.back().data.value(u"exercise_ms").toInteger(), 40 * 60000);
}

TEST(ExercisePlayer, LiveRoomIsRefused)
{
    Rig rig(smallScenario(), false, RoomMode::Live);
    auto p = ExercisePlayer::create(*rig.room, rig.scenario, *rig.clock);
    ASSERT_FALSE(p.ok());
    EXPECT_TRUE(p.error().message.contains(u"live")) << p.error().message.toStdString();
    // And the room itself refuses exercise entries.
    Entry e;
    e.kind = QStringLiteral("exercise.clock");
    e.author = QStringLiteral("x");
    e.eventTime = rig.clock->now();
    e.data = QJsonObject{{QStringLiteral("scenario"), QStringLiteral("s")},
                         {QStringLiteral("action"), QStringLiteral("start")},
                         {QStringLiteral("speed"), 1},
                         {QStringLiteral("exercise_ms"), 0}};
    auto appended = rig.room->append({e});
    ASSERT_FALSE(appended.ok());
    EXPECT_TRUE(appended.error().message.contains(u"exercise rooms"));
}

TEST(ExercisePlayer, ExerciseEntriesAreValidated)
{
    Entry e;
    e.kind = QStringLiteral("exercise.check");
    e.author = QStringLiteral("x");
    e.data = QJsonObject{{QStringLiteral("scenario"), QStringLiteral("s")},
                         {QStringLiteral("inject"), QStringLiteral("I1")},
                         {QStringLiteral("action"), QStringLiteral("A1")},
                         {QStringLiteral("status"), QStringLiteral("done")},
                         {QStringLiteral("deadline_ms"), 1000}};
    EXPECT_FALSE(validateDraft(e).ok()); // done without the entry that did it
    e.data.insert(QStringLiteral("entry"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    EXPECT_TRUE(validateDraft(e).ok());
    e.data.insert(QStringLiteral("status"), QStringLiteral("maybe"));
    EXPECT_FALSE(validateDraft(e).ok());
    e.kind = QStringLiteral("exercise.clock");
    e.data = QJsonObject{{QStringLiteral("scenario"), QStringLiteral("s")},
                         {QStringLiteral("action"), QStringLiteral("start")},
                         {QStringLiteral("speed"), 61},
                         {QStringLiteral("exercise_ms"), 0}};
    EXPECT_FALSE(validateDraft(e).ok());
    e.kind = QStringLiteral("exercise.inject");
    e.data = QJsonObject{{QStringLiteral("scenario"), QStringLiteral("s")},
                         {QStringLiteral("inject"), QStringLiteral("I1")}};
    EXPECT_FALSE(validateDraft(e).ok());
}

// The trainer's panel names each stimulus in one line, read from the document even when it does not parse.
TEST(ExerciseEntries, EachFormatGetsAReadableSummary)
{
    EXPECT_EQ(injectSummary(QStringLiteral("cap"),
                            QStringLiteral("<alert><info><headline>Vigilance rouge</headline>")),
              QStringLiteral("Vigilance rouge"));
    EXPECT_EQ(injectSummary(
                  QStringLiteral("hubsante"),
                  QStringLiteral(R"({"whatsHappen": {"code": "C02.01.01", "label": "Malaise – arrêt"},)"
                                 R"( "detailedAddress": {"complete": "Orange Vélodrome, tribune Ganay"}})")),
              QStringLiteral("Malaise – arrêt — Orange Vélodrome, tribune Ganay"));
    EXPECT_EQ(injectSummary(QStringLiteral("hubsante"),
                            QStringLiteral(R"({"geoPositionsUpdate": {"position": []}})")),
              QStringLiteral("Positions des moyens (Hub Santé)"));
    EXPECT_EQ(injectSummary(QStringLiteral("text"), QStringLiteral("Un message coupé\nà la ligne.")),
              QStringLiteral("Un message coupé à la ligne."));
}
