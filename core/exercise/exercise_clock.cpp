#include "exercise/exercise_clock.h"

#include <QMutexLocker>

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

} // namespace vigie::exercise
