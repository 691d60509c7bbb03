#include "maps/street_labels.h"

#include "maps/tile_style.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <map>

namespace vigie::maps {

namespace {

constexpr double cell = 32; ///< overlap grid, zoom-level pixels

qint64 key(int x, int y)
{
    return (qint64(x) << 32) ^ qint64(quint32(y));
}

/// A road line in zoom-level pixels with its cumulative lengths, walked by distance from its start.
struct Walk
{
    QPolygonF points;
    std::vector<double> at; ///< distance of each point from the start

    explicit Walk(QPolygonF line) : points(std::move(line))
    {
        at.reserve(std::size_t(points.size()));
        double d = 0;
        for (qsizetype i = 0; i < points.size(); ++i) {
            if (i > 0)
                d += std::hypot(points[i].x() - points[i - 1].x(), points[i].y() - points[i - 1].y());
            at.push_back(d);
        }
    }
    [[nodiscard]] double length() const { return at.empty() ? 0 : at.back(); }
    [[nodiscard]] QPointF point(double s) const
    {
        s = std::clamp(s, 0.0, length());
        const auto it = std::upper_bound(at.begin(), at.end(), s);
        const std::size_t i = std::clamp<std::size_t>(std::size_t(it - at.begin()), 1, at.size() - 1);
        const double span = at[i] - at[i - 1];
        const double t = span > 0 ? (s - at[i - 1]) / span : 0;
        return points[qsizetype(i - 1)] + (points[qsizetype(i)] - points[qsizetype(i - 1)]) * t;
    }
};

/// Joins the ways of one street that meet end to end: OSM cuts a street at every change of its tags, and the
/// name often needs more room than one piece gives.
std::vector<QPolygonF> chainWays(std::vector<QPolygonF> ways)
{
    std::vector<QPolygonF> out;
    while (!ways.empty()) {
        QPolygonF chain = std::move(ways.back());
        ways.pop_back();
        bool grown = true;
        while (grown) {
            grown = false;
            for (std::size_t i = 0; i < ways.size(); ++i) {
                QPolygonF &w = ways[i];
                if (w.front() == chain.back()) {
                    chain += w.mid(1);
                } else if (w.back() == chain.back()) {
                    std::reverse(w.begin(), w.end());
                    chain += w.mid(1);
                } else if (w.back() == chain.front()) {
                    chain = w + chain.mid(1);
                } else if (w.front() == chain.front()) {
                    std::reverse(w.begin(), w.end());
                    chain = w + chain.mid(1);
                } else {
                    continue;
                }
                ways.erase(ways.begin() + qsizetype(i));
                grown = true;
                break;
            }
        }
        out.push_back(std::move(chain));
    }
    return out;
}

double normalise(double degrees)
{
    while (degrees > 180)
        degrees -= 360;
    while (degrees <= -180)
        degrees += 360;
    return degrees;
}

} // namespace

StreetLabels::StreetLabels(const OsmFeatures &features, int zoom, StreetLabelOptions options) : m_zoom(zoom)
{
    const double scale = std::exp2(zoom);
    const int maxRank = zoom >= 17 ? 5 : 4;
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(zoom >= 17 ? options.pixelSize + 1 : options.pixelSize);
    const QFontMetricsF fm(font);
    const double baseline = (fm.ascent() - fm.descent()) / 2; // glyphs centred on the road's line

    // Streets by name, and by their most important piece's rank.
    struct Street
    {
        int rank = 99;
        std::vector<QPolygonF> ways;
    };
    std::map<QString, Street> streets;
    for (const OsmRoad &r : features.roads) {
        if (r.name.isEmpty() || r.rank > maxRank)
            continue;
        Street &s = streets[r.name];
        s.rank = std::min(s.rank, r.rank);
        QPolygonF line;
        line.reserve(r.line.size());
        for (const QPointF &p : r.line)
            line << p * scale;
        s.ways.push_back(std::move(line));
    }
    struct Candidate
    {
        const QString *name;
        int rank;
        Walk walk;
    };
    std::vector<Candidate> chains;
    for (auto &[name, street] : streets)
        for (QPolygonF &line : chainWays(std::move(street.ways)))
            chains.push_back({&name, street.rank, Walk(std::move(line))});
    std::stable_sort(chains.begin(), chains.end(), [](const Candidate &a, const Candidate &b) {
        return a.rank != b.rank ? a.rank < b.rank : a.walk.length() > b.walk.length();
    });

    QHash<qint64, std::vector<QRectF>> taken; // glyph boxes placed so far, by grid cell
    const auto isFree = [&](const QRectF &box) {
        for (int cx = int(std::floor(box.left() / cell)); cx <= int(std::floor(box.right() / cell)); ++cx)
            for (int cy = int(std::floor(box.top() / cell)); cy <= int(std::floor(box.bottom() / cell)); ++cy)
                if (const auto it = taken.constFind(key(cx, cy)); it != taken.constEnd())
                    for (const QRectF &o : *it)
                        if (o.intersects(box))
                            return false;
        return true;
    };
    std::map<QString, std::vector<QPointF>> named; // where each name is already written

    for (const Candidate &c : chains) {
        const QString &text = *c.name;
        // Each glyph's left edge and width from the advances of the text up to it: kerning is kept.
        std::vector<double> left, width;
        for (qsizetype i = 0; i < text.size(); ++i) {
            left.push_back(fm.horizontalAdvance(text.left(i)));
            width.push_back(fm.horizontalAdvance(text.left(i + 1)) - left.back());
        }
        const double textWidth = fm.horizontalAdvance(text);
        const double length = c.walk.length();
        if (length < textWidth + 8)
            continue;
        // Positions along the road, from its middle outwards.
        std::vector<double> centres;
        const double lo = textWidth / 2 + 4, hi = length - textWidth / 2 - 4, mid = length / 2;
        for (double d = 0; mid - d >= lo || mid + d <= hi; d += 24) {
            if (mid + d <= hi)
                centres.push_back(mid + d);
            if (d > 0 && mid - d >= lo)
                centres.push_back(mid - d);
        }
        for (const double centre : centres) {
            const QPointF here = c.walk.point(centre);
            auto &seen = named[text];
            if (std::any_of(seen.begin(), seen.end(), [&](const QPointF &o) {
                    return std::hypot(o.x() - here.x(), o.y() - here.y()) < options.repeatPixels;
                }))
                continue;
            // Read left to right: walk the stretch backwards when it runs right to left.
            const QPointF a = c.walk.point(centre - textWidth / 2), b = c.walk.point(centre + textWidth / 2);
            const bool backwards = b.x() < a.x();
            StreetLabel label{text, {}, {}, {}};
            bool fits = true;
            double previous = 0, lowest = 0, highest = 0;
            for (std::size_t i = 0; i < left.size() && fits; ++i) {
                const double offset = left[i] + width[i] / 2 - textWidth / 2;
                const double s = backwards ? centre - offset : centre + offset;
                const double half = std::max(width[i] / 2, 2.0);
                const QPointF from = c.walk.point(backwards ? s + half : s - half);
                const QPointF to = c.walk.point(backwards ? s - half : s + half);
                const double angle = normalise(std::atan2(to.y() - from.y(), to.x() - from.x()) * 180 / M_PI);
                // Unwrapped against the previous glyph, so that the turn is measured across ±180.
                const double unwrapped = i == 0 ? angle : previous + normalise(angle - previous);
                if (i > 0 && std::abs(unwrapped - previous) > options.maxTurnDegrees)
                    fits = false;
                lowest = i == 0 ? unwrapped : std::min(lowest, unwrapped);
                highest = i == 0 ? unwrapped : std::max(highest, unwrapped);
                if (highest - lowest > options.maxTotalDegrees || std::abs(angle) > 100)
                    fits = false;
                previous = unwrapped;
                const QPointF at = c.walk.point(s);
                const QTransform turn = QTransform().translate(at.x(), at.y()).rotate(angle);
                const QRectF box =
                    turn.mapRect(QRectF(-width[i] / 2, -fm.height() / 2, width[i], fm.height()));
                if (!isFree(box))
                    fits = false;
                label.glyphs.push_back({at, angle, box});
            }
            if (!fits)
                continue;
            for (std::size_t i = 0; i < label.glyphs.size(); ++i) {
                const StreetGlyph &g = label.glyphs[i];
                QPainterPath glyph;
                glyph.addText(-width[i] / 2, baseline, font, text.mid(qsizetype(i), 1));
                label.path.addPath(
                    QTransform().translate(g.centre.x(), g.centre.y()).rotate(g.angle).map(glyph));
                const QRectF &box = g.box;
                for (int cx = int(std::floor(box.left() / cell)); cx <= int(std::floor(box.right() / cell));
                     ++cx)
                    for (int cy = int(std::floor(box.top() / cell));
                         cy <= int(std::floor(box.bottom() / cell)); ++cy)
                        taken[key(cx, cy)].push_back(box);
            }
            label.bounds = label.path.boundingRect().adjusted(-2, -2, 2, 2);
            seen.push_back(here);
            const int index = int(m_labels.size());
            for (int tx = int(std::floor(label.bounds.left() / 256));
                 tx <= int(std::floor(label.bounds.right() / 256)); ++tx)
                for (int ty = int(std::floor(label.bounds.top() / 256));
                     ty <= int(std::floor(label.bounds.bottom() / 256)); ++ty)
                    m_tiles[key(tx, ty)].push_back(index);
            m_labels.push_back(std::move(label));
        }
    }
}

std::vector<int> StreetLabels::inTile(int x, int y) const
{
    return m_tiles.value(key(x, y));
}

void StreetLabels::drawTile(QPainter &p, int x, int y) const
{
    const auto it = m_tiles.constFind(key(x, y));
    if (it == m_tiles.constEnd())
        return;
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.translate(-x * 256.0, -y * 256.0);
    const QPen halo(QColor(255, 255, 255, 230), 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    for (int i : *it) {
        const StreetLabel &l = m_labels[std::size_t(i)];
        p.strokePath(l.path, halo);
        p.fillPath(l.path, style::label);
    }
    p.restore();
}

} // namespace vigie::maps
