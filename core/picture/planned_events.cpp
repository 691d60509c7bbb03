#include "picture/planned_events.h"

#include "log/entry_kinds.h"
#include "log/json_text.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vigie {

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

Timestamp timeOf(const QJsonObject &o, const char *key)
{
    return Timestamp::parseIso(str(o, key)).value_or(Timestamp{});
}

} // namespace

PlannedEvent PlannedEvent::fromEntry(const Entry &e)
{
    PlannedEvent p;
    p.id = str(e.data, "event");
    p.title = str(e.data, "title");
    p.type = str(e.data, "type");
    p.start = timeOf(e.data, "start");
    p.end = timeOf(e.data, "end");
    if (const QJsonValue a = e.data.value(QLatin1String("attendance")); a.isDouble())
        p.attendance = qint64(a.toDouble());
    p.organiser = str(e.data, "organiser");
    p.venue = str(e.data, "venue");
    p.source = str(e.data, "source");
    p.geo = e.geo;
    p.recorded = e.eventTime;
    p.seq = e.seq;
    return p;
}

QJsonObject PlannedEvent::planData() const
{
    QJsonObject o{{QStringLiteral("event"), id},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("type"), type},
                  {QStringLiteral("start"), start.toDateTime().toOffsetFromUtc(0).toString(Qt::ISODate)},
                  {QStringLiteral("end"), end.toDateTime().toOffsetFromUtc(0).toString(Qt::ISODate)}};
    if (attendance)
        o.insert(QStringLiteral("attendance"), double(*attendance));
    for (const auto &[key, value] :
         {std::pair{"organiser", &organiser}, std::pair{"venue", &venue}, std::pair{"source", &source}})
        if (!value->isEmpty())
            o.insert(QLatin1String(key), *value);
    return o;
}

bool PlannedEvent::samePlan(const PlannedEvent &o) const
{
    return id == o.id && title == o.title && type == o.type && start == o.start && end == o.end &&
           attendance == o.attendance && organiser == o.organiser && venue == o.venue && source == o.source &&
           geo == o.geo;
}

namespace planned {

void apply(std::map<QString, PlannedEvent> &events, const Entry &e)
{
    if (e.kind == kinds::eventPlan) {
        PlannedEvent p = PlannedEvent::fromEntry(e);
        const QString id = p.id;
        events.insert_or_assign(id, std::move(p));
    } else if (e.kind == kinds::eventCancel)
        events.erase(str(e.data, "event"));
}

void write(JsonWriter &j, const std::map<QString, PlannedEvent> &events)
{
    j.beginArray();
    for (const auto &[id, p] : events) {
        j.beginObject();
        j.field(u"id", p.id);
        j.field(u"title", p.title);
        j.field(u"type", p.type);
        j.field(u"start", p.start.msecs);
        j.field(u"end", p.end.msecs);
        j.key(u"attendance");
        if (p.attendance)
            j.value(*p.attendance);
        else
            j.null();
        j.field(u"organiser", p.organiser);
        j.field(u"venue", p.venue);
        j.field(u"source", p.source);
        j.key(u"geo");
        j.raw(compactGeoJson(p.geo));
        j.field(u"recorded", p.recorded.msecs);
        j.field(u"seq", p.seq);
        j.endObject();
    }
    j.endArray();
}

void read(const QJsonValue &array, std::map<QString, PlannedEvent> &events)
{
    for (const QJsonValue &v : array.toArray()) {
        const QJsonObject o = v.toObject();
        PlannedEvent p;
        p.id = str(o, "id");
        p.title = str(o, "title");
        p.type = str(o, "type");
        p.start = {o.value(QLatin1String("start")).toInteger()};
        p.end = {o.value(QLatin1String("end")).toInteger()};
        if (const QJsonValue a = o.value(QLatin1String("attendance")); a.isDouble())
            p.attendance = a.toInteger();
        p.organiser = str(o, "organiser");
        p.venue = str(o, "venue");
        p.source = str(o, "source");
        if (auto g = geometryFromGeoJson(o.value(QLatin1String("geo")).toObject()))
            p.geo = *g;
        p.recorded = {o.value(QLatin1String("recorded")).toInteger()};
        p.seq = o.value(QLatin1String("seq")).toInteger();
        events.emplace(p.id, std::move(p));
    }
}

} // namespace planned

} // namespace vigie
