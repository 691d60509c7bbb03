#include "ui/room_opener.h"

#include "ui/labels.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QVBoxLayout>

namespace vigie::ui {

namespace {

const QString recentKey = QStringLiteral("rooms/recent");

bool isUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) ||
           location.startsWith(QLatin1String("postgres://"));
}

QString normalised(const QString &location)
{
    return isUrl(location) ? location : QFileInfo(location).absoluteFilePath();
}

} // namespace

QStringList recentRooms()
{
    return QSettings().value(recentKey).toStringList().mid(0, maxRecentRooms);
}

void rememberRoom(const QString &location)
{
    if (location.trimmed().isEmpty())
        return;
    const QString room = normalised(location.trimmed());
    QStringList rooms = recentRooms();
    rooms.removeAll(room);
    rooms.prepend(room);
    QSettings().setValue(recentKey, rooms.mid(0, maxRecentRooms));
}

QStringList consoleArguments(const QString &location)
{
    QStringList args{QStringLiteral("--room"), normalised(location), QStringLiteral("--lang"),
                     QLocale().language() == QLocale::English ? QStringLiteral("en") : QStringLiteral("fr")};
    // A shared room is entered as the same desk for the same service.
    if (isUrl(location)) {
        args << QStringLiteral("--desk") << deskAuthor();
        if (!deskAgency().isEmpty())
            args << QStringLiteral("--agency") << deskAgency();
    }
    return args;
}

bool openInNewConsole(const QString &location, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    const QString room = location.trimmed();
    if (room.isEmpty())
        return fail(OpenRoomDialog::tr("Indiquez un fichier de salle ou une adresse postgresql://."));
    if (!isUrl(room) && !QFileInfo(room).isFile())
        return fail(OpenRoomDialog::tr("Le fichier %1 n'existe pas.").arg(room));
    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), consoleArguments(room)))
        return fail(OpenRoomDialog::tr("Impossible de lancer une console pour %1.").arg(room));
    rememberRoom(room);
    return true;
}

OpenRoomDialog::OpenRoomDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("OpenRoomDialog"));
    setWindowTitle(tr("Ouvrir une salle"));
    m_location = new QLineEdit(this);
    m_location->setObjectName(QStringLiteral("RoomLocation"));
    m_location->setPlaceholderText(tr("fichier .vigie ou postgresql://serveur/base?room=nom"));
    m_location->setMinimumWidth(420);
    auto *browse = new QPushButton(tr("Parcourir…"), this);
    browse->setObjectName(QStringLiteral("BrowseRoom"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Ouvrir une salle"), QDir::homePath(),
                                         tr("Salles Vigie (*.vigie);;Tous les fichiers (*)"));
        if (!file.isEmpty())
            m_location->setText(file);
    });
    auto *row = new QHBoxLayout;
    row->addWidget(m_location, 1);
    row->addWidget(browse);

    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("RecentRooms"));
    m_recent->addItems(recentRooms());
    connect(m_recent, &QListWidget::currentTextChanged, m_location, &QLineEdit::setText);
    connect(m_recent, &QListWidget::itemActivated, this, &QDialog::accept);

    auto *note =
        new QLabel(tr("La salle s'ouvre dans une nouvelle console ; celle-ci reste sur sa salle."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Salle :"), this));
    layout->addLayout(row);
    layout->addWidget(new QLabel(tr("Salles récentes :"), this));
    layout->addWidget(m_recent, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString OpenRoomDialog::location() const
{
    return m_location->text().trimmed();
}

void addRoomActions(QMenu *menu, QWidget *window, QAction *before)
{
    auto say = [window](const QString &message) {
        if (auto *main = qobject_cast<QMainWindow *>(window))
            main->statusBar()->showMessage(message, 10000);
    };
    auto open = [say](const QString &room) {
        QString error;
        if (openInNewConsole(room, &error))
            say(OpenRoomDialog::tr("%1 s'ouvre dans une nouvelle console.").arg(room));
        else
            say(error);
    };
    auto *openAction = new QAction(OpenRoomDialog::tr("&Ouvrir une salle…"), menu);
    openAction->setObjectName(QStringLiteral("OpenRoom"));
    openAction->setShortcut(QKeySequence::Open);
    QObject::connect(openAction, &QAction::triggered, window, [window, open] {
        OpenRoomDialog dialog(window);
        if (dialog.exec() == QDialog::Accepted)
            open(dialog.location());
    });
    menu->insertAction(before, openAction);
    auto *recent = new QMenu(OpenRoomDialog::tr("Salles &récentes"), menu);
    recent->setObjectName(QStringLiteral("RecentRoomsMenu"));
    menu->insertMenu(before, recent);
    // Rebuilt each time it opens: another console may have opened a room since.
    QObject::connect(recent, &QMenu::aboutToShow, recent, [recent, open] {
        recent->clear();
        const QStringList rooms = recentRooms();
        if (rooms.isEmpty())
            recent->addAction(OpenRoomDialog::tr("(aucune)"))->setEnabled(false);
        for (const QString &room : rooms)
            recent->addAction(room, recent, [room, open] { open(room); });
    });
    menu->insertSeparator(before);
}

} // namespace vigie::ui
