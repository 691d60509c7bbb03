#include "allocation/coverage.h"

#include <cmath>

namespace vigie::allocation {

CoverageImpact coverageImpact(const std::vector<double> &secondsToSector, std::size_t units,
                              const std::vector<Sector> &sectors, const CoverageParams &params)
{
    const std::size_t ns = sectors.size();
    CoverageImpact out;
    out.loss.assign(units, 0.0);
    out.coveringUnits.assign(ns, 0);
    out.sole.resize(units);
    auto covers = [&](std::size_t u, std::size_t j) {
        return secondsToSector[u * ns + j] <= params.targetSeconds;
    };
    for (std::size_t u = 0; u < units; ++u)
        for (std::size_t j = 0; j < ns; ++j)
            out.coveringUnits[j] += covers(u, j) ? 1 : 0;
    const double q = params.busyProbability;
    for (std::size_t u = 0; u < units; ++u)
        for (std::size_t j = 0; j < ns; ++j)
            if (covers(u, j)) {
                const int k = out.coveringUnits[j];
                out.loss[u] += sectors[j].weight * (1 - q) * std::pow(q, k - 1);
                if (k == 1)
                    out.sole[u].push_back(j);
            }
    return out;
}

} // namespace vigie::allocation
