#include "anticipation/event_import.h"

#include "feeds/feed_adapters.h"
#include "log/entry_kinds.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>

// Boost 1.74's Geometry still includes a header Boost itself marks deprecated (a #pragma message).
#define BOOST_ALLOW_DEPRECATED_HEADERS
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>

extern "C" {
#include <libical/ical.h>
}

#include <algorithm>
#include <memory>

namespace vigie::anticipation {

namespace bg = boost::geometry;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("vigie::anticipation", text);
}

const QTimeZone &paris()
{
    static const QTimeZone zone("Europe/Paris");
    return zone;
}

/// Lower case without accents, for matching header names and type words.
QString folded(const QString &text)
{
    QString out;
    for (const QChar c : text.trimmed().normalized(QString::NormalizationForm_D))
        if (c.category() != QChar::Mark_NonSpacing)
            out += c.toLower();
    return out;
}

struct Venue
{
    QString key; ///< folded name
    GeoPoint at;
};

/// Marseille's venues (compiled in), for rows that name a venue without coordinates.
const std::vector<Venue> &venues()
{
    static const std::vector<Venue> list = [] {
        std::vector<Venue> v;
        QFile file(QStringLiteral(":/vigie/marseille/venues.geojson"));
        if (!file.open(QIODevice::ReadOnly))
            return v;
        for (const QJsonValue &f :
             QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("features")).toArray()) {
            const QJsonObject o = f.toObject();
            auto g = geometryFromGeoJson(o.value(QLatin1String("geometry")).toObject());
            if (g && g->anchor())
                v.push_back({folded(o.value(QLatin1String("properties"))
                                        .toObject()
                                        .value(QLatin1String("name"))
                                        .toString()),
                             *g->anchor()});
        }
        return v;
    }();
    return list;
}

std::optional<GeoPoint> venuePoint(const QString &name)
{
    const QString key = folded(name);
    if (key.size() < 3)
        return std::nullopt;
    for (const Venue &v : venues())
        if (v.key.contains(key) || key.contains(v.key))
            return v.at;
    return std::nullopt;
}

/// WKT through Boost.Geometry's reader (POINT, LINESTRING, POLYGON), or a GeoJSON geometry object.
Result<Geometry> geometryFromText(const QString &text)
{
    const QString t = text.trimmed();
    if (t.startsWith(u'{')) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(t.toUtf8(), &error);
        if (!doc.isObject())
            return Error{tr("not a GeoJSON geometry (%1)").arg(error.errorString())};
        return geometryFromGeoJson(doc.object());
    }
    using XY = bg::model::d2::point_xy<double>;
    const std::string wkt = t.toStdString();
    auto checked = [](std::vector<GeoPoint> pts, Geometry::Type type) -> Result<Geometry> {
        for (const GeoPoint &p : pts)
            if (!isValidCoordinate(p))
                return Error{tr("coordinate out of range (lon %1, lat %2)").arg(p.lon).arg(p.lat)};
        return Geometry{type, std::move(pts)};
    };
    try {
        const QString head = t.section(u'(', 0, 0).trimmed().toUpper();
        if (head == QLatin1String("POINT")) {
            XY p;
            bg::read_wkt(wkt, p);
            return checked({{p.x(), p.y()}}, Geometry::Type::Point);
        }
        if (head == QLatin1String("LINESTRING")) {
            bg::model::linestring<XY> line;
            bg::read_wkt(wkt, line);
            std::vector<GeoPoint> pts;
            for (const XY &p : line)
                pts.push_back({p.x(), p.y()});
            if (pts.size() < 2)
                return Error{tr("a LINESTRING needs at least 2 positions")};
            return checked(std::move(pts), Geometry::Type::LineString);
        }
        if (head == QLatin1String("POLYGON")) {
            bg::model::polygon<XY> poly;
            bg::read_wkt(wkt, poly);
            std::vector<GeoPoint> pts;
            for (const XY &p : poly.outer())
                pts.push_back({p.x(), p.y()});
            if (pts.size() < 3)
                return Error{tr("a POLYGON needs at least 3 positions")};
            return checked(std::move(pts), Geometry::Type::Polygon);
        }
    } catch (const bg::read_wkt_exception &e) {
        return Error{tr("not a WKT geometry (%1)").arg(QString::fromUtf8(e.what()).left(120))};
    }
    return Error{tr("not a geometry: expected WKT POINT, LINESTRING or POLYGON, or GeoJSON")};
}

/// ISO 8601 with an offset, or a local time in Europe/Paris.
std::optional<Timestamp> parseTime(const QString &text)
{
    const QString t = text.trimmed();
    if (auto iso = Timestamp::parseIso(t))
        return iso;
    for (const char *format :
         {"yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss",
          "dd/MM/yyyy HH:mm", "dd/MM/yyyy HH'h'mm", "dd/MM/yyyy"}) {
        QDateTime dt = QDateTime::fromString(t, QLatin1String(format));
        if (dt.isValid()) {
            dt.setTimeZone(paris());
            return Timestamp::fromDateTime(dt);
        }
    }
    return std::nullopt;
}

std::optional<qint64> parseAttendance(const QString &text, QString *problem)
{
    QString digits = text.trimmed();
    digits.remove(u' ').remove(QChar(0x202F)).remove(QChar(0x00A0));
    if (digits.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 n = digits.toLongLong(&ok);
    if (!ok || n < 0 || n > maxPlannedAttendance)
        *problem =
            tr("\"%1\" is not a whole number from 0 to %2").arg(text.left(32)).arg(maxPlannedAttendance);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

QString withPrefix(const QString &id)
{
    return id.startsWith(QLatin1String("evt:")) ? id : QStringLiteral("evt:") + id;
}

/// A stable id for a row without one: the same title and start give the same id on every import.
QString derivedId(const QString &title, Timestamp start)
{
    static const QUuid ns = QUuid::fromString(QLatin1String("{6f0d3c0e-7a51-4b8e-9a34-1c1a1e0f7e55}"));
    return QStringLiteral("evt:") +
           QUuid::createUuidV5(ns, title + u'|' + start.toIso()).toString(QUuid::WithoutBraces);
}

enum Column
{
    Id,
    Title,
    Type,
    Start,
    End,
    Attendance,
    Organiser,
    VenueName,
    Lon,
    Lat,
    GeometryText,
    ColumnCount
};

int columnOf(const QString &header)
{
    static const std::array<QStringList, ColumnCount> names{
        QStringList{QStringLiteral("id"), QStringLiteral("identifiant"), QStringLiteral("event")},
        QStringList{QStringLiteral("title"), QStringLiteral("titre"), QStringLiteral("intitule"),
                    QStringLiteral("nom"), QStringLiteral("libelle")},
        QStringList{QStringLiteral("type"), QStringLiteral("categorie")},
        QStringList{QStringLiteral("start"), QStringLiteral("debut"), QStringLiteral("date de debut")},
        QStringList{QStringLiteral("end"), QStringLiteral("fin"), QStringLiteral("date de fin")},
        QStringList{QStringLiteral("attendance"), QStringLiteral("affluence"), QStringLiteral("participants"),
                    QStringLiteral("public"), QStringLiteral("jauge")},
        QStringList{QStringLiteral("organiser"), QStringLiteral("organizer"), QStringLiteral("organisateur")},
        QStringList{QStringLiteral("venue"), QStringLiteral("lieu"), QStringLiteral("location")},
        QStringList{QStringLiteral("lon"), QStringLiteral("longitude"), QStringLiteral("lng")},
        QStringList{QStringLiteral("lat"), QStringLiteral("latitude")},
        QStringList{QStringLiteral("geometry"), QStringLiteral("geometrie"), QStringLiteral("wkt"),
                    QStringLiteral("geojson"), QStringLiteral("geom")}};
    const QString h = folded(header);
    for (int c = 0; c < ColumnCount; ++c)
        if (names[c].contains(h))
            return c;
    return -1;
}

} // namespace

QString ImportProblem::message() const
{
    return field.isEmpty() ? QStringLiteral("%1: %2").arg(position, reason)
                           : QStringLiteral("%1: %2: %3").arg(position, field, reason);
}

QString eventTypeFromWord(const QString &word)
{
    const QString w = folded(word);
    for (const QLatin1String t : plannedEventTypes)
        if (w == t)
            return t;
    static const std::vector<std::pair<QString, QLatin1String>> french{
        {QStringLiteral("football"), QLatin1String("match")},
        {QStringLiteral("sport"), QLatin1String("match")},
        {QStringLiteral("rencontre"), QLatin1String("match")},
        {QStringLiteral("musique"), QLatin1String("concert")},
        {QStringLiteral("spectacle"), QLatin1String("concert")},
        {QStringLiteral("marche"), QLatin1String("market")},
        {QStringLiteral("brocante"), QLatin1String("market")},
        {QStringLiteral("manifestation"), QLatin1String("demonstration")},
        {QStringLiteral("defile"), QLatin1String("demonstration")},
        {QStringLiteral("cortege"), QLatin1String("demonstration")},
        {QStringLiteral("travaux"), QLatin1String("roadworks")},
        {QStringLiteral("chantier"), QLatin1String("roadworks")},
        {QStringLiteral("fermeture"), QLatin1String("closure")},
        {QStringLiteral("route barree"), QLatin1String("closure")},
        {QStringLiteral("course"), QLatin1String("closure")},
        {QStringLiteral("fete"), QLatin1String("festival")},
        {QStringLiteral("ceremonie"), QLatin1String("ceremony")},
        {QStringLiteral("commemoration"), QLatin1String("ceremony")},
        {QStringLiteral("autre"), QLatin1String("other")}};
    for (const auto &[key, type] : french)
        if (w == key)
            return type;
    return {};
}

QString eventTypeLabel(const QString &type)
{
    static const std::map<QString, const char *> labels{
        {QStringLiteral("match"), QT_TRANSLATE_NOOP("vigie::anticipation", "match")},
        {QStringLiteral("concert"), QT_TRANSLATE_NOOP("vigie::anticipation", "concert")},
        {QStringLiteral("market"), QT_TRANSLATE_NOOP("vigie::anticipation", "market")},
        {QStringLiteral("demonstration"), QT_TRANSLATE_NOOP("vigie::anticipation", "demonstration")},
        {QStringLiteral("roadworks"), QT_TRANSLATE_NOOP("vigie::anticipation", "roadworks")},
        {QStringLiteral("closure"), QT_TRANSLATE_NOOP("vigie::anticipation", "road closure")},
        {QStringLiteral("festival"), QT_TRANSLATE_NOOP("vigie::anticipation", "festival")},
        {QStringLiteral("ceremony"), QT_TRANSLATE_NOOP("vigie::anticipation", "ceremony")},
        {QStringLiteral("other"), QT_TRANSLATE_NOOP("vigie::anticipation", "other")}};
    if (auto it = labels.find(type); it != labels.end())
        return tr(it->second);
    return type;
}

ImportedEvents importCsv(const QByteArray &bytes, const QString &fileName, const ImportOptions &options)
{
    ImportedEvents out;
    const QString name = QFileInfo(fileName).fileName();
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const QString firstLine = text.section(u'\n', 0, 0);
    const QChar delimiter = firstLine.count(u';') >= firstLine.count(u',') ? u';' : u',';
    qsizetype pos = 0;
    QStringList header, row;
    (void)feeds::readCsvRecord(text, pos, delimiter, header);
    std::array<int, ColumnCount> column;
    column.fill(-1);
    for (int i = 0; i < header.size(); ++i)
        if (const int c = columnOf(header[i]); c >= 0 && column[c] < 0)
            column[c] = i;
    if (column[Title] < 0 || column[Start] < 0 || column[End] < 0) {
        out.problems.push_back(
            {QStringLiteral("%1:1").arg(name), QString(),
             tr("the header must name at least the columns title, start and end (or titre, "
                "début, fin)"),
             firstLine.toUtf8()});
        return out;
    }
    int line = 1;
    while (pos < text.size()) {
        const qsizetype rowStart = pos;
        const int rowLine = line + 1;
        const bool closed = feeds::readCsvRecord(text, pos, delimiter, row);
        const QString raw = text.mid(rowStart, pos - rowStart).trimmed();
        line += int(raw.count(u'\n')) + 1;
        if (raw.isEmpty())
            continue;
        auto refuse = [&](const char *field, const QString &reason) {
            out.problems.push_back(
                {QStringLiteral("%1:%2").arg(name).arg(rowLine), QLatin1String(field), reason, raw.toUtf8()});
        };
        if (!closed) {
            refuse("", tr("unterminated quote"));
            continue;
        }
        auto cell = [&](Column c) {
            return column[c] >= 0 && column[c] < row.size() ? row[column[c]].trimmed() : QString();
        };
        PlannedEvent e;
        e.title = cell(Title);
        if (e.title.isEmpty()) {
            refuse("title", tr("empty"));
            continue;
        }
        e.type = options.forcedType.isEmpty() ? eventTypeFromWord(cell(Type)) : options.forcedType;
        if (e.type.isEmpty()) {
            if (!cell(Type).isEmpty()) {
                refuse("type", tr("\"%1\" is not a known type of event").arg(cell(Type).left(40)));
                continue;
            }
            e.type = QStringLiteral("other");
        }
        const auto start = parseTime(cell(Start)), end = parseTime(cell(End));
        if (!start) {
            refuse("start", tr("\"%1\" is not a date and time").arg(cell(Start).left(40)));
            continue;
        }
        if (!end) {
            refuse("end", tr("\"%1\" is not a date and time").arg(cell(End).left(40)));
            continue;
        }
        if (*end < *start) {
            refuse("end", tr("before the start"));
            continue;
        }
        e.start = *start;
        e.end = *end;
        QString problem;
        e.attendance = parseAttendance(cell(Attendance), &problem);
        if (!problem.isEmpty()) {
            refuse("attendance", problem);
            continue;
        }
        e.organiser = cell(Organiser);
        e.venue = cell(VenueName);
        if (!cell(GeometryText).isEmpty()) {
            auto g = geometryFromText(cell(GeometryText));
            if (!g) {
                refuse("geometry", g.error().message);
                continue;
            }
            e.geo = *g;
        } else if (!cell(Lon).isEmpty() || !cell(Lat).isEmpty()) {
            bool okLon = false, okLat = false;
            const GeoPoint p{cell(Lon).replace(u',', u'.').toDouble(&okLon),
                             cell(Lat).replace(u',', u'.').toDouble(&okLat)};
            if (!okLon || !okLat || !isValidCoordinate(p)) {
                const bool lonBad = !okLon || !(p.lon >= -180.0 && p.lon <= 180.0);
                refuse(lonBad ? "lon" : "lat",
                       tr("\"%1, %2\" is not a longitude and latitude").arg(cell(Lon), cell(Lat)));
                continue;
            }
            e.geo = Geometry::point(p);
        } else if (auto p = venuePoint(e.venue))
            e.geo = Geometry::point(*p);
        else {
            refuse("geometry", tr("no place: give lon and lat, a geometry, or a known venue"));
            continue;
        }
        e.id = cell(Id).isEmpty() ? derivedId(e.title, e.start) : withPrefix(cell(Id));
        e.source = QStringLiteral("csv:") + name;
        out.events.push_back(std::move(e));
    }
    return out;
}

namespace {

struct IcalFree
{
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};

/// An icaltimetype as an instant: UTC, its TZID's zone (by name, through Qt's time-zone database), or
/// Europe/Paris for a floating time or a date.
std::optional<Timestamp> instantOf(icaltimetype t, icalproperty *property)
{
    if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t))
        return std::nullopt;
    const QDate date(t.year, t.month, t.day);
    const QTime time = t.is_date ? QTime(0, 0) : QTime(t.hour, t.minute, t.second);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    if (icaltime_is_utc(t))
        return Timestamp::fromDateTime(QDateTime(date, time, Qt::UTC));
    QTimeZone zone = paris();
    if (property)
        if (icalparameter *tzid = icalproperty_get_first_parameter(property, ICAL_TZID_PARAMETER)) {
            const QByteArray name = QByteArray(icalparameter_get_tzid(tzid)).trimmed();
            // Some producers write a path-like TZID ("/freeassociation.sourceforge.net/Europe/Paris").
            const QByteArray tail = name.contains('/') && name.count('/') > 1
                                        ? name.mid(name.lastIndexOf('/', name.lastIndexOf('/') - 1) + 1)
                                        : name;
            zone = QTimeZone(tail);
            if (!zone.isValid())
                return std::nullopt;
        }
    return Timestamp::fromDateTime(QDateTime(date, time, zone));
}

QString text(icalcomponent *event, icalproperty_kind kind)
{
    icalproperty *p = icalcomponent_get_first_property(event, kind);
    if (!p)
        return {};
    const char *s = icalproperty_get_value_as_string(p);
    return s ? QString::fromUtf8(s).trimmed() : QString();
}

QString unescaped(QString s)
{
    return s.replace(QLatin1String("\\,"), QLatin1String(","))
        .replace(QLatin1String("\\;"), QLatin1String(";"))
        .replace(QLatin1String("\\n"), QLatin1String("\n"));
}

} // namespace

ImportedEvents importIcs(const QByteArray &bytes, const QString &fileName, const ImportOptions &options)
{
    ImportedEvents out;
    const QString name = QFileInfo(fileName).fileName();
    std::unique_ptr<icalcomponent, IcalFree> root(icalparser_parse_string(bytes.constData()));
    if (!root) {
        out.problems.push_back(
            {name, QString(), tr("not an iCalendar file (no VCALENDAR could be read)"), bytes.left(4096)});
        return out;
    }
    std::vector<icalcomponent *> vevents;
    if (icalcomponent_isa(root.get()) == ICAL_VEVENT_COMPONENT)
        vevents.push_back(root.get());
    for (icalcomponent *c = icalcomponent_get_first_component(root.get(), ICAL_VEVENT_COMPONENT); c;
         c = icalcomponent_get_next_component(root.get(), ICAL_VEVENT_COMPONENT))
        vevents.push_back(c);
    static const QRegularExpression attendanceInText(
        QStringLiteral("(?:affluence|attendance|participants|public|jauge)\\s*[:=]?\\s*([0-9][0-9  .]*)"),
        QRegularExpression::CaseInsensitiveOption);
    for (icalcomponent *v : vevents) {
        const QString uid = text(v, ICAL_UID_PROPERTY);
        const QString where =
            QStringLiteral("%1 UID=%2").arg(name, uid.isEmpty() ? QStringLiteral("?") : uid);
        char *raw = icalcomponent_as_ical_string(v);
        const QByteArray input = QByteArray(raw ? raw : "").left(16384);
        auto refuse = [&](const QString &field, const QString &reason) {
            out.problems.push_back({where, field, reason, input});
        };
        if (uid.isEmpty()) {
            refuse(QStringLiteral("UID"), tr("missing"));
            continue;
        }
        // libical keeps what it could not parse as X-LIC-ERROR properties of the component.
        if (icalproperty *err = icalcomponent_get_first_property(v, ICAL_XLICERROR_PROPERTY)) {
            const QString message = QString::fromUtf8(icalproperty_get_xlicerror(err));
            const QString field = message.contains(QLatin1String("RRULE"), Qt::CaseInsensitive)
                                      ? QStringLiteral("RRULE")
                                      : message.section(u' ', 0, 0);
            refuse(field, message.left(300));
            continue;
        }
        PlannedEvent base;
        base.title = unescaped(text(v, ICAL_SUMMARY_PROPERTY));
        if (base.title.isEmpty()) {
            refuse(QStringLiteral("SUMMARY"), tr("missing"));
            continue;
        }
        icalproperty *dtstart = icalcomponent_get_first_property(v, ICAL_DTSTART_PROPERTY);
        icalproperty *dtend = icalcomponent_get_first_property(v, ICAL_DTEND_PROPERTY);
        const icaltimetype startTime = dtstart ? icalproperty_get_dtstart(dtstart) : icaltime_null_time();
        const auto start = instantOf(startTime, dtstart);
        if (!start) {
            refuse(QStringLiteral("DTSTART"), tr("missing, invalid, or in an unknown TZID"));
            continue;
        }
        std::optional<Timestamp> end;
        if (dtend)
            end = instantOf(icalproperty_get_dtend(dtend), dtend);
        else if (icalproperty *d = icalcomponent_get_first_property(v, ICAL_DURATION_PROPERTY))
            end = Timestamp{start->msecs +
                            qint64(icaldurationtype_as_int(icalproperty_get_duration(d))) * 1000};
        else
            end = Timestamp{start->msecs + (startTime.is_date ? 86'400'000 : 0)};
        if (!end) {
            refuse(QStringLiteral("DTEND"), tr("invalid, or in an unknown TZID"));
            continue;
        }
        if (*end < *start) {
            refuse(QStringLiteral("DTEND"), tr("before DTSTART"));
            continue;
        }
        base.venue = unescaped(text(v, ICAL_LOCATION_PROPERTY));
        base.organiser = unescaped(text(v, ICAL_ORGANIZER_PROPERTY))
                             .remove(QRegularExpression(QStringLiteral("^mailto:"),
                                                        QRegularExpression::CaseInsensitiveOption));
        base.type = options.forcedType;
        for (icalproperty *c = icalcomponent_get_first_property(v, ICAL_CATEGORIES_PROPERTY);
             c && base.type.isEmpty(); c = icalcomponent_get_next_property(v, ICAL_CATEGORIES_PROPERTY))
            for (const QString &word :
                 unescaped(QString::fromUtf8(icalproperty_get_categories(c))).split(u','))
                if (base.type.isEmpty())
                    base.type = eventTypeFromWord(word);
        if (base.type.isEmpty())
            base.type = QStringLiteral("other");
        QString attendanceText;
        for (icalproperty *x = icalcomponent_get_first_property(v, ICAL_X_PROPERTY); x;
             x = icalcomponent_get_next_property(v, ICAL_X_PROPERTY)) {
            const QByteArray xname = QByteArray(icalproperty_get_x_name(x)).toUpper();
            if (xname == "X-VIGIE-ATTENDANCE" || xname == "X-ATTENDANCE")
                attendanceText = QString::fromUtf8(icalproperty_get_x(x));
        }
        if (attendanceText.isEmpty())
            if (const auto m = attendanceInText.match(text(v, ICAL_DESCRIPTION_PROPERTY)); m.hasMatch())
                attendanceText = m.captured(1).remove(u'.');
        QString problem;
        base.attendance = parseAttendance(attendanceText, &problem);
        if (!problem.isEmpty()) {
            refuse(QStringLiteral("attendance"), problem);
            continue;
        }
        if (icalproperty *geo = icalcomponent_get_first_property(v, ICAL_GEO_PROPERTY)) {
            const icalgeotype g = icalproperty_get_geo(geo);
            const GeoPoint p{g.lon, g.lat};
            if (!isValidCoordinate(p)) {
                refuse(QStringLiteral("GEO"), tr("coordinate out of range"));
                continue;
            }
            base.geo = Geometry::point(p);
        } else if (auto p = venuePoint(base.venue))
            base.geo = Geometry::point(*p);
        else {
            refuse(QStringLiteral("GEO"), tr("no place: neither GEO nor a known venue in LOCATION"));
            continue;
        }
        base.source = QStringLiteral("ics:") + uid;
        icalproperty *rrule = icalcomponent_get_first_property(v, ICAL_RRULE_PROPERTY);
        if (!rrule) {
            base.id = QStringLiteral("evt:ics:") + uid;
            base.start = *start;
            base.end = *end;
            out.events.push_back(std::move(base));
            continue;
        }
        std::vector<icaltimetype> excluded;
        for (icalproperty *x = icalcomponent_get_first_property(v, ICAL_EXDATE_PROPERTY); x;
             x = icalcomponent_get_next_property(v, ICAL_EXDATE_PROPERTY))
            excluded.push_back(icalproperty_get_exdate(x));
        const qint64 duration = end->msecs - start->msecs;
        icalrecur_iterator *it = icalrecur_iterator_new(icalproperty_get_rrule(rrule), startTime);
        if (!it) {
            refuse(QStringLiteral("RRULE"), tr("cannot be expanded"));
            continue;
        }
        int produced = 0;
        for (icaltimetype t = icalrecur_iterator_next(it); !icaltime_is_null_time(t) && produced < 2000;
             t = icalrecur_iterator_next(it)) {
            const auto at = instantOf(t, dtstart);
            if (!at || *at > options.to)
                break;
            if (at->msecs + duration < options.from.msecs)
                continue;
            if (std::any_of(excluded.begin(), excluded.end(),
                            [&](const icaltimetype &x) { return icaltime_compare(x, t) == 0; }))
                continue;
            PlannedEvent occurrence = base;
            occurrence.start = *at;
            occurrence.end = Timestamp{at->msecs + duration};
            occurrence.id = QStringLiteral("evt:ics:%1:%2")
                                .arg(uid)
                                .arg(QStringLiteral("%1%2%3T%4%5")
                                         .arg(t.year, 4, 10, QLatin1Char('0'))
                                         .arg(t.month, 2, 10, QLatin1Char('0'))
                                         .arg(t.day, 2, 10, QLatin1Char('0'))
                                         .arg(t.hour, 2, 10, QLatin1Char('0'))
                                         .arg(t.minute, 2, 10, QLatin1Char('0')));
            out.events.push_back(std::move(occurrence));
            ++produced;
        }
        icalrecur_iterator_free(it);
    }
    return out;
}

Result<ImportedEvents> importEventsFile(const QString &path, const ImportOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QCoreApplication::translate("vigie::anticipation", "%1: cannot be read (%2)")
                         .arg(path, file.errorString())};
    const QByteArray bytes = file.readAll();
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("ics") || suffix == QLatin1String("ical") ||
        bytes.trimmed().startsWith("BEGIN:VCALENDAR"))
        return importIcs(bytes, path, options);
    return importCsv(bytes, path, options);
}

Entry planDraft(const PlannedEvent &event, const QString &author, Timestamp now)
{
    Entry e;
    e.kind = kinds::eventPlan;
    e.eventTime = now;
    e.author = author;
    e.geo = event.geo;
    e.data = event.planData();
    return e;
}

Entry cancelDraft(const QString &eventId, const QString &reason, const QString &author, Timestamp now)
{
    Entry e;
    e.kind = kinds::eventCancel;
    e.eventTime = now;
    e.author = author;
    e.data.insert(QStringLiteral("event"), eventId);
    if (!reason.isEmpty())
        e.data.insert(QStringLiteral("reason"), reason);
    return e;
}

ImportPlan planImport(const std::vector<PlannedEvent> &events,
                      const std::map<QString, PlannedEvent> &calendar, const QString &author, Timestamp now,
                      const Anonymiser *anonymiser)
{
    ImportPlan plan;
    std::map<QString, const PlannedEvent *> seen; // a file naming an id twice: its last row wins
    for (const PlannedEvent &e : events)
        seen[e.id] = &e;
    for (const PlannedEvent &e : events) {
        if (seen[e.id] != &e)
            continue;
        // Compared as the picture will hold it after the round trip through the room (scrubbed, times to the
        // second).
        Entry draft = planDraft(e, author, now);
        Entry stored = draft;
        if (anonymiser)
            stored.data = anonymiser->scrubJson(stored.data);
        const PlannedEvent asStored = PlannedEvent::fromEntry(stored);
        auto it = calendar.find(asStored.id);
        if (it != calendar.end() && it->second.samePlan(asStored)) {
            ++plan.unchanged;
            continue;
        }
        ++(it == calendar.end() ? plan.added : plan.replaced);
        plan.drafts.push_back(std::move(draft));
    }
    return plan;
}

} // namespace vigie::anticipation
