#pragma once
// "Salle › Ouvrir une salle…" (Ctrl+O) and the recent rooms. The console is wired to one room for its
// lifetime (the picture, the writer thread, a shared room's link and the map all hold it), so another room
// opens in a console of its own: this program started again with --room and the same language, desk and
// service. The window in front stays on its room.
#include <QDialog>

class QLineEdit;
class QListWidget;
class QMenu;

namespace vigie::ui {

/// The rooms opened last, most recent first (QSettings "rooms/recent"), at most `maxRecentRooms`.
inline constexpr int maxRecentRooms = 8;
[[nodiscard]] QStringList recentRooms();
/// Puts `location` (a room file, made absolute, or a postgresql:// URL) first in the recent rooms.
void rememberRoom(const QString &location);

/// The arguments that open `location` in a new console speaking this one's language for the same desk.
[[nodiscard]] QStringList consoleArguments(const QString &location);
/// Starts a console on `location`; false, with the reason in `error`, when it cannot be started or the file
/// does not exist.
bool openInNewConsole(const QString &location, QString *error = nullptr);

/// Asks for a room: a file (Parcourir…), a postgresql:// URL typed in, or one of the recent rooms.
class OpenRoomDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OpenRoomDialog(QWidget *parent = nullptr);
    [[nodiscard]] QString location() const;
    [[nodiscard]] QLineEdit *locationField() const { return m_location; }

private:
    QLineEdit *m_location;
    QListWidget *m_recent;
};

/// Adds "Ouvrir une salle…" (Ctrl+O) and "Salles récentes" to `menu`; status messages go to `window`'s bar.
void addRoomActions(QMenu *menu, QWidget *window, QAction *before = nullptr);

} // namespace vigie::ui
