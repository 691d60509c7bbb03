#include "log/entry_kinds.h"

#include "log/entry.h"
#include "model/time.h"

#include <QJsonArray>
#include <QUuid>

#include <algorithm>
#include <cmath>

namespace vigie {

namespace {

Result<void> requireString(const Entry &e, QLatin1String field)
{
    const QJsonValue v = e.data.value(field);
    if (!v.isString() || v.toString().trimmed().isEmpty())
        return Error{QStringLiteral("%1: data.%2 is required (non-empty string)").arg(e.kind, field)};
    return {};
}

Result<void> requireGeometry(const Entry &e, Geometry::Type type, const char *what)
{
    if (e.geo.type != type)
        return Error{QStringLiteral("%1: a geo %2 is required").arg(e.kind, QLatin1String(what))};
    return {};
}

Result<void> requireCount(const Entry &e, QLatin1String field, double max = 9007199254740992.0)
{
    const QJsonValue v = e.data.value(field);
    if (!v.isDouble() || v.toDouble() < 0 || v.toDouble() > max || v.toDouble() != std::floor(v.toDouble()))
        return Error{QStringLiteral("%1: data.%2 is required (a whole number >= 0)").arg(e.kind, field)};
    return {};
}

/// exercise.clock, exercise.inject, exercise.check (docs/entries.md, exercise/exercise_player.h).
Result<void> validateExercise(const Entry &e)
{
    const QString &k = e.kind;
    if (auto r = requireString(e, QLatin1String("scenario")); !r)
        return r;
    if (k == kinds::exerciseClock) {
        static const QStringList actions{QStringLiteral("start"),  QStringLiteral("pause"),
                                         QStringLiteral("resume"), QStringLiteral("speed"),
                                         QStringLiteral("jump"),   QStringLiteral("end")};
        const QString action = e.data.value(QLatin1String("action")).toString();
        if (!actions.contains(action))
            return Error{
                QStringLiteral("exercise.clock: data.action \"%1\" is not one of start, pause, resume, "
                               "speed, jump, end")
                    .arg(action.left(64))};
        const QJsonValue speed = e.data.value(QLatin1String("speed"));
        if (!speed.isDouble() || speed.toDouble() < 1 || speed.toDouble() > 60 ||
            speed.toDouble() != std::floor(speed.toDouble()))
            return Error{QStringLiteral("exercise.clock: data.speed must be a whole number from 1 to 60")};
        return requireCount(e, QLatin1String("exercise_ms"));
    }
    for (const QLatin1String field : {QLatin1String("inject"), QLatin1String("action")}) {
        if (field == QLatin1String("action") && k == kinds::exerciseInject)
            continue;
        if (auto r = requireString(e, field); !r)
            return r;
    }
    if (k == kinds::exerciseInject) {
        if (auto r = requireCount(e, QLatin1String("t_ms")); !r)
            return r;
        for (const QLatin1String field :
             {QLatin1String("sender"), QLatin1String("recipient"), QLatin1String("channel"),
              QLatin1String("format"), QLatin1String("summary")})
            if (auto r = requireString(e, field); !r)
                return r;
        if (e.data.value(QLatin1String("format")) == QLatin1String("text"))
            if (auto r = requireString(e, QLatin1String("text")); !r)
                return r;
        if (!e.data.value(QLatin1String("ad_hoc")).isBool())
            return Error{QStringLiteral("exercise.inject: data.ad_hoc must be true or false")};
        const QJsonValue expected = e.data.value(QLatin1String("expected"));
        if (!expected.isArray())
            return Error{
                QStringLiteral("exercise.inject: data.expected must be a list (empty when nothing is "
                               "expected)")};
        for (const QJsonValue &v : expected.toArray()) {
            const QJsonObject a = v.toObject();
            if (!a.value(QLatin1String("action")).isString() || !a.value(QLatin1String("text")).isString() ||
                !a.value(QLatin1String("deadline_ms")).isDouble())
                return Error{
                    QStringLiteral("exercise.inject: each of data.expected is {action, text, deadline_ms}")};
        }
        return {};
    }
    if (k == kinds::exerciseCheck) {
        const QString status = e.data.value(QLatin1String("status")).toString();
        if (status != QLatin1String("done") && status != QLatin1String("late") &&
            status != QLatin1String("missed"))
            return Error{QStringLiteral("exercise.check: data.status \"%1\" is not done, late or missed")
                             .arg(status.left(64))};
        if (status != QLatin1String("missed") &&
            QUuid(e.data.value(QLatin1String("entry")).toString()).isNull())
            return Error{
                QStringLiteral("exercise.check: data.entry (the id of the entry that did the action) is "
                               "required when it is done or late")};
        return requireCount(e, QLatin1String("deadline_ms"));
    }
    return {};
}

} // namespace

Result<void> validateKind(const Entry &e)
{
    const QString &k = e.kind;
    if (k == kinds::exerciseClock || k == kinds::exerciseInject || k == kinds::exerciseCheck)
        return validateExercise(e);
    if (k == kinds::note || k == kinds::decision)
        return requireString(e, QLatin1String("text"));
    if (k == kinds::logTruncated) {
        if (!e.data.value(QLatin1String("found_seq")).isDouble())
            return Error{
                QStringLiteral("log.truncated: data.found_seq (where the log now ends) is required")};
        return requireString(e, QLatin1String("problem"));
    }
    if (k == kinds::unitStatus) {
        if (auto r = requireString(e, QLatin1String("unit")); !r)
            return r;
        const QString status = e.data.value(QLatin1String("status")).toString();
        if (std::find(unitStatuses.begin(), unitStatuses.end(), status) == unitStatuses.end())
            return Error{QStringLiteral("unit.status: data.status \"%1\" is not one of available, en_route, "
                                        "on_scene, returning, unavailable")
                             .arg(status.left(64))};
        return {};
    }
    if (k == kinds::unitPosition) {
        if (auto r = requireString(e, QLatin1String("unit")); !r)
            return r;
        return requireGeometry(e, Geometry::Type::Point, "Point");
    }
    if (k == kinds::incidentOpen || k == kinds::incidentUpdate || k == kinds::incidentClose) {
        if (auto r = requireString(e, QLatin1String("incident")); !r)
            return r;
        const QJsonValue severity = e.data.value(QLatin1String("severity"));
        if (!severity.isUndefined() && (!severity.isDouble() || severity.toInt() < 1 || severity.toInt() > 5))
            return Error{QStringLiteral("%1: data.severity must be a number from 1 to 5").arg(k)};
        const QJsonValue openSources = e.data.value(QLatin1String("open_sources"));
        if (k == kinds::incidentClose && !openSources.isUndefined() &&
            (!openSources.isDouble() || openSources.toDouble() < 0 ||
             openSources.toDouble() != std::floor(openSources.toDouble()) || openSources.toDouble() > 1e6))
            return Error{QStringLiteral("%1: data.open_sources must be a count >= 0").arg(k)};
        for (const QLatin1String field :
             {QLatin1String("onset"), QLatin1String("effective"), QLatin1String("expires")}) {
            const QJsonValue time = e.data.value(field);
            if (!time.isUndefined() && (!time.isString() || !Timestamp::parseIso(time.toString())))
                return Error{
                    QStringLiteral("%1: data.%2 must be an ISO 8601 time with an offset").arg(k, field)};
        }
        const QJsonValue casualties = e.data.value(QLatin1String("casualties"));
        if (!casualties.isUndefined()) {
            if (!casualties.isObject())
                return Error{
                    QStringLiteral("%1: data.casualties must be an object {red, yellow, green, black}")
                        .arg(k)};
            const QJsonObject c = casualties.toObject();
            for (auto it = c.begin(); it != c.end(); ++it) {
                static const QStringList colours{QStringLiteral("red"), QStringLiteral("yellow"),
                                                 QStringLiteral("green"), QStringLiteral("black")};
                if (!colours.contains(it.key()))
                    return Error{QStringLiteral("%1: data.casualties.%2 is not a triage colour (red, yellow, "
                                                "green, black)")
                                     .arg(k, it.key().left(32))};
                if (!it.value().isDouble() || it.value().toDouble() < 0)
                    return Error{
                        QStringLiteral("%1: data.casualties.%2 must be a count >= 0").arg(k, it.key())};
            }
        }
        return {};
    }
    if (k == kinds::zoneDraw) {
        if (auto r = requireString(e, QLatin1String("zone")); !r)
            return r;
        if (e.data.value(QLatin1String("removed")).toBool())
            return {};
        return requireGeometry(e, Geometry::Type::Polygon, "Polygon");
    }
    if (k == kinds::hospitalStatus)
        return requireString(e, QLatin1String("hospital"));
    if (k == kinds::fusionJoin || k == kinds::fusionSplit) { // fusion/corrections.h
        const bool join = k == kinds::fusionJoin;
        const QLatin1String other = join ? QLatin1String("into") : QLatin1String("from");
        for (const QLatin1String field : {QLatin1String("incident"), other})
            if (auto r = requireString(e, field); !r)
                return r;
        if (e.data.value(QLatin1String("incident")) == e.data.value(other))
            return Error{QStringLiteral("%1: data.incident and data.%2 are the same incident").arg(k, other)};
        if (join)
            return {};
        if (auto r = requireString(e, QLatin1String("observation")); !r)
            return r;
        const QJsonArray reports = e.data.value(QLatin1String("reports")).toArray();
        if (reports.isEmpty() || !std::all_of(reports.begin(), reports.end(), [](const QJsonValue &v) {
                // Seqs: whole numbers from 1, exact in a JSON number (below 2^53).
                return v.isDouble() && v.toDouble() >= 1 && v.toDouble() <= 9007199254740992.0 &&
                       v.toDouble() == std::floor(v.toDouble());
            }))
            return Error{
                QStringLiteral("fusion.split: data.reports must list the seqs of the reports moved")};
        return {};
    }
    if (k == kinds::fusionUndo) {
        if (QUuid(e.data.value(QLatin1String("undoes")).toString()).isNull())
            return Error{QStringLiteral("fusion.undo: data.undoes must be the id of a fusion.join or "
                                        "fusion.split entry")};
        return {};
    }
    if (k == kinds::conflict) { // picture/conflicts.h
        for (const QLatin1String field : {QLatin1String("loser"), QLatin1String("winner")})
            if (QUuid(e.data.value(field).toString()).isNull())
                return Error{QStringLiteral("conflict: data.%1 must be an entry id").arg(field)};
        for (const QLatin1String field : {QLatin1String("loser_seq"), QLatin1String("winner_seq")}) {
            const QJsonValue seq = e.data.value(field);
            if (!seq.isDouble() || seq.toDouble() < 1 || seq.toDouble() != std::floor(seq.toDouble()))
                return Error{
                    QStringLiteral("conflict: data.%1 must be a seq (a whole number from 1)").arg(field)};
        }
        if (e.data.value(QLatin1String("loser_seq")).toDouble() <=
            e.data.value(QLatin1String("winner_seq")).toDouble())
            return Error{
                QStringLiteral("conflict: the loser comes after the winner in the chain (loser_seq > "
                               "winner_seq)")};
        const QString object = e.data.value(QLatin1String("object_kind")).toString();
        if (object != QLatin1String("suggestion") && object != QLatin1String("unit") &&
            object != QLatin1String("incident"))
            return Error{
                QStringLiteral("conflict: data.object_kind \"%1\" is not suggestion, unit or incident")
                    .arg(object.left(64))};
        for (const QLatin1String field :
             {QLatin1String("object"), QLatin1String("rule"), QLatin1String("reason")})
            if (auto r = requireString(e, field); !r)
                return r;
        return {};
    }
    if (k == kinds::eventPlan) { // picture/planned_events.h
        if (auto r = requireString(e, QLatin1String("event")); !r)
            return r;
        if (auto r = requireString(e, QLatin1String("title")); !r)
            return r;
        const QString type = e.data.value(QLatin1String("type")).toString();
        if (std::find(plannedEventTypes.begin(), plannedEventTypes.end(), type) == plannedEventTypes.end())
            return Error{QStringLiteral("event.plan: data.type \"%1\" is not one of match, concert, market, "
                                        "demonstration, roadworks, closure, festival, ceremony, other")
                             .arg(type.left(64))};
        std::optional<Timestamp> bounds[2];
        const QLatin1String names[2] = {QLatin1String("start"), QLatin1String("end")};
        for (int i = 0; i < 2; ++i) {
            const QString text = e.data.value(names[i]).toString();
            bounds[i] = Timestamp::parseIso(text);
            if (!bounds[i])
                return Error{
                    QStringLiteral("event.plan: data.%1 \"%2\" is not an ISO 8601 time with an offset")
                        .arg(names[i], text.left(64))};
        }
        if (*bounds[1] < *bounds[0])
            return Error{QStringLiteral("event.plan: data.end is before data.start")};
        const QJsonValue attendance = e.data.value(QLatin1String("attendance"));
        if (!attendance.isUndefined() && !attendance.isNull() &&
            (!attendance.isDouble() || attendance.toDouble() < 0 ||
             attendance.toDouble() != std::floor(attendance.toDouble()) ||
             attendance.toDouble() > double(maxPlannedAttendance)))
            return Error{QStringLiteral("event.plan: data.attendance must be a whole number from 0 to %1")
                             .arg(maxPlannedAttendance)};
        if (e.geo.isNull())
            return Error{QStringLiteral("event.plan: a geo Point, Polygon or LineString is required")};
        return {};
    }
    if (k == kinds::eventCancel)
        return requireString(e, QLatin1String("event"));
    if (k == QLatin1String("feed.control")) { // feeds/feed_control.h
        if (auto r = requireString(e, QLatin1String("feed")); !r)
            return r;
        const QString action = e.data.value(QLatin1String("action")).toString();
        if (action != QLatin1String("pause") && action != QLatin1String("resume"))
            return Error{QStringLiteral("feed.control: data.action \"%1\" is not pause or resume")
                             .arg(action.left(64))};
    }
    return {};
}

} // namespace vigie
