#include "exercise/exercise_player.h"

#include "demo/demo_room.h"
#include "exercise/exercise_entries_p.h"
#include "exercise/exercise_state_p.h"
#include "feeds/feed_adapters.h"
#include "feeds/ingestor.h"
#include "model/agency.h"

#include <QJsonArray>

#include <algorithm>

namespace vigie::exercise {

QString actionStateId(ActionState state)
{
    switch (state) {
    case ActionState::Waiting:
        return QStringLiteral("waiting");
    case ActionState::Pending:
        return QStringLiteral("pending");
    case ActionState::Done:
        return QStringLiteral("done");
    case ActionState::Late:
        return QStringLiteral("late");
    case ActionState::Missed:
        return QStringLiteral("missed");
    }
    return {};
}

void ExercisePlayer::State::apply(const Entry &e)
{
    if (!e.kind.startsWith(QLatin1String("exercise.")) ||
        e.data.value(QLatin1String("scenario")).toString() != scenario.id)
        return;
    const qint64 t = tOfRecord(e);
    if (t >= 0)
        resumeT = std::max(resumeT.value_or(0), t);
    if (e.kind == clockKind) {
        const QString action = e.data.value(QLatin1String("action")).toString();
        started = started || action == u"start";
        finished = finished || action == u"end";
        lastClockAction = action;
        speed = std::clamp(e.data.value(QLatin1String("speed")).toInt(1), ExerciseClock::minSpeed,
                           ExerciseClock::maxSpeed);
        resumeT =
            std::max(resumeT.value_or(0), qint64(e.data.value(QLatin1String("exercise_ms")).toDouble()));
    } else if (e.kind == injectKind) {
        const QString id = e.data.value(QLatin1String("inject")).toString();
        InjectRun *run = inject(id);
        if (!run && e.data.value(QLatin1String("ad_hoc")).toBool()) {
            InjectRun adHoc;
            adHoc.adHoc = true;
            adHoc.spec.id = id;
            adHoc.spec.from = e.data.value(QLatin1String("sender")).toString();
            adHoc.spec.to = e.data.value(QLatin1String("recipient")).toString();
            adHoc.spec.channel = e.data.value(QLatin1String("channel")).toString();
            adHoc.spec.format = e.data.value(QLatin1String("format")).toString();
            injects.push_back(std::move(adHoc));
            run = &injects.back();
        }
        if (!run || run->played)
            return;
        run->played = true;
        run->playedAt = e.eventTime;
        // A text inject is its entry; an ad hoc one's content is not in the log (nothing to ingest again).
        run->contentSeen = run->contentSeen || run->spec.content.isEmpty() ||
                           e.data.value(QLatin1String("format")).toString() == u"text";
        run->playedMs = qint64(e.data.value(QLatin1String("t_ms")).toDouble());
        run->entry = e.id;
        run->seq = e.seq;
        run->summary = e.data.value(QLatin1String("summary")).toString();
        run->contingencyFor = e.data.value(QLatin1String("contingency_for")).toString();
        for (const QJsonValue &v : e.data.value(QLatin1String("expected")).toArray()) {
            ActionRun *a = action(v.toObject().value(QLatin1String("action")).toString());
            if (!a || a->state != ActionState::Waiting)
                continue;
            a->state = ActionState::Pending;
            a->deadlineMs = qint64(v.toObject().value(QLatin1String("deadline_ms")).toDouble());
            a->injectSeq = e.seq;
        }
    } else if (e.kind == checkKind) {
        ActionRun *a = action(e.data.value(QLatin1String("action")).toString());
        if (!a)
            return;
        const QString status = e.data.value(QLatin1String("status")).toString();
        if (status == u"missed") {
            if (a->state == ActionState::Waiting || a->state == ActionState::Pending)
                a->state = ActionState::Missed;
        } else if (status == u"done" || status == u"late") {
            a->state = status == u"done" ? ActionState::Done : ActionState::Late;
            a->entry = QUuid(e.data.value(QLatin1String("entry")).toString());
            a->lateCandidate.reset();
        }
        if (a->deadlineMs == std::nullopt)
            a->deadlineMs = qint64(e.data.value(QLatin1String("deadline_ms")).toDouble());
    }
}

ExercisePlayer::ExercisePlayer(Room &room, ExerciseClock &clock, PlayerOptions options,
                               std::unique_ptr<State> state)
    : m_room(room), m_clock(clock), m_options(std::move(options)), m_state(std::move(state))
{}

ExercisePlayer::~ExercisePlayer() = default;

Result<std::optional<Timestamp>> ExercisePlayer::recordedStart(const LogStore &store,
                                                               const QString &scenarioId)
{
    EntryQuery q;
    q.kind = QString(clockKind);
    std::optional<Timestamp> start;
    auto r = store.read(q, [&](const Entry &e) {
        if (!start && e.data.value(QLatin1String("scenario")).toString() == scenarioId &&
            e.data.value(QLatin1String("action")).toString() == u"start")
            start =
                Timestamp{e.eventTime.msecs - qint64(e.data.value(QLatin1String("exercise_ms")).toDouble())};
        return true;
    });
    if (!r)
        return r.error();
    return start;
}

Result<std::unique_ptr<ExercisePlayer>> ExercisePlayer::create(Room &room, Scenario scenario,
                                                               ExerciseClock &clock, PlayerOptions options)
{
    if (room.info().mode != RoomMode::Exercise)
        return Error{
            QStringLiteral("%1 est une salle réelle (live) : un exercice ne s'y joue jamais. Créer une "
                           "salle d'exercice : vigie-cli init SALLE --exercise")
                .arg(room.path())};
    if (&room.clock() != &clock)
        return Error{
            QStringLiteral("%1 : la salle doit être ouverte avec l'horloge d'exercice, pour que ses heures "
                           "d'enregistrement la suivent")
                .arg(room.path())};
    if (clock.scenarioStart() != scenario.start)
        return Error{QStringLiteral("l'horloge d'exercice ne part pas du début du scénario %1 (%2)")
                         .arg(scenario.id, scenario.start.toIso())};
    auto state = std::make_unique<State>();
    state->scenario = std::move(scenario);
    for (const Inject &i : state->scenario.injects) {
        State::InjectRun run;
        run.spec = i;
        state->injects.push_back(run);
        for (const ExpectedAction &a : i.expect) {
            State::ActionRun action;
            action.spec = a;
            action.inject = i.id;
            state->actions.push_back(std::move(action));
        }
    }
    for (const ScriptedResponse &r : state->scenario.responses)
        state->responses.push_back(&r);
    std::stable_sort(state->responses.begin(), state->responses.end(),
                     [](const ScriptedResponse *a, const ScriptedResponse *b) { return a->atMs < b->atMs; });
    // A restart: what the log holds of this scenario is taken in; trainees' entries are matched at the first
    // step, which reads the log from its start.
    EntryQuery q;
    q.kinds = {QString(clockKind), QString(injectKind), QString(checkKind)};
    State *s = state.get();
    if (auto r = room.store().read(q,
                                   [s](const Entry &e) {
                                       s->apply(e);
                                       return true;
                                   });
        !r)
        return r.error();
    if (s->started) {
        // Content that went to the quarantine left no entry: its label there says it was ingested.
        auto quarantined = room.store().quarantined();
        if (!quarantined)
            return quarantined.error();
        for (const QuarantineItem &item : *quarantined)
            for (State::InjectRun &run : s->injects)
                if (item.source == s->label(run.spec.id))
                    run.contentSeen = true;
    }
    if (s->started && s->resumeT) {
        if (auto r = clock.jumpTo(*s->resumeT); !r)
            return r.error();
        if (auto r = clock.setSpeed(s->speed); !r)
            return r.error();
        // Scripted responses before the point reached were played by the run that stopped.
        while (s->nextResponse < s->responses.size() && s->responses[s->nextResponse]->atMs <= *s->resumeT)
            ++s->nextResponse;
    }
    return std::unique_ptr<ExercisePlayer>(
        new ExercisePlayer(room, clock, std::move(options), std::move(state)));
}

bool ExercisePlayer::started() const
{
    return m_state->started;
}

bool ExercisePlayer::finished() const
{
    return m_state->finished;
}

const Scenario &ExercisePlayer::scenario() const
{
    return m_state->scenario;
}

const ExerciseClock &ExercisePlayer::clock() const
{
    return m_clock;
}

Result<std::vector<Entry>> ExercisePlayer::append(std::vector<Entry> drafts)
{
    for (Entry &d : drafts)
        if (d.eventTime.msecs == 0)
            d.eventTime = m_clock.now();
    auto appended = m_room.append(std::move(drafts));
    if (!appended)
        return appended.error();
    for (const Entry &e : *appended)
        m_state->apply(e);
    return appended;
}

Entry ExercisePlayer::clockDraft(const QString &action, bool fixedId) const
{
    Entry e = exerciseDraft(clockKind, m_options.author, m_clock.now());
    e.data = QJsonObject{{QStringLiteral("scenario"), m_state->scenario.id},
                         {QStringLiteral("action"), action},
                         {QStringLiteral("speed"), m_clock.speed()},
                         {QStringLiteral("exercise_ms"), m_clock.elapsedMs()},
                         // When it was made, for the desks that follow the exercise (FollowedExerciseClock).
                         {QStringLiteral("wall_ms"), m_clock.wallMs()}};
    if (fixedId)
        e.id = fixedEntryId(m_room.info().id, m_state->scenario.id, QStringLiteral("clock/") + action);
    return e;
}

Result<std::vector<Entry>> ExercisePlayer::start()
{
    State &s = *m_state;
    if (s.finished)
        return Error{QStringLiteral("l'exercice %1 est déjà terminé dans cette salle").arg(s.scenario.id)};
    if (s.started) {
        // A restart: the clock goes on from the last T recorded; nothing is played again.
        m_clock.start();
        return append({clockDraft(QStringLiteral("resume"), false)});
    }
    m_clock.start();
    std::vector<Entry> drafts{clockDraft(QStringLiteral("start"), true)};
    // The scenario's title and objectives go into the log with the start: the after-action report and the
    // point de situation read them there, long after the scenario file is gone.
    QJsonArray objectives;
    for (const Objective &o : s.scenario.objectives)
        objectives.append(QJsonObject{{QStringLiteral("id"), o.id}, {QStringLiteral("text"), o.text}});
    drafts.front().data.insert(QStringLiteral("title"), s.scenario.title);
    if (!objectives.isEmpty())
        drafts.front().data.insert(QStringLiteral("objectives"), objectives);
    if (!s.scenario.initialFleet.isEmpty()) {
        auto fleet = fleetRollCall(m_clock.now());
        if (!fleet)
            return fleet.error();
        for (Entry &e : *fleet)
            drafts.push_back(std::move(e));
    }
    for (Entry e : s.scenario.initialEntries) {
        e.eventTime = m_clock.now();
        drafts.push_back(std::move(e));
    }
    return append(std::move(drafts));
}

Result<std::vector<Entry>> ExercisePlayer::pause()
{
    if (!m_state->started || m_state->finished)
        return std::vector<Entry>{};
    auto played = step();
    if (!played)
        return played;
    m_clock.pause();
    auto clockEntry = append({clockDraft(QStringLiteral("pause"), false)});
    if (!clockEntry)
        return clockEntry;
    played->insert(played->end(), clockEntry->begin(), clockEntry->end());
    return played;
}

Result<std::vector<Entry>> ExercisePlayer::resume()
{
    if (!m_state->started || m_state->finished)
        return std::vector<Entry>{};
    m_clock.resume();
    return append({clockDraft(QStringLiteral("resume"), false)});
}

Result<std::vector<Entry>> ExercisePlayer::setSpeed(int speed)
{
    if (auto r = m_clock.setSpeed(speed); !r)
        return r.error();
    if (!m_state->started || m_state->finished)
        return std::vector<Entry>{};
    return append({clockDraft(QStringLiteral("speed"), false)});
}

Result<std::vector<Entry>> ExercisePlayer::jumpTo(qint64 tMs)
{
    if (!m_state->started || m_state->finished)
        return Error{QStringLiteral("l'exercice n'est pas en cours : rien à avancer")};
    if (tMs < m_clock.elapsedMs())
        return Error{QStringLiteral("l'horloge d'un exercice ne revient pas en arrière (T+ demandé : %1, "
                                    "T actuel : %2)")
                         .arg(formatT(tMs), formatT(m_clock.elapsedMs()))};
    // What is due up to the jump is played at its own time, in order: the clock walks from one due thing to
    // the next, so a stimulus of T+00:02 says T+00:02 in the log and its deadline is measured from there,
    // and a scripted response meets it in time as it would have at ×1.
    auto played = step();
    if (!played)
        return played;
    for (auto due = nextDueMs(); due && *due < tMs && !finished(); due = nextDueMs()) {
        if (*due > m_clock.elapsedMs()) {
            if (auto r = m_clock.jumpTo(*due); !r)
                return r.error();
        }
        auto more = step();
        if (!more)
            return more;
        if (more->empty() && nextDueMs() == due)
            break; // nothing was due after all: go straight to the target
        played->insert(played->end(), more->begin(), more->end());
    }
    if (finished())
        return played;
    if (auto r = m_clock.jumpTo(tMs); !r)
        return r.error();
    auto jump = append({clockDraft(QStringLiteral("jump"), false)});
    if (!jump)
        return jump;
    played->insert(played->end(), jump->begin(), jump->end());
    auto after = step();
    if (!after)
        return after;
    played->insert(played->end(), after->begin(), after->end());
    return played;
}

std::optional<qint64> ExercisePlayer::nextDueMs() const
{
    const State &s = *m_state;
    if (!s.started || s.finished)
        return std::nullopt;
    qint64 next = s.scenario.durationMs;
    for (const State::InjectRun &i : s.injects)
        if (!i.played && i.spec.atMs)
            next = std::min(next, *i.spec.atMs);
    for (const State::ActionRun &a : s.actions)
        if (a.state == ActionState::Pending && a.deadlineMs)
            next = std::min(next, *a.deadlineMs);
    if (m_options.playResponses && s.nextResponse < s.responses.size())
        next = std::min(next, s.responses[s.nextResponse]->atMs);
    return next;
}

std::vector<InjectStatus> ExercisePlayer::injects() const
{
    std::vector<InjectStatus> out;
    for (const State::InjectRun &i : m_state->injects) {
        InjectStatus st;
        st.id = i.spec.id;
        st.atMs = i.spec.atMs;
        st.contingency = i.spec.contingency;
        st.adHoc = i.adHoc;
        st.state = i.played ? InjectState::Played
                            : (i.spec.contingency ? InjectState::ContingencyUnused : InjectState::ToCome);
        st.playedMs = i.playedMs;
        st.from = i.spec.from;
        st.to = i.spec.to;
        st.channel = i.spec.channel;
        st.summary = i.played ? i.summary : injectSummary(i.spec.format, i.spec.content);
        st.entry = i.entry;
        st.contingencyFor = i.contingencyFor;
        st.contentEntries = i.contentEntries;
        st.quarantined = i.quarantined;
        for (const State::ActionRun &a : m_state->actions) {
            if (a.inject != i.spec.id)
                continue;
            st.actions.push_back({a.spec.id, a.spec.text, a.inject, a.state, a.deadlineMs, a.entry,
                                  a.entrySummary, a.spec.contingency});
        }
        out.push_back(std::move(st));
    }
    return out;
}

} // namespace vigie::exercise
