#include "routing/road_network.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

#include <cmath>
#include <cstring>

namespace vigie::routing {

namespace {

constexpr char magic[8] = {'V', 'G', 'R', 'O', 'A', 'D', 'S', '1'};

struct DiskNode
{
    std::int32_t lon;
    std::int32_t lat;
};

struct DiskEdge
{
    std::uint32_t from;
    std::uint32_t to;
    float meters;
    std::uint8_t roadClass;
    std::uint8_t maxspeed;
    std::uint16_t reserved;
};
static_assert(sizeof(DiskNode) == 8 && sizeof(DiskEdge) == 16, "roads.bin layout is fixed");

} // namespace

double classSpeedKmh(RoadClass c)
{
    switch (c) {
    case RoadClass::Motorway:
        return 110.0;
    case RoadClass::Trunk:
        return 90.0;
    case RoadClass::Primary:
        return 50.0;
    case RoadClass::Secondary:
        return 45.0;
    case RoadClass::Tertiary:
        return 40.0;
    case RoadClass::Unclassified:
        return 35.0;
    case RoadClass::Residential:
        return 30.0;
    case RoadClass::LivingStreet:
        return 15.0;
    case RoadClass::Service:
        return 20.0;
    case RoadClass::Count:
        break;
    }
    return 30.0;
}

const char *roadClassName(RoadClass c)
{
    static const char *names[] = {"motorway",     "trunk",       "primary",       "secondary", "tertiary",
                                  "unclassified", "residential", "living_street", "service"};
    const auto i = std::size_t(c);
    return i < std::size(names) ? names[i] : "unknown";
}

std::optional<GeoBox> RoadNetwork::bounds() const
{
    if (nodes.empty())
        return std::nullopt;
    GeoBox b{nodes[0].lon, nodes[0].lat, nodes[0].lon, nodes[0].lat};
    for (const GeoPoint &p : nodes) {
        b.minLon = std::min(b.minLon, p.lon);
        b.maxLon = std::max(b.maxLon, p.lon);
        b.minLat = std::min(b.minLat, p.lat);
        b.maxLat = std::max(b.maxLat, p.lat);
    }
    return b;
}

QString roadFilePath(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("roads.bin"));
}

Result<void> saveRoadNetwork(const RoadNetwork &network, const QString &dir)
{
    if (!QDir().mkpath(dir))
        return Error{QStringLiteral("cannot create the directory %1 for the road network").arg(dir)};
    const QString path = roadFilePath(dir);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    QByteArray bytes;
    bytes.reserve(
        16 + qsizetype(network.nodes.size() * sizeof(DiskNode) + network.edges.size() * sizeof(DiskEdge)));
    bytes.append(magic, sizeof magic);
    const std::uint32_t counts[2] = {std::uint32_t(network.nodes.size()),
                                     std::uint32_t(network.edges.size())};
    bytes.append(reinterpret_cast<const char *>(counts), sizeof counts);
    for (const GeoPoint &p : network.nodes) {
        const DiskNode n{std::int32_t(std::lround(p.lon * 1e7)), std::int32_t(std::lround(p.lat * 1e7))};
        bytes.append(reinterpret_cast<const char *>(&n), sizeof n);
    }
    for (const RoadEdge &e : network.edges) {
        const DiskEdge d{e.from, e.to, e.meters, std::uint8_t(e.roadClass), e.maxspeedKmh, 0};
        bytes.append(reinterpret_cast<const char *>(&d), sizeof d);
    }
    file.write(bytes);
    if (!file.commit())
        return Error{QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    return {};
}

Result<RoadNetwork> loadRoadNetwork(const QString &dir)
{
    const QString path = roadFilePath(dir);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("no road network at %1 (%2); import one with `vigie-cli import-roads "
                                    "FILE.osm.pbf --out %3`")
                         .arg(path, file.errorString(), dir)};
    const QByteArray bytes = file.readAll();
    if (bytes.size() < 16 || std::memcmp(bytes.constData(), magic, sizeof magic) != 0)
        return Error{QStringLiteral("%1 is not a Vigie road file (bad header); re-import it").arg(path)};
    std::uint32_t counts[2];
    std::memcpy(counts, bytes.constData() + 8, sizeof counts);
    const qsizetype expected = 16 + qsizetype(counts[0]) * qsizetype(sizeof(DiskNode)) +
                               qsizetype(counts[1]) * qsizetype(sizeof(DiskEdge));
    if (bytes.size() != expected)
        return Error{QStringLiteral("%1 is truncated or damaged (%2 bytes, %3 expected for %4 nodes and %5 "
                                    "edges); re-import it")
                         .arg(path)
                         .arg(bytes.size())
                         .arg(expected)
                         .arg(counts[0])
                         .arg(counts[1])};
    RoadNetwork net;
    std::vector<DiskNode> nodes(counts[0]);
    std::vector<DiskEdge> edges(counts[1]);
    std::memcpy(nodes.data(), bytes.constData() + 16, nodes.size() * sizeof(DiskNode));
    std::memcpy(edges.data(), bytes.constData() + 16 + nodes.size() * sizeof(DiskNode),
                edges.size() * sizeof(DiskEdge));
    net.nodes.reserve(nodes.size());
    for (const DiskNode &n : nodes)
        net.nodes.push_back({n.lon / 1e7, n.lat / 1e7});
    net.edges.reserve(edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const DiskEdge &d = edges[i];
        if (d.from >= counts[0] || d.to >= counts[0] || d.roadClass >= std::uint8_t(RoadClass::Count) ||
            !(d.meters >= 0.0f))
            return Error{QStringLiteral("%1: edge %2 is invalid (node or class out of range); re-import it")
                             .arg(path)
                             .arg(i)};
        net.edges.push_back({d.from, d.to, d.meters, RoadClass(d.roadClass), d.maxspeed});
    }
    return net;
}

} // namespace vigie::routing
