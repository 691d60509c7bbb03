#pragma once
// Coverage of the city while units are away, in the spirit of Daskin's maximum expected covering location
// model (MEXCLP, 1983): a sector j reached within the target time by k available units is covered with
// probability 1 − q^k (q: the chance a unit is busy). Sending unit u away loses, for each sector it
// covers, w_j (1 − q) q^(k_j − 1). That marginal loss is the coverage term of the allocation cost; it is
// computed per unit against the current fleet (a linearisation: sending two units that cover the same
// sector is counted as two single losses).
#include "model/geo.h"

#include <QStringList>

#include <vector>

namespace vigie::allocation {

struct Sector
{
    QString id;
    QString name;
    GeoPoint position; ///< demand point (the station's sector centre or the station itself)
    double weight = 1.0;
};

struct CoverageParams
{
    double targetSeconds = 600.0; ///< 10 minutes, the usual French target for a first engine
    double busyProbability = 0.3; ///< q
};

struct CoverageImpact
{
    std::vector<double> loss;                   ///< per unit
    std::vector<int> coveringUnits;             ///< per sector: available units within the target
    std::vector<std::vector<std::size_t>> sole; ///< per unit: sectors it is the only one to cover
};

/// `secondsToSector` is units × sectors, row-major.
[[nodiscard]] CoverageImpact coverageImpact(const std::vector<double> &secondsToSector, std::size_t units,
                                            const std::vector<Sector> &sectors, const CoverageParams &params);

} // namespace vigie::allocation
