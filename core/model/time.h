#pragma once
// Time in the domain: milliseconds since the Unix epoch, UTC. Every entry carries an event time (from the
// source) and a record time (when it reached the room).
#include <QDateTime>
#include <QString>

#include <compare>
#include <optional>

namespace vigie {

struct Timestamp
{
    qint64 msecs = 0; ///< since 1970-01-01T00:00:00Z

    auto operator<=>(const Timestamp &) const = default;
    [[nodiscard]] static Timestamp fromDateTime(const QDateTime &dt) { return {dt.toMSecsSinceEpoch()}; }
    [[nodiscard]] QDateTime toDateTime() const { return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC); }
    /// ISO 8601 in UTC with milliseconds, e.g. 2026-07-14T19:05:00.000Z (canonical form used in hashes).
    [[nodiscard]] QString toIso() const;
    /// Accepts ISO 8601 with an offset or Z (seconds and fraction optional); a time without offset is refused
    /// because it is ambiguous across the summer-time change.
    [[nodiscard]] static std::optional<Timestamp> parseIso(const QString &text);
};

/// Whether an ISO 8601 time ends with an offset: Z, +hh:mm or +hhmm (- as well).
[[nodiscard]] bool endsWithOffset(QStringView text);

/// Where "now" comes from: the wall clock live, a simulated clock in exercises, replays and tests.
class Clock
{
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock
{
public:
    [[nodiscard]] Timestamp now() const override
    {
        return Timestamp::fromDateTime(QDateTime::currentDateTimeUtc());
    }
};

class SimulatedClock final : public Clock
{
public:
    explicit SimulatedClock(Timestamp start) : m_now(start) {}
    [[nodiscard]] Timestamp now() const override { return m_now; }
    void set(Timestamp t) { m_now = t; }
    void advance(qint64 msecs) { m_now.msecs += msecs; }

private:
    Timestamp m_now;
};

} // namespace vigie
