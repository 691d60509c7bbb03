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
