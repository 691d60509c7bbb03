// The layers are enforced by a test: nothing under core/ may include a Gui, Widgets or Quick header.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

#include <gtest/gtest.h>

TEST(Layers, CoreIncludesNoGuiHeaders)
{
    const QRegularExpression forbidden(
        QStringLiteral(
            R"(^\s*#\s*include\s*[<"](QtGui|QtWidgets|QtQuick|QtCharts|QtSvg)?/?(Q(Widget|Painter|Image|Pixmap|Color|Font|Application|GuiApplication|MainWindow|Quick\w*|Chart\w*)|qpainter\.h|qwidget\.h)[>"])"),
        QRegularExpression::MultilineOption);
    const QRegularExpression moduleInclude(
        QStringLiteral(R"(^\s*#\s*include\s*[<"](QtGui|QtWidgets|QtQuick|QtCharts)/)"),
        QRegularExpression::MultilineOption);
    int files = 0;
    QDirIterator it(QStringLiteral(VIGIE_SOURCE_DIR "/core"),
                    {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        ++files;
        EXPECT_FALSE(forbidden.match(text).hasMatch()) << path.toStdString() << " includes a GUI header";
        EXPECT_FALSE(moduleInclude.match(text).hasMatch()) << path.toStdString() << " includes a GUI module";
    }
    EXPECT_GT(files, 10);
}

// Inside core, the room builds on the picture and the stores, never the other way round (room/room.h says
// why): a fold or a store that reached back for the room would make the room a service locator again.
TEST(Layers, PictureAndStoresDoNotIncludeTheRoom)
{
    const QRegularExpression roomInclude(QStringLiteral(R"(^\s*#\s*include\s*"room/)"),
                                         QRegularExpression::MultilineOption);
    int files = 0;
    for (const char *folder : {"/core/picture", "/core/store", "/core/log", "/core/model"}) {
        QDirIterator it(QStringLiteral(VIGIE_SOURCE_DIR) + QLatin1String(folder),
                        {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            ASSERT_TRUE(f.open(QIODevice::ReadOnly));
            ++files;
            EXPECT_FALSE(roomInclude.match(QString::fromUtf8(f.readAll())).hasMatch())
                << path.toStdString() << " includes core/room";
        }
    }
    EXPECT_GT(files, 10);
}
