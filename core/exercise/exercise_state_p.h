#pragma once
// The player's state (exercise_player.h), shared by its two files: what it read from the log and played.
#include "exercise/exercise_player.h"
#include "feeds/feed_adapters.h"

namespace vigie::exercise {

struct ExercisePlayer::State
{
    struct ActionRun
    {
        ExpectedAction spec;
        QString inject;
        ActionState state = ActionState::Waiting;
        std::optional<qint64> deadlineMs;
        qint64 injectSeq = 0; ///< entries after this seq may do it
        QUuid entry;
        QString entrySummary;
        std::optional<Entry>
            lateCandidate; ///< a match seen after the deadline, before the deadline was handled
    };
    struct InjectRun
    {
        Inject spec;
        bool adHoc = false;
        bool played = false;
        std::optional<qint64> playedMs;
        QUuid entry;
        qint64 seq = 0;
        QString summary;
        QString contingencyFor;
        qint64 contentEntries = 0;
        qint64 quarantined = 0;
        Timestamp playedAt;       ///< exercise time of its play (its ${T})
        bool contentSeen = false; ///< its content is in the log or the quarantine (or is just text)
    };

    Scenario scenario;
    std::vector<InjectRun> injects;
    std::vector<ActionRun> actions;
    std::vector<const ScriptedResponse *> responses; ///< by time
    std::size_t nextResponse = 0;
    qint64 lastSeen = 0;
    bool started = false;
    bool finished = false;
    std::optional<qint64> resumeT; ///< the latest T the log holds for this scenario
    QString lastClockAction;
    int speed = 1;
    bool contentChecked = false; ///< a restart's check that every played inject's content went in
    feeds::FeedRegistry registry;

    InjectRun *inject(const QString &id)
    {
        for (InjectRun &i : injects)
            if (i.spec.id == id)
                return &i;
        return nullptr;
    }
    ActionRun *action(const QString &id)
    {
        for (ActionRun &a : actions)
            if (a.spec.id == id)
                return &a;
        return nullptr;
    }
    /// The feed label of an inject's content.
    [[nodiscard]] QString label(const QString &injectId) const
    {
        return injectSourcePrefix + scenario.id + u'/' + injectId;
    }
    [[nodiscard]] qint64 tOfRecord(const Entry &e) const { return e.recordTime.msecs - scenario.start.msecs; }

    /// Takes in what the log says of this scenario (its own exercise.* entries): what a restart resumes.
    void apply(const Entry &e);
};

} // namespace vigie::exercise
