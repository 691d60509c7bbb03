#pragma once
// The console's demo room, fresh at every start: the embedded demo written into a folder of its own that is
// removed when the session ends. Notes, decisions and proposals made in the demo are kept for the session
// only, so every user starts from the same 14 July evening and a trial never mixes with the next one.
// (A room the user opens with --room is theirs: it is written to as always.)
#include "demo/demo_room.h"

#include <QTemporaryDir>

#include <memory>

namespace vigie {

class DemoSession
{
public:
    /// Writes a fresh demo room under `parentDir` (default: the system's temporary folder) and returns the
    /// session that owns it. The room is closed again: open it with Room::open(path()).
    [[nodiscard]] static Result<std::unique_ptr<DemoSession>> start(const Clock &clock,
                                                                    const QString &parentDir = {});
    /// The same, for a demo that plays an exercise scenario: an empty exercise room named `name`, which the
    /// scenario's player fills (its initial situation, then its stimuli on the exercise clock).
    [[nodiscard]] static Result<std::unique_ptr<DemoSession>>
    startExercise(const Clock &clock, const QString &name, const QString &parentDir = {});
    /// Removes the room and its secret.
    ~DemoSession() = default;

    [[nodiscard]] QString path() const { return m_dir.filePath(QStringLiteral("demo-marseille.vigie")); }
    [[nodiscard]] QString folder() const { return m_dir.path(); }
    /// The demo room's name, as its banner shows it.
    [[nodiscard]] static QString roomName();

private:
    explicit DemoSession(const QString &parentDir);
    QTemporaryDir m_dir;
};

} // namespace vigie
