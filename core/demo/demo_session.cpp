#include "demo/demo_session.h"

#include <QDir>

namespace vigie {

DemoSession::DemoSession(const QString &parentDir)
    : m_dir((parentDir.isEmpty() ? QDir::tempPath() : parentDir) + QStringLiteral("/vigie-demo-XXXXXX"))
{}

QString DemoSession::roomName()
{
    return QStringLiteral("Démo Marseille — 14 juillet");
}

Result<std::unique_ptr<DemoSession>> DemoSession::startExercise(const Clock &clock, const QString &name,
                                                                const QString &parentDir)
{
    std::unique_ptr<DemoSession> session(new DemoSession(parentDir));
    if (!session->m_dir.isValid())
        return Error{
            QStringLiteral("cannot make a folder for the demo room in %1: %2")
                .arg(parentDir.isEmpty() ? QDir::tempPath() : parentDir, session->m_dir.errorString())};
    if (auto room = Room::create(session->path(), name, RoomMode::Exercise, clock); !room)
        return room.error();
    return session;
}

Result<std::unique_ptr<DemoSession>> DemoSession::start(const Clock &clock, const QString &parentDir)
{
    std::unique_ptr<DemoSession> session(new DemoSession(parentDir));
    if (!session->m_dir.isValid())
        return Error{
            QStringLiteral("cannot make a folder for the demo room in %1: %2")
                .arg(parentDir.isEmpty() ? QDir::tempPath() : parentDir, session->m_dir.errorString())};
    // Writing the demo takes a few tens of milliseconds: cheaper than keeping a pristine copy in step with
    // the program's version.
    auto room = Room::create(session->path(), roomName(), RoomMode::Exercise, clock);
    if (!room)
        return room.error();
    if (auto written = writeDemoRoom(**room); !written)
        return written.error();
    return session;
}

} // namespace vigie
