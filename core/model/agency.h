#pragma once
// The services that share the room. One concept, one name: these strings are used in entries, files and code.
#include <QString>

#include <array>
#include <optional>

namespace vigie {

enum class Agency
{
    Fire,      ///< marins-pompiers (BMPM)
    Samu,      ///< SAMU / SMUR
    Police,    ///< police nationale and municipale
    Officials, ///< elected officials and the city's crisis cell (PCC)
};

inline constexpr std::array<Agency, 4> allAgencies{Agency::Fire, Agency::Samu, Agency::Police,
                                                   Agency::Officials};

[[nodiscard]] QString agencyId(Agency agency);
[[nodiscard]] std::optional<Agency> agencyFromId(const QString &id);

} // namespace vigie
