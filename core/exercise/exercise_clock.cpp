#include "exercise/exercise_clock.h"

#include <QMutexLocker>

#include <algorithm>

namespace vigie::exercise {

ExerciseClock::ExerciseClock(const Clock &wall, Timestamp scenarioStart)
    : m_wall(wall), m_start(scenarioStart), m_baseWall(wall.now().msecs)
{}

qint64 ExerciseClock::elapsedLocked() const
{
    if (!m_running)
        return m_baseT;
    // A wall clock that steps back (NTP) must not take T back: the log's record times follow T.
    const qint64 wall = std::max(m_wall.now().msecs, m_baseWall);
    m_highest = std::max(m_highest, m_baseT + (wall - m_baseWall) * m_speed);
    return m_highest;
}

Timestamp ExerciseClock::now() const
{
    return Timestamp{m_start.msecs + elapsedMs()};
}

qint64 ExerciseClock::elapsedMs() const
{
    QMutexLocker lock(&m_mutex);
    return elapsedLocked();
}

bool ExerciseClock::running() const
{
    QMutexLocker lock(&m_mutex);
    return m_running;
}

int ExerciseClock::speed() const
{
    QMutexLocker lock(&m_mutex);
    return m_speed;
}

void ExerciseClock::start()
{
    QMutexLocker lock(&m_mutex);
    if (m_running)
        return;
    m_baseWall = m_wall.now().msecs;
    m_highest = m_baseT;
    m_running = true;
}

void ExerciseClock::pause()
{
    QMutexLocker lock(&m_mutex);
    m_baseT = elapsedLocked();
    m_running = false;
}

Result<void> ExerciseClock::setSpeed(int speed)
{
    if (speed < minSpeed || speed > maxSpeed)
        return Error{
            QStringLiteral("vitesse %1 refusée : l'horloge d'exercice va de %2 à %3 fois le temps réel")
                .arg(speed)
                .arg(minSpeed)
                .arg(maxSpeed)};
    QMutexLocker lock(&m_mutex);
    m_baseT = elapsedLocked();
    m_baseWall = m_wall.now().msecs;
    m_highest = m_baseT;
    m_speed = speed;
    return {};
}

Result<void> ExerciseClock::jumpTo(qint64 tMs)
{
    QMutexLocker lock(&m_mutex);
    const qint64 current = elapsedLocked();
    if (tMs < current)
        return Error{
            QStringLiteral("saut refusé : l'horloge d'exercice ne revient pas en arrière (T+%1 s demandé, "
                           "T+%2 s atteint) ; les heures du journal ne reculent jamais")
                .arg(tMs / 1000)
                .arg(current / 1000)};
    m_baseT = tMs;
    m_baseWall = m_wall.now().msecs;
    m_highest = tMs;
    return {};
}

Timestamp FollowedExerciseClock::now() const
{
    QMutexLocker lock(&m_mutex);
    if (!m_base)
        return m_wall.now();
    qint64 t = *m_base;
    if (m_running && m_baseWall)
        t += std::max<qint64>(0, m_wall.now().msecs - *m_baseWall) * m_speed;
    m_highest = std::max(m_highest, t);
    return Timestamp{m_highest};
}

bool FollowedExerciseClock::follow(const Entry &entry)
{
    if (entry.kind != QLatin1String("exercise.clock"))
        return false;
    const QString action = entry.data.value(QLatin1String("action")).toString();
    QMutexLocker lock(&m_mutex);
    // The move's record time is the exercise's time at that moment (the player's room runs on its clock).
    m_base = entry.eventTime.msecs;
    const QJsonValue wall = entry.data.value(QLatin1String("wall_ms"));
    m_baseWall = wall.isDouble() ? std::optional<qint64>(qint64(wall.toDouble())) : std::nullopt;
    m_speed = std::clamp(entry.data.value(QLatin1String("speed")).toInt(1), ExerciseClock::minSpeed,
                         ExerciseClock::maxSpeed);
    if (action == u"start" || action == u"resume")
        m_running = true;
    else if (action == u"pause" || action == u"end")
        m_running = false;
    // "speed" and "jump" leave it running or paused as it was.
    return true;
}

bool FollowedExerciseClock::following() const
{
    QMutexLocker lock(&m_mutex);
    return m_base.has_value();
}

} // namespace vigie::exercise
