// The player's moves on the clock (exercise_player.h): what is due at T, in T order, and the room's entries
// read against the expected actions.
#include "exercise/exercise_entries_p.h"
#include "exercise/exercise_player.h"
#include "exercise/exercise_state_p.h"
#include "feeds/ingestor.h"
#include "model/agency.h"

#include <QJsonArray>

namespace vigie::exercise {

namespace {

/// The feed format an inject's content is ingested as; empty = recognised from its bytes (EDXL-HAVE comes in
/// an EDXL-DE envelope or bare, Hub Santé as an envelope or a bare message: the registry tells them apart).
QString ingestFormat(const QString &format)
{
    if (format == u"cap" || format == u"emsi" || format == u"nmea" || format == u"geojson")
        return format;
    return {};
}

const QStringList adHocFormats{
    QStringLiteral("text"), QStringLiteral("cap"),      QStringLiteral("emsi"),   QStringLiteral("edxl-have"),
    QStringLiteral("nmea"), QStringLiteral("hubsante"), QStringLiteral("geojson")};

} // namespace

Result<void> ExercisePlayer::writeCheck(const QString &actionId, const QString &status, const Entry *by,
                                        std::vector<Entry> &out)
{
    State::ActionRun *a = m_state->action(actionId);
    if (!a)
        return Error{QStringLiteral("action %1 inconnue du scénario").arg(actionId)};
    Entry d = exerciseDraft(checkKind, m_options.author, m_clock.now());
    d.id = fixedEntryId(m_room.info().id, m_state->scenario.id,
                        QStringLiteral("check/%1/%2").arg(actionId, status));
    QJsonObject data{{QStringLiteral("scenario"), m_state->scenario.id},
                     {QStringLiteral("inject"), a->inject},
                     {QStringLiteral("action"), actionId},
                     {QStringLiteral("status"), status},
                     {QStringLiteral("deadline_ms"), a->deadlineMs.value_or(0)}};
    if (by) {
        data.insert(QStringLiteral("entry"), by->id.toString(QUuid::WithoutBraces));
        a->entrySummary = entrySummary(*by);
    }
    d.data = data;
    auto appended = append({std::move(d)});
    if (!appended)
        return appended.error();
    out.insert(out.end(), appended->begin(), appended->end());
    return {};
}

Result<void> ExercisePlayer::look(std::vector<Entry> &out)
{
    State &s = *m_state;
    EntryQuery q;
    q.afterSeq = s.lastSeen;
    auto read = m_room.store().read(q);
    if (!read)
        return read.error();
    const qint64 nowT = m_clock.elapsedMs();
    struct Settle
    {
        QString action;
        QString status;
        Entry by;
    };
    std::vector<Settle> settles;
    for (const Entry &e : *read) {
        s.lastSeen = std::max(s.lastSeen, e.seq);
        if (e.kind.startsWith(QLatin1String("exercise."))) {
            s.apply(e);
            continue;
        }
        for (State::ActionRun &a : s.actions)
            if (a.entry == e.id && a.entrySummary.isEmpty())
                a.entrySummary = entrySummary(e);
        // What an inject's content produced is the exercise talking, not a trainee acting.
        if (const QString source = e.data.value(QLatin1String("feed_source")).toString();
            source.startsWith(injectSourcePrefix)) {
            for (State::InjectRun &run : s.injects)
                if (source == s.label(run.spec.id))
                    run.contentSeen = true;
            continue;
        }
        for (State::ActionRun &a : s.actions) {
            if ((a.state != ActionState::Pending && a.state != ActionState::Missed) || a.injectSeq == 0 ||
                e.seq <= a.injectSeq || !a.deadlineMs || !a.spec.match.matches(e))
                continue;
            // The entry's record time is exercise time when it was written on this clock (the player's room,
            // a desk on the same clock); otherwise (a desk on the wall clock) it counts when it is seen.
            const qint64 played = *a.deadlineMs - a.spec.withinMs;
            const qint64 recorded = s.tOfRecord(e);
            const qint64 t = recorded >= played && recorded <= nowT ? recorded : nowT;
            if (a.state == ActionState::Missed) {
                a.state = ActionState::Late;
                settles.push_back({a.spec.id, QStringLiteral("late"), e});
            } else if (t <= *a.deadlineMs) {
                a.state = ActionState::Done;
                settles.push_back({a.spec.id, QStringLiteral("done"), e});
            } else if (!a.lateCandidate) {
                a.lateCandidate = e; // settled when its deadline is handled: missed, contingency, then late
            }
        }
    }
    for (const Settle &settle : settles)
        if (auto r = writeCheck(settle.action, settle.status, &settle.by, out); !r)
            return r;
    return {};
}

Result<void> ExercisePlayer::play(const QString &injectId, const QString &contingencyFor,
                                  std::vector<Entry> &out)
{
    State &s = *m_state;
    State::InjectRun *run = s.inject(injectId);
    if (!run)
        return Error{QStringLiteral("inject %1 inconnu du scénario %2").arg(injectId, s.scenario.id)};
    if (run->played)
        return {};
    const Inject spec = run->spec;
    const bool adHoc = run->adHoc;
    const Timestamp now = m_clock.now();
    const qint64 t = m_clock.elapsedMs();
    const QString content = expandTimes(spec.content, now, s.scenario.startOffsetSecs);
    QJsonArray expected;
    for (const ExpectedAction &a : spec.expect)
        expected.append(QJsonObject{{QStringLiteral("action"), a.id},
                                    {QStringLiteral("text"), a.text},
                                    {QStringLiteral("deadline_ms"), t + a.withinMs}});
    Entry d = exerciseDraft(injectKind, m_options.author, now);
    d.id = adHoc ? newEntryId()
                 : fixedEntryId(m_room.info().id, s.scenario.id, QStringLiteral("inject/") + injectId);
    QJsonObject data{{QStringLiteral("scenario"), s.scenario.id},
                     {QStringLiteral("inject"), injectId},
                     {QStringLiteral("t_ms"), t},
                     {QStringLiteral("sender"), spec.from},
                     {QStringLiteral("recipient"), spec.to},
                     {QStringLiteral("channel"), spec.channel},
                     {QStringLiteral("format"), spec.format},
                     {QStringLiteral("summary"), injectSummary(spec.format, content)},
                     {QStringLiteral("ad_hoc"), adHoc},
                     {QStringLiteral("expected"), expected}};
    if (spec.format == u"text")
        data.insert(QStringLiteral("text"), content);
    if (!contingencyFor.isEmpty())
        data.insert(QStringLiteral("contingency_for"), contingencyFor);
    d.data = data;
    if (spec.position)
        d.geo = Geometry::point(*spec.position);
    auto appended = append({std::move(d)});
    if (!appended)
        return appended.error();
    out.insert(out.end(), appended->begin(), appended->end());
    if (spec.format == u"text")
        return {};
    return ingestContent(injectId, now, out);
}

Result<void> ExercisePlayer::ingestContent(const QString &injectId, Timestamp at, std::vector<Entry> &out)
{
    State &s = *m_state;
    const Inject spec = s.inject(injectId)->spec;
    // The content takes the path of any feed message: parsed, refused into the quarantine with its reason
    // (the exercise goes on), deduplicated, scrubbed. Its label names the scenario and the inject.
    feeds::FeedContext context;
    context.sourceLabel = s.label(injectId);
    context.source = context.sourceLabel;
    context.mode = m_room.info().mode;
    context.agency = agencyFromId(spec.to) ? spec.to : QString();
    context.unit = spec.format == u"nmea" ? spec.from : QString(); // an NMEA stream is one unit's
    feeds::Ingestor ingestor(m_room, s.registry);
    const QString content = expandTimes(spec.content, at, s.scenario.startOffsetSecs);
    auto report = ingestor.ingest(content.toUtf8(), context, ingestFormat(spec.format));
    if (!report)
        return report.error();
    State::InjectRun *run = s.inject(injectId);
    run->contentSeen = true;
    run->contentEntries = report->entries;
    run->quarantined = report->rejected;
    out.insert(out.end(), report->appended.begin(), report->appended.end());
    return {};
}

Result<void> ExercisePlayer::end(std::vector<Entry> &out)
{
    State &s = *m_state;
    for (State::ActionRun &a : s.actions)
        if (a.state == ActionState::Pending) {
            a.state = ActionState::Missed;
            if (auto r = writeCheck(a.spec.id, QStringLiteral("missed"), nullptr, out); !r)
                return r;
        }
    m_clock.pause();
    auto appended = append({clockDraft(QStringLiteral("end"), true)});
    if (!appended)
        return appended.error();
    out.insert(out.end(), appended->begin(), appended->end());
    return {};
}

Result<std::vector<Entry>> ExercisePlayer::step()
{
    State &s = *m_state;
    if (!s.started)
        return Error{QStringLiteral("l'exercice %1 n'est pas démarré").arg(s.scenario.id)};
    std::vector<Entry> out;
    if (s.finished)
        return out;
    if (auto r = look(out); !r)
        return r.error();
    if (!s.contentChecked) {
        // A run stopped between an inject's entry and its content (two transactions): the content goes in
        // now, with the ${T} of its play, so a repeat of it is recognised as one by the feed path.
        s.contentChecked = true;
        for (std::size_t i = 0; i < s.injects.size(); ++i)
            if (s.injects[i].played && !s.injects[i].contentSeen && !s.injects[i].spec.content.isEmpty())
                if (auto r = ingestContent(s.injects[i].spec.id, s.injects[i].playedAt, out); !r)
                    return r.error();
    }
    // What is due, earliest first; at the same T an inject comes before the responses to it, a response
    // before the deadline it meets, a deadline before its contingency, everything before the end.
    enum Due
    {
        PlayInject,
        PlayResponse,
        Deadline,
        Contingency,
        End
    };
    for (;;) {
        const qint64 now = m_clock.elapsedMs();
        std::optional<std::pair<qint64, int>> best;
        QString id;
        auto consider = [&](qint64 t, Due kind, const QString &what) {
            if (t > now)
                return;
            const std::pair<qint64, int> key{t, int(kind)};
            if (!best || key < *best) {
                best = key;
                id = what;
            }
        };
        for (const State::InjectRun &i : s.injects)
            if (!i.played && i.spec.atMs)
                consider(*i.spec.atMs, PlayInject, i.spec.id);
        if (m_options.playResponses && s.nextResponse < s.responses.size())
            consider(s.responses[s.nextResponse]->atMs, PlayResponse, {});
        for (const State::ActionRun &a : s.actions) {
            if (a.state == ActionState::Pending && a.deadlineMs)
                consider(*a.deadlineMs, Deadline, a.spec.id);
            const State::InjectRun *c = a.spec.contingency.isEmpty() ? nullptr : s.inject(a.spec.contingency);
            if (a.state == ActionState::Missed && c && !c->played && a.deadlineMs)
                consider(*a.deadlineMs, Contingency, a.spec.id);
        }
        consider(s.scenario.durationMs, End, {});
        if (!best)
            break;
        Result<void> done;
        switch (Due(best->second)) {
        case PlayInject:
            done = play(id, {}, out);
            break;
        case PlayResponse: {
            Entry draft = s.responses[s.nextResponse]->draft;
            draft.eventTime = m_clock.now();
            auto appended = append({std::move(draft)});
            if (!appended)
                return appended.error();
            ++s.nextResponse;
            break;
        }
        case Deadline: {
            State::ActionRun *a = s.action(id);
            a->state = ActionState::Missed;
            const std::optional<Entry> late = a->lateCandidate;
            done = writeCheck(id, QStringLiteral("missed"), nullptr, out);
            if (done && late) {
                s.action(id)->state = ActionState::Late;
                done = writeCheck(id, QStringLiteral("late"), &*late, out);
            }
            break;
        }
        case Contingency:
            done = play(s.action(id)->spec.contingency, id, out);
            break;
        case End:
            done = end(out);
            break;
        }
        if (!done)
            return done.error();
        if (s.finished)
            break;
        if (auto r = look(out); !r)
            return r.error();
    }
    return out;
}

Result<std::vector<Entry>> ExercisePlayer::finish()
{
    State &s = *m_state;
    if (!s.started)
        return Error{QStringLiteral("l'exercice %1 n'est pas démarré").arg(s.scenario.id)};
    std::vector<Entry> out;
    if (s.finished)
        return out;
    if (auto r = look(out); !r)
        return r.error();
    if (auto r = end(out); !r)
        return r.error();
    return out;
}

Result<std::vector<Entry>> ExercisePlayer::fireAdHoc(const AdHocInject &inject)
{
    State &s = *m_state;
    if (!s.started || s.finished)
        return Error{QStringLiteral("l'exercice %1 n'est pas en cours : inject non joué").arg(s.scenario.id)};
    if (!adHocFormats.contains(inject.format))
        return Error{
            QStringLiteral("format « %1 » inconnu (%2)").arg(inject.format, adHocFormats.join(u", "))};
    if (inject.content.trimmed().isEmpty())
        return Error{QStringLiteral("inject vide : rien à jouer")};
    if (inject.from.trimmed().isEmpty() || inject.to.trimmed().isEmpty())
        return Error{QStringLiteral("un inject dit qui l'envoie (from) et à qui (to)")};
    int count = 0;
    for (const State::InjectRun &i : s.injects)
        count += i.adHoc ? 1 : 0;
    State::InjectRun run;
    run.adHoc = true;
    run.spec.id = QStringLiteral("AH%1").arg(count + 1, 3, 10, QLatin1Char('0'));
    run.spec.from = inject.from;
    run.spec.to = inject.to;
    run.spec.channel = inject.channel;
    run.spec.format = inject.format;
    run.spec.content = inject.content;
    run.spec.position = inject.position;
    const QString id = run.spec.id;
    s.injects.push_back(std::move(run));
    std::vector<Entry> out;
    if (auto r = play(id, {}, out); !r)
        return r.error();
    if (auto r = look(out); !r)
        return r.error();
    return out;
}

} // namespace vigie::exercise
