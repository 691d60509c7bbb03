// NMEA 0183 by hand: Qt Positioning's QNmeaPositionInfoSource reads one live device and hides per-sentence
// errors; here each bad sentence must be refused with its line, and GGA/RMC pairs of one fix must merge.
#include "feeds/feed_adapters.h"

#include <QDate>
#include <QDateTime>
#include <QTime>

namespace vigie::feeds {

namespace {

bool checksumOk(const QByteArray &line, QString *problem)
{
    const qsizetype star = line.lastIndexOf('*');
    if (star < 0) {
        *problem = QStringLiteral("no checksum (*hh)");
        return false;
    }
    unsigned char sum = 0;
    for (qsizetype i = 1; i < star; ++i)
        sum ^= static_cast<unsigned char>(line[i]);
    bool ok = false;
    const unsigned expected = line.mid(star + 1, 2).toUInt(&ok, 16);
    if (!ok || line.size() < star + 3) {
        *problem = QStringLiteral("malformed checksum");
        return false;
    }
    if (expected != sum) {
        *problem = QStringLiteral("checksum %1 does not match the sentence (%2)")
                       .arg(expected, 2, 16, QLatin1Char('0'))
                       .arg(sum, 2, 16, QLatin1Char('0'));
        return false;
    }
    return true;
}

// ddmm.mmmm + hemisphere → degrees.
std::optional<double> angle(const QByteArray &value, const QByteArray &hemisphere, int degreeDigits)
{
    bool ok = false;
    const double raw = value.toDouble(&ok);
    if (!ok || value.size() < degreeDigits + 2)
        return std::nullopt;
    const double degrees = std::floor(raw / 100.0);
    const double minutes = raw - degrees * 100.0;
    if (minutes >= 60.0)
        return std::nullopt;
    double d = degrees + minutes / 60.0;
    if (hemisphere == "S" || hemisphere == "W")
        d = -d;
    else if (hemisphere != "N" && hemisphere != "E")
        return std::nullopt;
    return d;
}

/// The value of `count` ASCII digits at `at`, or -1. Read by hand rather than with QTime/QDate::fromString:
/// those build a format parser for every call, and were half the cost of reading a position.
int digits(const QByteArray &value, qsizetype at, int count)
{
    int v = 0;
    for (int i = 0; i < count; ++i) {
        const char c = value[at + i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

std::optional<QTime> fixTime(const QByteArray &value)
{
    if (value.size() < 6)
        return std::nullopt;
    const int h = digits(value, 0, 2), m = digits(value, 2, 2), s = digits(value, 4, 2);
    if (!QTime::isValid(h, m, s)) // also false for -1
        return std::nullopt;
    bool ok = true;
    const double fraction = value.size() > 7 ? QByteArray("0" + value.mid(6)).toDouble(&ok) : 0.0;
    if (ok && !(fraction >= 0.0 && fraction < 1.0))
        return std::nullopt; // "123456.5e20" or "12345699": not a fraction of a second (and int(…) is UB)
    return QTime(h, m, s).addMSecs(ok ? int(fraction * 1000) : 0);
}

std::optional<QDate> rmcDate(const QByteArray &value)
{
    if (value.size() != 6)
        return std::nullopt;
    const int d = digits(value, 0, 2), m = digits(value, 2, 2), y = digits(value, 4, 2);
    if (y < 0)
        return std::nullopt;
    const int year = y < 80 ? 2000 + y : 1900 + y; // GPS epoch 1980: two-digit years before 80 are 20yy
    if (!QDate::isValid(year, m, d))
        return std::nullopt;
    return QDate(year, m, d);
}

} // namespace

int NmeaAdapter::sniff(const QByteArray &bytes) const
{
    const QByteArray h = bytes.left(4096);
    return h.contains("GGA,") || h.contains("RMC,") || h.startsWith("$G") ? 70 : 0;
}

FeedBatch NmeaAdapter::parse(const QByteArray &bytes, const FeedContext &context) const
{
    FeedBatch out;
    if (bytes.size() > maxStreamBytes) {
        out.reject(
            QStringLiteral("stream"),
            QStringLiteral("NMEA: input of %1 bytes is too large for one batch; stream it").arg(bytes.size()),
            bytes.left(4096));
        return out;
    }
    const QString unit = context.unit.isEmpty() ? context.source : context.unit;
    const QList<QByteArray> lines = bytes.split('\n');
    // GGA has no date: take it from the RMC sentences of the same stream.
    std::optional<QDate> date;
    for (const auto &l : lines) {
        const auto f = l.trimmed().split(',');
        if (f.size() > 9 && f[0].size() == 6 && f[0].endsWith("RMC"))
            if ((date = rmcDate(f[9])))
                break;
    }
    int lineNo = 0;
    for (const auto &rawLine : lines) {
        ++lineNo;
        const QByteArray line = rawLine.trimmed();
        const QString where = QStringLiteral("line %1").arg(lineNo);
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (!line.startsWith('$') && !line.startsWith('!')) {
            out.reject(where, QStringLiteral("NMEA: not a sentence (must start with $ or !)"),
                       line.left(200));
            continue;
        }
        if (const QString bad = utf8Problem(line); !bad.isEmpty() || line.size() > 200) {
            out.reject(where,
                       QStringLiteral("NMEA: %1")
                           .arg(bad.isEmpty() ? QStringLiteral("sentence longer than 200 bytes") : bad),
                       line.left(200));
            continue;
        }
        QString problem;
        if (!checksumOk(line, &problem)) {
            out.reject(where, QStringLiteral("NMEA: ") + problem, line);
            continue;
        }
        const QList<QByteArray> f = line.left(line.lastIndexOf('*')).split(',');
        const QByteArray type = f[0].size() == 6 ? f[0].mid(3) : QByteArray();
        std::optional<double> lat, lon;
        std::optional<QTime> time;
        std::optional<QDate> day = date;
        if (type == "GGA") {
            if (f.size() < 7) {
                out.reject(where, QStringLiteral("NMEA GGA: %1 fields, 15 expected").arg(f.size()), line);
                continue;
            }
            if (f[6].isEmpty() || f[6] == "0") {
                ++out.ignored; // no fix yet: nothing to place
                continue;
            }
            time = fixTime(f[1]);
            lat = angle(f[2], f[3], 2);
            lon = angle(f[4], f[5], 3);
        } else if (type == "RMC") {
            if (f.size() < 10) {
                out.reject(where, QStringLiteral("NMEA RMC: %1 fields, 12 expected").arg(f.size()), line);
                continue;
            }
            if (f[2] != "A") {
                ++out.ignored;
                continue;
            }
            time = fixTime(f[1]);
            lat = angle(f[3], f[4], 2);
            lon = angle(f[5], f[6], 3);
            day = rmcDate(f[9]);
        } else {
            ++out.ignored; // satellites, DOP, course…: not a position
            continue;
        }
        if (!time || !lat || !lon || !isValidCoordinate({*lon, *lat})) {
            out.reject(
                where,
                QStringLiteral("NMEA %1: time or coordinates unreadable").arg(QString::fromLatin1(type)),
                line);
            continue;
        }
        if (!day) {
            out.reject(where, QStringLiteral("NMEA GGA: no date (no valid RMC sentence in the stream)"),
                       line);
            continue;
        }
        const QDateTime at(*day, *time, Qt::UTC);
        Entry e;
        e.kind = QStringLiteral("unit.position");
        e.eventTime = Timestamp{at.toMSecsSinceEpoch()};
        e.author = context.source;
        e.role = QStringLiteral("feed");
        e.agency = context.agency;
        e.geo = Geometry::point({*lon, *lat});
        e.data = {{QStringLiteral("unit"), unit}, {QStringLiteral("feed"), QStringLiteral("nmea")}};
        out.messages.push_back(
            {QStringLiteral("nmea:%1@%2").arg(unit).arg(e.eventTime.msecs), where, {std::move(e)}});
    }
    return out;
}

} // namespace vigie::feeds
